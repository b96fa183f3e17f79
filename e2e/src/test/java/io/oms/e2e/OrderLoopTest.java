package io.oms.e2e;

import io.oms.local.Seed;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The loop through every process: orders placed in the sandbox shops reach order-service and are reserved in
 * inventory; a shipment entered in fulfilment-service reaches both marketplaces and the order goes IN_TRANSIT;
 * a buyer's cancellation cancels the order and releases its stock.
 */
@ExtendWith(Stack.class)
class OrderLoopTest {

    private static final Duration BOUND = Duration.ofMinutes(3);
    private static Seed.DemoShops shops;

    @BeforeAll
    static void connectTheDemoShops() throws Exception {
        shops = new Seed(Stack.endpoints()).run();
    }

    @Test
    void ordersPlacedInBothShopsAppearInOrderServiceWithTheirTotalsAndAreReservedInInventory() {
        List<Map<String, Object>> etsyReceipts = sandbox().body(Map.of("count", 2))
                .post("/sandbox/etsy/shops/{shop}/receipts", shops.etsyShopId()).then().statusCode(201).extract().path("items");
        List<Map<String, Object>> shopifyOrders = sandbox().body(Map.of("count", 2))
                .post("/sandbox/shopify/shops/{domain}/orders", shops.shopifyDomain()).then().statusCode(201).extract().path("items");

        for (Map<String, Object> receipt : etsyReceipts) {
            JsonPath order = awaitOrder("etsy", shops.etsyShopId(), String.valueOf(receipt.get("receiptId")));
            assertThat(new BigDecimal(order.getString("totals.total.amount"))).isEqualByComparingTo(new BigDecimal(receipt.get("grandTotal").toString()));
            assertThat(order.getString("totals.total.currency")).isEqualTo(receipt.get("currency"));
            assertThat(order.getList("lines")).hasSize((Integer) receipt.get("lines"));
            assertThat(order.getString("shippingAddress.city")).isNotBlank();
            assertReserved(order);
        }
        for (Map<String, Object> shopifyOrder : shopifyOrders) {
            JsonPath order = awaitOrder("shopify", shops.shopifyDomain(), String.valueOf(shopifyOrder.get("legacyResourceId")));
            assertThat(new BigDecimal(order.getString("totals.total.amount"))).isEqualByComparingTo(new BigDecimal(shopifyOrder.get("total").toString()));
            assertThat(order.getString("externalOrderNumber")).isEqualTo(shopifyOrder.get("name"));
            assertThat(order.getList("lines")).hasSize((Integer) shopifyOrder.get("lines"));
            assertReserved(order);
        }
    }

