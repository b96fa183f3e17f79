package io.oms.channel.shopify;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.events.Channel;
import io.oms.events.OrderId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import io.oms.events.fulfilment.ShipmentCreated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class ShipmentPushTest {

    private static final String ORDER = """
            query($id: ID!) { order(id: $id) { displayFulfillmentStatus
              lineItems(first: 10) { nodes { id sku quantity } }
              fulfillments(first: 5) { trackingInfo { company number url } fulfillmentLineItems(first: 10) { nodes { quantity lineItem { id } } } } } }
            """;

    @Test
    void aShipmentOfTwoOfThreeLinesCreatesAFulfillmentWithTheTrackingNumberForThoseTwo() {
        JsonPath store = ShopifySandbox.createShop("ship-" + UUID.randomUUID().toString().substring(0, 6), 8);
        String domain = store.getString("domain");
        Shops.connect(store);
        Events.awaitConsumersReady();
        String orderId = threeLineOrder(store, domain);
        JsonPath before = order(store, orderId);
        List<String> lineIds = before.getList("lineItems.nodes.id");
        List<Integer> quantities = before.getList("lineItems.nodes.quantity");
        String omsOrder = "ORD-" + UUID.randomUUID();
        String tracking = "00340434161094042557";

        try (Topic results = new Topic(Topic.PUSH_RESULTS, omsOrder)) {
            Events.send("/fulfilment-service", new ShipmentCreated("SHP-" + UUID.randomUUID(), OrderId.of(omsOrder), Channel.SHOPIFY,
                    ShopId.of(domain), orderId, "DHL", tracking, "https://dhl.example/t/" + tracking,
                    List.of(line(lineIds.get(0), quantities.get(0)), line(lineIds.get(2), quantities.get(2))), Instant.now()));

            await().atMost(Duration.ofSeconds(90)).until(() -> !results.poll().isEmpty());
            assertThat(results.poll()).singleElement().satisfies(r -> {
                assertThat(r.value().path("success").asBoolean()).as(r.value().toString()).isTrue();
                assertThat(r.value().path("kind").asText()).isEqualTo("TRACKING");
                assertThat(r.value().path("channel").asText()).isEqualTo("shopify");
                assertThat(r.value().path("pushed").asText()).contains(tracking);
            });
        }
        JsonPath after = order(store, orderId);
        assertThat(after.getString("displayFulfillmentStatus")).isEqualTo("PARTIALLY_FULFILLED");
        assertThat(after.getList("fulfillments")).hasSize(1);
        assertThat(after.getString("fulfillments[0].trackingInfo[0].number")).isEqualTo(tracking);
        assertThat(after.getString("fulfillments[0].trackingInfo[0].company")).isEqualTo("DHL");
        assertThat(after.getList("fulfillments[0].fulfillmentLineItems.nodes.lineItem.id"))
                .containsExactlyInAnyOrder(lineIds.get(0), lineIds.get(2));
        assertThat(after.getList("fulfillments[0].fulfillmentLineItems.nodes.quantity"))
                .containsExactlyInAnyOrder(quantities.get(0), quantities.get(2));
    }

    @Test
    void aShipmentOfACancelledOrderIsReportedAsAFailedPushNamingTheLine() {
        JsonPath store = ShopifySandbox.createShop("shipcx-" + UUID.randomUUID().toString().substring(0, 6), 4);
        String domain = store.getString("domain");
        Shops.connect(store);
        Events.awaitConsumersReady();
        long order = ShopifySandbox.createOrders(domain, 1).get(0);
        ShopifySandbox.cancel(domain, order);
        String omsOrder = "ORD-" + UUID.randomUUID();
        String lineId = order(store, String.valueOf(order)).getString("lineItems.nodes[0].id");

        try (Topic results = new Topic(Topic.PUSH_RESULTS, omsOrder)) {
            Events.send("/fulfilment-service", new ShipmentCreated("SHP-" + UUID.randomUUID(), OrderId.of(omsOrder), Channel.SHOPIFY,
                    ShopId.of(domain), String.valueOf(order), "UPS", "1Z999", null, List.of(line(lineId, 1)), Instant.now()));

            await().atMost(Duration.ofSeconds(90)).until(() -> !results.poll().isEmpty());
            assertThat(results.poll()).singleElement().satisfies(r -> {
                assertThat(r.value().path("success").asBoolean()).isFalse();
                assertThat(r.value().path("error").asText()).contains(lineId.replaceAll(".*/", "")).contains("not an open line");
            });
        }
        assertThat(order(store, String.valueOf(order)).getList("fulfillments")).isEmpty();
    }

    private static ShipmentCreated.Line line(String lineGid, int quantity) {
        return new ShipmentCreated.Line(lineGid.replaceAll(".*/", ""), Sku.of("unused-" + quantity), quantity);
    }

    /** An order of the store with three lines (the sandbox makes 1 to 3 per order). */
    private static String threeLineOrder(JsonPath store, String domain) {
        for (int i = 0; i < 10; i++) {
            List<Map<String, Object>> created = io.restassured.RestAssured.given().baseUri(ShopifySandbox.baseUrl()).contentType("application/json")
                    .body(Map.of("count", 20)).post("/sandbox/shopify/shops/" + domain + "/orders").then().extract().path("items");
            for (Map<String, Object> order : created) {
                if (Integer.valueOf(3).equals(order.get("lines"))) {
                    return String.valueOf(order.get("legacyResourceId"));
                }
            }
        }
        throw new IllegalStateException("the sandbox made no order with three lines");
    }

    private static JsonPath order(JsonPath store, String orderId) {
        return ShopifySandbox.graphql(store, ORDER, Map.of("id", "gid://shopify/Order/" + orderId)).setRootPath("data.order");
    }
}
