package io.oms.channel.shopify.inventory;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.shopify.ShopifySandbox;
import io.oms.channel.shopify.client.ShopifyClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class ShopifyInventoryTest {

    @Inject
    ShopifyInventory inventory;

    @Inject
    ShopifyClient client;

    @Test
    void fiveHundredSkusAreWrittenWithTwoMutationsWithinTheStandardBudget() {
        JsonPath store = ShopifySandbox.createShop("stock-" + UUID.randomUUID().toString().substring(0, 6), 260);
        String domain = store.getString("domain");
        List<String> skus = store.getList("skus", String.class);
        assertThat(skus).hasSizeGreaterThanOrEqualTo(500);
        ShopAccess shop = connect(store);
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (int i = 0; i < 500; i++) {
            wanted.put(skus.get(i), (i * 7) % 40);
        }

        ShopifyInventory.Result result = inventory.setAvailable(shop, inventory.primaryLocation(shop), wanted);

        assertThat(result.failed()).isEmpty();
        assertThat(result.applied()).isEqualTo(wanted);
        assertThat(result.mutations()).isEqualTo(2);
        List<Map<String, Object>> calls = ShopifySandbox.calls(domain);
        assertThat(calls.stream().filter(c -> "SetAvailable".equals(c.get("operation")))).hasSize(2);
        assertThat(client.throttledAnswers(domain)).as("within the standard plan's budget, never throttled").isZero();
        for (String sku : List.of(skus.get(0), skus.get(123), skus.get(499))) {
            assertThat(available(store, sku)).as(sku).isEqualTo(wanted.get(sku));
        }
        // the second write of the same SKUs finds them in the cache: no SKU search again
        long searches = calls.stream().filter(c -> String.valueOf(c.get("operation")).startsWith("InventoryItemsBySku")).count();
        inventory.setAvailable(shop, inventory.primaryLocation(shop), Map.of(skus.get(0), 3));
        assertThat(ShopifySandbox.calls(domain).stream().filter(c -> String.valueOf(c.get("operation")).startsWith("InventoryItemsBySku")))
                .hasSize((int) searches);
        assertThat(available(store, skus.get(0))).isEqualTo(3);
    }

    @Test
    void aSaleRecordedBetweenReadAndWriteIsNotOverwritten() {
        JsonPath store = ShopifySandbox.createShop("sale-" + UUID.randomUUID().toString().substring(0, 6), 2);
        String domain = store.getString("domain");
        List<String> skus = store.getList("skus", String.class);
        ShopAccess shop = connect(store);
        Map<String, Integer> wanted = new LinkedHashMap<>();
        skus.forEach(sku -> wanted.put(sku, 500));
        Map<String, Integer> sold = new HashMap<>();
        SaleBetweenReadAndWrite.once(domain, () -> {
            Map<String, Integer> before = new HashMap<>();
            skus.forEach(sku -> before.put(sku, available(store, sku)));
            ShopifySandbox.createOrders(domain, 3);
            skus.forEach(sku -> sold.put(sku, before.get(sku) - available(store, sku)));
        });

        ShopifyInventory.Result result = inventory.setAvailable(shop, inventory.primaryLocation(shop), wanted);

        assertThat(sold.values().stream().mapToInt(Integer::intValue).sum()).as("the sale took stock").isPositive();
        assertThat(result.mutations()).as("one stale compare, then the write").isEqualTo(2);
        for (String sku : skus) {
            assertThat(available(store, sku)).as(sku).isEqualTo(500 - sold.get(sku));
        }
    }

    private static ShopAccess connect(JsonPath store) {
        String id = given().contentType(ContentType.JSON).body(ShopifySandbox.connectBody(store)).post("/api/v1/shops")
                .then().statusCode(201).extract().path("id");
        return new ShopAccess(UUID.fromString(id), store.getString("domain"));
    }

    private static int available(JsonPath store, String sku) {
        return ShopifySandbox.graphql(store, """
                query($q: String!) { inventoryItems(first: 1, query: $q) { nodes {
                  inventoryLevels(first: 1) { nodes { quantities(names: ["available"]) { quantity } } } } } }
                """, Map.of("q", "sku:\"" + sku + "\"")).getInt("data.inventoryItems.nodes[0].inventoryLevels.nodes[0].quantities[0].quantity");
    }
}