    @Test
    void aShipmentEnteredInFulfilmentPutsTheTrackingOnBothMarketplacesAndTheOrderGoesInTransit() {
        String etsyReceipt = sandbox().body(Map.of("count", 1)).post("/sandbox/etsy/shops/{shop}/receipts", shops.etsyShopId())
                .then().statusCode(201).extract().path("items[0].receiptId").toString();
        String shopifyOrder = sandbox().body(Map.of("count", 1)).post("/sandbox/shopify/shops/{domain}/orders", shops.shopifyDomain())
                .then().statusCode(201).extract().path("items[0].legacyResourceId").toString();
        String etsyTracking = ship(awaitOrder("etsy", shops.etsyShopId(), etsyReceipt));
        String shopifyTracking = ship(awaitOrder("shopify", shops.shopifyDomain(), shopifyOrder));

        Marketplaces marketplaces = new Marketplaces(Stack.part("sandbox").url(), shops);
        await().atMost(BOUND).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(marketplaces.etsyTrackingCodes(etsyReceipt)).containsExactly(etsyTracking);
            assertThat(marketplaces.shopifyTrackingNumbers(shopifyOrder)).containsExactly(shopifyTracking);
        });
        await().atMost(BOUND).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(order("etsy", shops.etsyShopId(), etsyReceipt).getString("status")).isEqualTo("IN_TRANSIT");
            assertThat(order("shopify", shops.shopifyDomain(), shopifyOrder).getString("status")).isEqualTo("IN_TRANSIT");
        });
    }

    @Test
    void stockChangedInInventoryAppearsOnBothShopsAsTheStockOfTheWarehouseThatFeedsThem() {
        Marketplaces marketplaces = new Marketplaces(Stack.part("sandbox").url(), shops);
        String etsySku = marketplaces.etsySkus().get(0);
        String shopifySku = shops.shopify().path("skus").path(0).asText();
        // Stock in a second warehouse is not the shops' (they are fed from MAIN): it must not show on them.
        createWarehouse("E2E-OTHER");
        adjust("receipt", etsySku, "E2E-OTHER", 25);
        adjust("receipt", shopifySku, "E2E-OTHER", 25);
        adjust("count", etsySku, "MAIN", 31 + reserved(etsySku, "MAIN"));
        adjust("count", shopifySku, "MAIN", 23 + reserved(shopifySku, "MAIN"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(marketplaces.etsyQuantity(etsySku)).as("Etsy's quantity of " + etsySku).isEqualTo(available(etsySku, "MAIN"));
            assertThat(marketplaces.shopifyQuantity(shopifySku)).as("Shopify's available of " + shopifySku).isEqualTo(available(shopifySku, "MAIN"));
        });
    }

    @Test
    void aBuyersCancellationInShopifyCancelsTheOrderAndReleasesItsStock() {
        String shopifyOrder = sandbox().body(Map.of("count", 1)).post("/sandbox/shopify/shops/{domain}/orders", shops.shopifyDomain())
                .then().statusCode(201).extract().path("items[0].legacyResourceId").toString();
        JsonPath order = awaitOrder("shopify", shops.shopifyDomain(), shopifyOrder);
        String orderId = order.getString("id");
        List<Map<String, Object>> reserved = given().baseUri(Stack.part("inventory-service").url()).auth().oauth2(Stack.token()).get("/api/v1/reservations/{id}", orderId)
                .then().statusCode(200).extract().path("reservedLines");
        assertThat(reserved).isNotEmpty();
        String sku = (String) reserved.get(0).get("sku");
        int availableWhileReserved = available(sku);

        sandbox().post("/sandbox/shopify/shops/{domain}/orders/{id}/cancel", shops.shopifyDomain(), shopifyOrder).then().statusCode(200);

        await().atMost(BOUND).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(order("shopify", shops.shopifyDomain(), shopifyOrder).getString("status")).isEqualTo("CANCELLED");
            assertThat(available(sku)).isGreaterThan(availableWhileReserved);
        });
        // The released stock shows on the shop again.
        Marketplaces marketplaces = new Marketplaces(Stack.part("sandbox").url(), shops);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(marketplaces.shopifyQuantity(sku)).as("Shopify's available of " + sku).isEqualTo(available(sku, "MAIN")));
    }

    private static void createWarehouse(String code) {
        int status = given().baseUri(Stack.part("inventory-service").url()).auth().oauth2(Stack.token()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "e2e second warehouse", "primary", false)).post("/api/v1/warehouses").then().extract().statusCode();
        assertThat(status).as("warehouse " + code + " created or there already").isIn(201, 409);
    }

    private static void adjust(String type, String sku, String warehouse, int quantity) {
        given().baseUri(Stack.part("inventory-service").url()).auth().oauth2(Stack.token()).contentType(ContentType.JSON)
                .body(Map.of("type", type, "sku", sku, "warehouse", warehouse, "quantity", quantity, "reason", "e2e"))
                .post("/api/v1/stock/adjustments").then().statusCode(201);
    }

    private static Map<String, Object> stock(String sku, String warehouse) {
        List<Map<String, Object>> stock = given().baseUri(Stack.part("inventory-service").url()).auth().oauth2(Stack.token()).get("/api/v1/items/{sku}", sku).then().statusCode(200)
                .extract().path("stock");
        return stock.stream().filter(s -> warehouse.equals(s.get("warehouseCode"))).findFirst()
                .orElseThrow(() -> new AssertionError(sku + " has no stock row in " + warehouse));
    }

    private static int available(String sku, String warehouse) {
        return (Integer) stock(sku, warehouse).get("available");
    }

    private static int reserved(String sku, String warehouse) {
        return (Integer) stock(sku, warehouse).get("reserved");
    }

    /** Released for picking, picked, packed and shipped with a new tracking number, as an operator does it. */
    private static String ship(JsonPath order) {
        String orderId = order.getString("id");
        assertThat(order.getString("status")).as("fully reserved").isEqualTo("NEW");
        given().baseUri(Stack.part("order-service").url()).auth().oauth2(Stack.token()).contentType(ContentType.JSON)
                .body(Map.of("status", "READY_FOR_PICKING", "cause", "e2e")).post("/api/v1/orders/{id}/status", orderId).then().statusCode(200);
        String fulfilment = await().atMost(BOUND).pollInterval(Duration.ofMillis(500)).until(
                () -> given().baseUri(Stack.part("fulfilment-service").url()).auth().oauth2(Stack.token()).queryParam("orderId", orderId).get("/api/v1/fulfilments")
                        .then().statusCode(200).extract().<String>path("items[0].id"),
                id -> id != null);
        given().baseUri(Stack.part("fulfilment-service").url()).auth().oauth2(Stack.token()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/fulfilments/{id}/pick", fulfilment).then().statusCode(200);
        given().baseUri(Stack.part("fulfilment-service").url()).auth().oauth2(Stack.token()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/fulfilments/{id}/pack", fulfilment).then().statusCode(200);
        String tracking = "E2E" + System.nanoTime();
        given().baseUri(Stack.part("fulfilment-service").url()).auth().oauth2(Stack.token()).contentType(ContentType.JSON)
                .body(Map.of("carrier", "dhl", "trackingNumber", tracking)).post("/api/v1/orders/{id}/shipments", orderId).then().statusCode(201);
        return tracking;
    }

    private static int available(String sku) {
        return given().baseUri(Stack.part("inventory-service").url()).auth().oauth2(Stack.token()).get("/api/v1/items/{sku}", sku).then().statusCode(200)
                .extract().path("totalAvailable");
    }

    private static JsonPath order(String channel, String shopId, String externalOrderId) {
        List<Map<String, Object>> orders = given().baseUri(Stack.part("order-service").url()).auth().oauth2(Stack.token())
                .queryParam("channel", channel).queryParam("shopId", shopId).queryParam("size", 500)
                .get("/api/v1/orders").then().statusCode(200).extract().path("items");
        Object id = orders.stream().filter(o -> externalOrderId.equals(o.get("externalOrderId"))).findFirst()
                .orElseThrow(() -> new AssertionError(channel + " order " + externalOrderId + " not in order-service")).get("id");
        return given().baseUri(Stack.part("order-service").url()).auth().oauth2(Stack.token()).get("/api/v1/orders/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    /** The order as order-service shows it once it has been imported and inventory answered for it. */
    private static JsonPath awaitOrder(String channel, String shopId, String externalOrderId) {
        List<JsonPath> found = new ArrayList<>();
        await().atMost(BOUND).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<Map<String, Object>> orders = given().baseUri(Stack.part("order-service").url()).auth().oauth2(Stack.token())
                    .queryParam("channel", channel).queryParam("shopId", shopId).queryParam("size", 500)
                    .get("/api/v1/orders").then().statusCode(200).extract().path("items");
            Map<String, Object> summary = orders.stream().filter(o -> externalOrderId.equals(o.get("externalOrderId"))).findFirst()
                    .orElseThrow(() -> new AssertionError(channel + " order " + externalOrderId + " not in order-service yet"));
            assertThat(summary.get("status")).as("status of " + externalOrderId).isIn("NEW", "PARTIAL");
            found.clear();
            found.add(given().baseUri(Stack.part("order-service").url()).auth().oauth2(Stack.token()).get("/api/v1/orders/{id}", summary.get("id")).then().statusCode(200)
                    .extract().jsonPath());
        });
        return found.get(0);
    }

    private static void assertReserved(JsonPath order) {
        JsonPath reservation = given().baseUri(Stack.part("inventory-service").url()).auth().oauth2(Stack.token()).get("/api/v1/reservations/{id}", order.getString("id"))
                .then().statusCode(200).extract().jsonPath();
        int reserved = reservation.getList("reservedLines").size();
        int missing = reservation.getList("missingLines").size();
        assertThat(reserved + missing).as("lines inventory answered for").isEqualTo(order.getList("lines").size());
        assertThat(order.getString("status")).isEqualTo(missing == 0 ? "NEW" : "PARTIAL");
    }

    private static io.restassured.specification.RequestSpecification sandbox() {
        return given().baseUri(Stack.part("sandbox").url()).contentType(ContentType.JSON);
    }
}
