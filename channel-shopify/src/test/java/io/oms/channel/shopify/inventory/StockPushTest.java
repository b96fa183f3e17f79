package io.oms.channel.shopify.inventory;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.channel.core.sync.ShopWorkers;
import io.oms.channel.shopify.Events;
import io.oms.channel.shopify.ShopifySandbox;
import io.oms.channel.shopify.client.ShopifyClient;
import io.oms.events.Sku;
import io.oms.events.inventory.StockChanged;
import io.oms.events.inventory.StockChanged.WarehouseStock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** StockChanged from Kafka through the core's coalescing queue into Shopify's inventorySetQuantities. */
@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class StockPushTest {

    @Inject
    ShopWorkers workers;

    @Inject
    ShopifyClient client;

    @Test
    void twoThousandStockChangesForFiveHundredSkusLandWithTwoMutationsInOneDrainCycleAndNoThrottledAnswer() {
        JsonPath store = ShopifySandbox.createShop(prefix() + "-push", 260);
        String domain = store.getString("domain");
        String id = connect(store);
        given().contentType(ContentType.JSON).body(Map.of("warehouse", "WH1")).patch("/api/v1/shops/" + id).then().statusCode(200);
        List<String> skus = awaitDiscovery(id, 500).keySet().stream().sorted().limit(500).toList();
        assertThat(skus).hasSize(500);
        Events.awaitConsumersReady();

        // everything is queued while no replica drains, so that one drain cycle meets the coalesced queue
        workers.stop();
        Map<String, Integer> expected = new HashMap<>();
        try {
            Random random = new Random(11);
            long base = System.currentTimeMillis() * 10;
            List<StockChanged> changes = new ArrayList<>();
            for (int version = 1; version <= 4; version++) {
                for (String sku : skus) {
                    int wh1 = random.nextInt(400);
                    int wh2 = random.nextInt(400);
                    changes.add(new StockChanged(Sku.of(sku), List.of(new WarehouseStock("WH1", wh1), new WarehouseStock("WH2", wh2)),
                            wh1 + wh2, base + version));
                    if (version == 4) {
                        expected.put(sku, wh1);
                    }
                }
            }
            Collections.shuffle(changes, random); // an older version arriving late changes nothing
            assertThat(changes).hasSize(2000);
            Events.sendAll("/inventory-service", changes);
            await().atMost(Duration.ofSeconds(180)).until(() -> queuedQuantities(id).equals(expected));
        } finally {
            workers.start();
        }
        Instant drainStarted = Instant.now();

        await().atMost(Duration.ofSeconds(180)).until(() -> given().get("/api/v1/shops/" + id + "/push-queue").then().extract()
                .<Integer>path("total") == 0);

        List<Map<String, Object>> writes = ShopifySandbox.calls(domain).stream().filter(c -> "SetAvailable".equals(c.get("operation")))
                .toList();
        assertThat(writes).as("one drain cycle, ceil(500 / 250) inventorySetQuantities").hasSize(2)
                .allSatisfy(c -> assertThat(Instant.parse((String) c.get("time"))).isAfterOrEqualTo(drainStarted.minusSeconds(1)));
        assertThat(client.throttledAnswers(domain)).as("within the default plan's budget, never throttled").isZero();
        assertThat(availableAt(store, store.getList("locationIds", String.class).get(0))).containsAllEntriesOf(expected);
    }

    @Test
    void theStockOfTheShopsWarehouseGoesToTheMappedLocationAndTheOtherLocationKeepsItsOwn() {
        JsonPath store = ShopifySandbox.createShop(prefix() + "-locs", 2, 2);
        List<String> locations = store.getList("locationIds", String.class);
        String id = connect(store);
        String numericId = locations.get(1).substring(locations.get(1).lastIndexOf('/') + 1);
        given().contentType(ContentType.JSON).body(Map.of("warehouse", "WH2", "location", numericId)).patch("/api/v1/shops/" + id)
                .then().statusCode(200).body("settings.location", org.hamcrest.Matchers.equalTo(numericId));
        List<String> skus = List.copyOf(awaitDiscovery(id, 3).keySet());
        Events.awaitConsumersReady();
        Map<String, Integer> primaryBefore = availableAt(store, locations.get(0));
        long version = System.currentTimeMillis() * 10;
        Map<String, Integer> expected = new HashMap<>();
        List<StockChanged> changes = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            changes.add(new StockChanged(Sku.of(skus.get(i)), List.of(new WarehouseStock("WH1", 50 + i), new WarehouseStock("WH2", 7 + i)),
                    57 + 2 * i, version));
            expected.put(skus.get(i), 7 + i);
        }
        Events.sendAll("/inventory-service", changes);

        await().atMost(Duration.ofSeconds(120)).until(() -> availableAt(store, locations.get(1)).entrySet().containsAll(expected.entrySet()));
        assertThat(availableAt(store, locations.get(0))).as("the primary location is not the shop's").isEqualTo(primaryBefore);
    }

    @Test
    void aSaleBetweenTheReadAndTheWriteOfAQueuedPushIsNotOverwritten() {
        JsonPath store = ShopifySandbox.createShop(prefix() + "-sale", 2);
        String domain = store.getString("domain");
        String id = connect(store);
        List<String> skus = List.copyOf(awaitDiscovery(id, 3).keySet());
        Events.awaitConsumersReady();
        String location = store.getList("locationIds", String.class).get(0);
        Map<String, Integer> sold = new java.util.concurrent.ConcurrentHashMap<>();
        SaleBetweenReadAndWrite.once(domain, () -> {
            Map<String, Integer> before = availableAt(store, location);
            ShopifySandbox.createOrders(domain, 3);
            Map<String, Integer> after = availableAt(store, location);
            skus.forEach(sku -> sold.put(sku, before.get(sku) - after.get(sku)));
        });
        long version = System.currentTimeMillis() * 10;
        Events.sendAll("/inventory-service", skus.stream().map(sku -> new StockChanged(Sku.of(sku), List.of(), 500, version)).toList());

        await().atMost(Duration.ofSeconds(120)).until(() -> !sold.isEmpty() && given().get("/api/v1/shops/" + id + "/push-queue").then()
                .extract().<Integer>path("total") == 0);
        assertThat(sold.values().stream().mapToInt(Integer::intValue).sum()).as("the sale took stock").isPositive();
        // At least one compare went stale and was written again (the three SKUs may also arrive in two drain cycles).
        assertThat(ShopifySandbox.calls(domain).stream().filter(c -> "SetAvailable".equals(c.get("operation"))))
                .as("a stale compare, then the write").hasSizeGreaterThanOrEqualTo(2);
        Map<String, Integer> now = availableAt(store, location);
        skus.forEach(sku -> assertThat(now.get(sku)).as(sku).isEqualTo(500 - sold.get(sku)));
    }

    /** A four-letter SKU prefix of its own (the sandbox derives SKUs from the store's name). */
    private static String prefix() {
        return "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 3);
    }

    private static String connect(JsonPath store) {
        return given().contentType(ContentType.JSON).body(ShopifySandbox.connectBody(store)).post("/api/v1/shops")
                .then().statusCode(201).extract().path("id");
    }

    /** SKU → unit id, once discovery found at least {@code units}. */
    static Map<String, String> awaitDiscovery(String id, int units) {
        await().atMost(Duration.ofSeconds(180)).until(() -> given().get("/api/v1/shops/" + id + "/listings").then().extract()
                .<Integer>path("total") >= units);
        List<Map<String, Object>> items = given().get("/api/v1/shops/" + id + "/listings").then().extract().path("items");
        return items.stream().filter(u -> u.get("sku") != null)
                .collect(Collectors.toMap(u -> (String) u.get("sku"), u -> (String) u.get("unitId"), (first, duplicate) -> first, LinkedHashMap::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> queuedQuantities(String id) {
        List<Map<String, Object>> rows = given().get("/api/v1/shops/" + id + "/push-queue").then().statusCode(200).extract().path("items");
        Map<String, Integer> out = new HashMap<>();
        rows.forEach(r -> ((Map<String, Integer>) r.get("stock")).forEach(out::put));
        return out;
    }

    /** SKU → "available" at the location, as the store shows it. */
    static Map<String, Integer> availableAt(JsonPath store, String location) {
        Map<String, Integer> out = new HashMap<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("location", location);
            variables.put("after", after);
            JsonPath page = ShopifySandbox.graphql(store, """
                    query($location: ID!, $after: String) { inventoryItems(first: 200, after: $after) {
                      nodes { sku inventoryLevel(locationId: $location) { quantities(names: ["available"]) { quantity } } }
                      pageInfo { hasNextPage endCursor } } }
                    """, variables);
            List<Map<String, Object>> nodes = page.getList("data.inventoryItems.nodes");
            for (Map<String, Object> n : nodes) {
                Map<String, Object> level = (Map<String, Object>) n.get("inventoryLevel");
                List<Map<String, Object>> quantities = (List<Map<String, Object>>) level.get("quantities");
                out.put((String) n.get("sku"), (Integer) quantities.get(0).get("quantity"));
            }
            after = page.getBoolean("data.inventoryItems.pageInfo.hasNextPage") ? page.getString("data.inventoryItems.pageInfo.endCursor") : null;
        } while (after != null);
        return out;
    }
}
