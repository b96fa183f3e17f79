package io.oms.channel.etsy;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import com.fasterxml.jackson.databind.JsonNode;
import io.oms.channel.core.sync.ShopWorkers;
import io.oms.events.Sku;
import io.oms.events.Topics;
import io.oms.events.inventory.PriceChanged;
import io.oms.events.inventory.StockChanged;
import io.oms.events.inventory.StockChanged.WarehouseStock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class StockPushTest {

    @Inject
    ShopWorkers workers;

    @Test
    void fiveHundredStockChangesForFiftySkusCostOneGroupReadAndOneInventoryUpdatePerListingWithinTheRateLimitAndLand() {
        JsonPath sandboxShop = EtsySandbox.createShop("Stock" + UUID.randomUUID().toString().substring(0, 6), 22, 500);
        long etsyShopId = sandboxShop.getLong("shopId");
        String id = Shops.connect(sandboxShop);
        given().contentType(ContentType.JSON).body(Map.of("warehouse", "WH1")).patch("/api/v1/shops/" + id).then().statusCode(200);
        Map<String, String> listingOfSku = awaitDiscovery(id, 52);
        List<String> skus = listingOfSku.keySet().stream().sorted().limit(50).toList();
        Events.consumersReady();

        // everything queued while no replica drains, so that one drain cycle meets the coalesced queue
        workers.stop();
        Map<String, Integer> expected = new HashMap<>();
        try {
            Random random = new Random(7);
            List<StockChanged> changes = new ArrayList<>();
            for (int version = 1; version <= 10; version++) {
                for (String sku : skus) {
                    int wh1 = 1 + random.nextInt(300);
                    int wh2 = random.nextInt(300);
                    int total = wh1 + wh2 - (version == 10 && sku.equals(skus.get(0)) ? wh1 : 0); // the total caps one SKU below WH1
                    changes.add(new StockChanged(Sku.of(sku), List.of(new WarehouseStock("WH1", wh1), new WarehouseStock("WH2", wh2)),
                            total, version));
                    expected.put(sku, Math.min(wh1, total));
                }
            }
            Events.publish("/inventory-service", changes);
            await().atMost(Duration.ofSeconds(120)).until(() -> queuedQuantities(id).equals(expected));
        } finally {
            workers.start();
        }
        Instant drainStarted = Instant.now();

        await().atMost(Duration.ofSeconds(120)).until(() -> given().get("/api/v1/shops/" + id + "/push-queue").then().extract().<Integer>path("total") == 0);
        assertThat(EtsyShopState.quantities(sandboxShop)).containsAllEntriesOf(expected);

        List<Map<String, Object>> calls = EtsySandbox.calls(etsyShopId).stream().filter(c -> !String.valueOf(c.get("operation")).startsWith("token"))
                .filter(c -> !Instant.parse((String) c.get("time")).isBefore(drainStarted.minusSeconds(1))).toList();
        Map<Object, Long> updatesPerListing = calls.stream().filter(c -> "updateListingInventory".equals(c.get("operation")))
                .collect(Collectors.groupingBy(c -> c.get("path"), Collectors.counting()));
        assertThat(updatesPerListing).as("one inventory update per listing").hasSize(22).allSatisfy((listing, n) -> assertThat(n).isEqualTo(1L));
        assertThat(calls).as("the 22 listings read ahead in one call, none alone")
                .filteredOn(c -> "getListingsByListingIds".equals(c.get("operation"))).hasSize(1);
        assertThat(calls).filteredOn(c -> "getListingInventory".equals(c.get("operation"))).isEmpty();
        assertThat(calls).as("no 429").noneMatch(c -> Integer.valueOf(429).equals(c.get("status")));
        assertThat(maxCallsInAnySecond(calls)).as("calls in any second").isLessThanOrEqualTo(10);

        try (TopicReader results = new TopicReader(Topics.CHANNEL_PUSH_RESULT,
                r -> String.valueOf(etsyShopId).equals(r.path("shopId").asText()) && "STOCK".equals(r.path("kind").asText()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> results.poll().stream().map(r -> r.path("reference").asText()).distinct().count() >= 50);
            assertThat(results.poll()).allMatch(r -> r.path("success").asBoolean(), "every stock push succeeded");
        }
    }

    @Test
    void aPriceChangePushesTheSellingPriceAndStockSyncOffSendsNoStock() {
        JsonPath sandboxShop = EtsySandbox.createShop("Price" + UUID.randomUUID().toString().substring(0, 6), 3, 40);
        long etsyShopId = sandboxShop.getLong("shopId");
        String id = Shops.connect(sandboxShop);
        Map<String, String> listingOfSku = awaitDiscovery(id, 7);
        Events.consumersReady();
        // listing 3 has one SKU without variations
        String single = listingOfSku.entrySet().stream().filter(e -> !e.getValue().contains(":")).findFirst().orElseThrow().getKey();
        String variant = listingOfSku.keySet().stream().filter(s -> !s.equals(single)).sorted().findFirst().orElseThrow();

        given().contentType(ContentType.JSON).body(Map.of("stockSync", false)).patch("/api/v1/shops/" + id).then().statusCode(200);
        Events.publish("/inventory-service", new StockChanged(Sku.of(single), List.of(new WarehouseStock("WH1", 3)), 3, 1));
        Events.publish("/inventory-service", new PriceChanged(Sku.of(variant), new BigDecimal("30.00"), new BigDecimal("24.50"), "EUR", 1));

        try (TopicReader results = new TopicReader(Topics.CHANNEL_PUSH_RESULT, r -> String.valueOf(etsyShopId).equals(r.path("shopId").asText()))) {
            await().atMost(Duration.ofSeconds(120)).until(() -> results.poll().stream().anyMatch(r -> "PRICE".equals(r.path("kind").asText())));
            JsonNode price = results.poll().stream().filter(r -> "PRICE".equals(r.path("kind").asText())).findFirst().orElseThrow();
            assertThat(price.path("success").asBoolean()).as(price.toString()).isTrue();
            assertThat(price.path("reference").asText()).isEqualTo(variant);
            assertThat(results.poll()).noneMatch(r -> "STOCK".equals(r.path("kind").asText()));
        }
        assertThat(EtsyShopState.prices(sandboxShop).get(variant)).isEqualByComparingTo("24.50");
        assertThat(EtsyShopState.quantities(sandboxShop).get(single)).as("stock sync off: untouched").isEqualTo(40);
        String singleListing = listingOfSku.get(single);
        assertThat(EtsySandbox.calls(etsyShopId)).as("no inventory write of the stock-only listing")
                .noneMatch(c -> "updateListingInventory".equals(c.get("operation")) && String.valueOf(c.get("path")).contains("/" + singleListing + "/"));
    }

    @Test
    void withThirtyPercentServerErrorsAndSome429sEveryStockPushStillLands() {
        JsonPath sandboxShop = EtsySandbox.createShop("Flaky" + UUID.randomUUID().toString().substring(0, 6), 6, 100);
        long etsyShopId = sandboxShop.getLong("shopId");
        String id = Shops.connect(sandboxShop);
        Map<String, String> listingOfSku = awaitDiscovery(id, 14);
        Events.consumersReady();
        EtsySandbox.faults(etsyShopId, Map.of("errorRate", 0.3, "errorStatus", 500));

        Map<String, Integer> expected = new HashMap<>();
        List<StockChanged> first = new ArrayList<>();
        listingOfSku.keySet().forEach(sku -> first.add(new StockChanged(Sku.of(sku), List.of(), 10 + sku.length(), 1)));
        Events.publish("/inventory-service", first);
        await().atMost(Duration.ofSeconds(120)).until(() -> EtsySandbox.calls(etsyShopId).stream().anyMatch(c -> Integer.valueOf(500).equals(c.get("status"))));

        EtsySandbox.faults(etsyShopId, Map.of("errorRate", 0.3, "errorStatus", 429));
        List<StockChanged> second = new ArrayList<>();
        listingOfSku.keySet().forEach(sku -> {
            second.add(new StockChanged(Sku.of(sku), List.of(), 20 + sku.hashCode() % 7 + 7, 2));
            expected.put(sku, 20 + sku.hashCode() % 7 + 7);
        });
        Events.publish("/inventory-service", second);

        try (TopicReader results = new TopicReader(Topics.CHANNEL_PUSH_RESULT,
                r -> String.valueOf(etsyShopId).equals(r.path("shopId").asText()) && "STOCK".equals(r.path("kind").asText()))) {
            await().atMost(Duration.ofSeconds(180)).until(() -> expected.entrySet().stream().allMatch(e -> results.poll().stream().anyMatch(r ->
                    r.path("reference").asText().equals(e.getKey()) && r.path("pushed").asText().endsWith("quantity=" + e.getValue()))));
            assertThat(results.poll()).allMatch(r -> r.path("success").asBoolean(), "every stock push landed");
        }
        EtsySandbox.faults(etsyShopId, Map.of());
        assertThat(EtsyShopState.quantities(sandboxShop)).containsAllEntriesOf(expected);
        assertThat(EtsySandbox.calls(etsyShopId)).anyMatch(c -> Integer.valueOf(429).equals(c.get("status")));
    }

    @Test
    void aShopStopsCallingForTheDayWhenItsDailyQuotaIsAtTheReserveAndKeepsItsPushes() {
        JsonPath sandboxShop = EtsySandbox.createShop("Quota" + UUID.randomUUID().toString().substring(0, 6), 3, 50);
        long etsyShopId = sandboxShop.getLong("shopId");
        String id = Shops.connect(sandboxShop);
        Map<String, String> listingOfSku = awaitDiscovery(id, 7);
        Events.consumersReady();
        io.restassured.RestAssured.given().baseUri(EtsySandbox.baseUrl()).contentType(ContentType.JSON).body(Map.of("limitPerDay", 50))
                .put("/sandbox/etsy/shops/" + etsyShopId + "/limits").then().statusCode(200);

        Events.publish("/inventory-service", new StockChanged(Sku.of(listingOfSku.keySet().iterator().next()), List.of(), 4, 1));
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            List<Map<String, Object>> rows = given().get("/api/v1/shops/" + id + "/push-queue").then().extract().path("items");
            return rows.size() == 1 && String.valueOf(rows.get(0).get("lastError")).matches(".*(daily|wait).*");
        });
        long calls = EtsySandbox.calls(etsyShopId).size();
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).until(() -> EtsySandbox.calls(etsyShopId).size() == calls);
        given().get("/api/v1/shops/" + id + "/push-queue").then().body("total", org.hamcrest.Matchers.equalTo(1));
    }

    /** Waits for the connector's discovery and answers SKU → listing unit id. */
    static Map<String, String> awaitDiscovery(String id, int units) {
        await().atMost(Duration.ofSeconds(120)).until(() -> given().get("/api/v1/shops/" + id + "/listings").then().extract().<Integer>path("total") >= units);
        List<Map<String, Object>> items = given().get("/api/v1/shops/" + id + "/listings").then().extract().path("items");
        return items.stream().filter(u -> u.get("sku") != null)
                .collect(Collectors.toMap(u -> (String) u.get("sku"), u -> (String) u.get("unitId"), (first, duplicate) -> first));
    }

    private static Map<String, Integer> queuedQuantities(String id) {
        List<Map<String, Object>> rows = given().get("/api/v1/shops/" + id + "/push-queue").then().statusCode(200).extract().path("items");
        Map<String, Integer> out = new HashMap<>();
        rows.forEach(r -> ((Map<String, Integer>) r.get("stock")).forEach(out::put));
        return out;
    }

    static int maxCallsInAnySecond(List<Map<String, Object>> calls) {
        List<Instant> times = calls.stream().map(c -> Instant.parse((String) c.get("time"))).sorted().toList();
        int max = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (Duration.between(times.get(j), times.get(i)).toMillis() >= 1000) {
                j++;
            }
            max = Math.max(max, i - j + 1);
        }
        return max;
    }
}
