package io.oms.sandbox.shopify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.oms.sandbox.SandboxClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShopifyGraphqlTest {

    static final String ORDERS = """
            query Orders($first: Int!, $after: String, $query: String) {
              orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
                pageInfo { hasNextPage endCursor }
                nodes {
                  id name createdAt updatedAt cancelledAt displayFinancialStatus displayFulfillmentStatus
                  currencyCode email
                  totalPriceSet { shopMoney { amount currencyCode } }
                  customer { firstName lastName email }
                  shippingAddress { name address1 city zip countryCodeV2 }
                  lineItems(first: 10) { nodes { id sku quantity title variantTitle
                    originalUnitPriceSet { shopMoney { amount currencyCode } } } }
                }
              }
            }""";

    @Inject
    SandboxClock clock;

    @Test
    void ordersPageByUpdatedAtWithSearchFilters() {
        ShopifyStoreFixture store = ShopifyStoreFixture.create();
        String since = Instant.now().minusSeconds(3600).toString();
        store.orders(12);
        String filter = "updated_at:>'" + since + "' status:open financial_status:paid fulfillment_status:unshipped";
        JsonPath first = store.graphql(ORDERS, Map.of("first", 5, "query", filter)).statusCode(200)
                .body("errors", nullValue()).body("data.orders.nodes", hasSize(5))
                .body("data.orders.pageInfo.hasNextPage", equalTo(true))
                .body("data.orders.nodes[0].lineItems.nodes[0].sku", notNullValue())
                .body("extensions.cost.requestedQueryCost", notNullValue())
                .body("extensions.cost.throttleStatus.maximumAvailable", equalTo(1000.0f))
                .extract().jsonPath();
        JsonPath rest = store.graphql(ORDERS, Map.of("first", 10, "after",
                first.getString("data.orders.pageInfo.endCursor"), "query", filter)).statusCode(200)
                .body("errors", nullValue()).body("data.orders.nodes", hasSize(7)).body("data.orders.pageInfo.hasNextPage", equalTo(false))
                .extract().jsonPath();
        List<String> ids = new ArrayList<>(first.getList("data.orders.nodes.id"));
        ids.addAll(rest.getList("data.orders.nodes.id"));
        assertThat(ids).doesNotHaveDuplicates().hasSize(12);
        store.graphql(ORDERS, Map.of("first", 5, "query", "status:cancelled")).body("data.orders.nodes", hasSize(0));
    }

    @Test
    void fulfillmentCreateWithTrackingFulfilsTheOrder() {
        ShopifyStoreFixture store = ShopifyStoreFixture.create();
        String orderId = store.orders(1).getString("items[0].id");
        String foQuery = """
                query FulfillmentOrders($id: ID!) {
                  order(id: $id) {
                    fulfillmentOrders(first: 10) { nodes { id status
                      assignedLocation { location { id } }
                      lineItems(first: 50) { nodes { id remainingQuantity totalQuantity sku } } } }
                  }
                }""";
        JsonPath fos = store.graphql(foQuery, Map.of("id", orderId)).body("errors", nullValue())
                .body("data.order.fulfillmentOrders.nodes[0].status", equalTo("OPEN")).extract().jsonPath();
        String foId = fos.getString("data.order.fulfillmentOrders.nodes[0].id");
        String create = """
                mutation Ship($fulfillment: FulfillmentInput!) {
                  fulfillmentCreate(fulfillment: $fulfillment) {
                    fulfillment { id status trackingInfo(first: 5) { company number url } }
                    userErrors { field message }
                  }
                }""";
        Map<String, Object> input = Map.of("notifyCustomer", false,
                "trackingInfo", Map.of("company", "UPS", "number", "1Z999AA10123456784",
                        "url", "https://www.ups.com/track?tracknum=1Z999AA10123456784"),
                "lineItemsByFulfillmentOrder", List.of(Map.of("fulfillmentOrderId", foId)));
        store.graphql(create, Map.of("fulfillment", input)).body("errors", nullValue())
                .body("data.fulfillmentCreate.userErrors", hasSize(0))
                .body("data.fulfillmentCreate.fulfillment.status", equalTo("SUCCESS"))
                .body("data.fulfillmentCreate.fulfillment.trackingInfo[0].number", equalTo("1Z999AA10123456784"))
                .body("extensions.cost.requestedQueryCost", org.hamcrest.Matchers.greaterThanOrEqualTo(10));
        store.graphql("query($id: ID!) { order(id: $id) { displayFulfillmentStatus } }", Map.of("id", orderId))
                .body("data.order.displayFulfillmentStatus", equalTo("FULFILLED"));
        store.graphql(create, Map.of("fulfillment", input))
                .body("data.fulfillmentCreate.userErrors[0].message", containsString("unfulfillable"));
    }

    @Test
    void inventorySetQuantitiesComparesAndSets() {
        ShopifyStoreFixture store = ShopifyStoreFixture.create();
        String sku = store.created().getString("skus[0]");
        JsonPath found = store.graphql("""
                query Item($q: String!) {
                  inventoryItems(first: 1, query: $q) { nodes { id sku
                    inventoryLevels(first: 5) { nodes { location { id } quantities(names: ["available", "on_hand"]) { name quantity } } } } }
                  productVariants(first: 1, query: $q) { nodes { id sku inventoryQuantity product { id title } } }
                  locations(first: 5) { nodes { id name isActive } }
                }""", Map.of("q", "sku:" + sku)).body("errors", nullValue())
                .body("data.inventoryItems.nodes[0].sku", equalTo(sku))
                .body("data.productVariants.nodes[0].sku", equalTo(sku))
                .body("data.productVariants.nodes[0].inventoryQuantity", equalTo(30))
                .extract().jsonPath();
        String itemId = found.getString("data.inventoryItems.nodes[0].id");
        String locationId = found.getString("data.locations.nodes[0].id");
        String set = """
                mutation Set($input: InventorySetQuantitiesInput!) {
                  inventorySetQuantities(input: $input) {
                    inventoryAdjustmentGroup { reason changes { name delta quantityAfterChange } }
                    userErrors { code field message }
                  }
                }""";
        store.graphql(set, Map.of("input", setInput(itemId, locationId, 12, 30))).body("errors", nullValue())
                .body("data.inventorySetQuantities.userErrors", hasSize(0))
                .body("data.inventorySetQuantities.inventoryAdjustmentGroup.changes[0].delta", equalTo(-18));
        store.graphql(set, Map.of("input", setInput(itemId, locationId, 5, 30)))
                .body("data.inventorySetQuantities.userErrors[0].code", equalTo("COMPARE_QUANTITY_STALE"))
                .body("data.inventorySetQuantities.inventoryAdjustmentGroup", nullValue());
        store.graphql("query($id: ID!) { inventoryItem(id: $id) { variant { inventoryQuantity } } }",
                Map.of("id", itemId)).body("data.inventoryItem.variant.inventoryQuantity", equalTo(12));
    }

    private static Map<String, Object> setInput(String itemId, String locationId, int quantity, int compare) {
        return Map.of("name", "available", "reason", "correction",
                "referenceDocumentUri", "oms://stock/1",
                "quantities", List.of(Map.of("inventoryItemId", itemId, "locationId", locationId,
                        "quantity", quantity, "compareQuantity", compare)));
    }

    @Test
    void aQueryOverTheMaximumCostIsRefused() {
        ShopifyStoreFixture store = ShopifyStoreFixture.create();
        store.graphql("{ orders(first: 250) { nodes { id lineItems(first: 250) { nodes { id } } } } }")
                .statusCode(200).body("errors[0].extensions.code", equalTo("MAX_COST_EXCEEDED"))
                .body("errors[0].message", containsString("exceeds the single query max cost limit (1000)"));
    }

    @Test
    void wrongRequestsAnswerAsShopifyDoes() {
        ShopifyStoreFixture store = ShopifyStoreFixture.create();
        given().contentType(ContentType.JSON).header("X-Shopify-Shop-Domain", store.domain())
                .header("X-Shopify-Access-Token", "shpat_wrong").body(Map.of("query", "{ shop { name } }"))
                .post("/admin/api/2025-01/graphql.json").then().statusCode(401)
                .body("errors", containsString("Invalid API key or access token"));
        store.graphql("{ orders(first: 300) { nodes { id } } }").statusCode(200)
                .body("errors[0].message", containsString("250")).body("data", nullValue());
        given().contentType(ContentType.JSON).header("X-Shopify-Shop-Domain", store.domain())
                .header("X-Shopify-Access-Token", store.accessToken())
                .body(Map.of("query", "{ shop { notAField } }"))
                .post("/admin/api/2025-01/graphql.json").then().statusCode(200)
                .body("errors[0].message", containsString("notAField"));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 251; i++) {
            many.add(Map.of("inventoryItemId", "gid://shopify/InventoryItem/" + i,
                    "locationId", "gid://shopify/Location/1", "quantity", 1, "compareQuantity", 0));
        }
        store.graphql("""
                mutation Set($input: InventorySetQuantitiesInput!) {
                  inventorySetQuantities(input: $input) { userErrors { code message } }
                }""", Map.of("input", Map.of("name", "available", "reason", "correction", "quantities", many)))
                .body("errors[0].extensions.code", equalTo("MAX_INPUT_SIZE_EXCEEDED"));
        given().contentType(ContentType.JSON).header("Host", store.domain())
                .header("X-Shopify-Access-Token", store.accessToken())
                .body(Map.of("query", "{ shop { myshopifyDomain } }"))
                .post("/admin/api/2025-01/graphql.json").then().statusCode(200)
                .body("data.shop.myshopifyDomain", equalTo(store.domain()));
    }

    @Test
    void costIsChargedToTheLeakyBucketAndThrottlesWhenEmpty() {
        ShopifyStoreFixture store = ShopifyStoreFixture.create();
        given().contentType(ContentType.JSON).body(Map.of("bucketSize", 100, "restoreRate", 10))
                .put("/sandbox/shopify/shops/" + store.domain() + "/limits").then().statusCode(200);
        String query = "{ orders(first: 10) { nodes { id customer { id } } } }";
        clock.freeze();
        try {
            JsonPath first = store.graphql(query).body("errors", nullValue()).extract().jsonPath();
            int cost = first.getInt("extensions.cost.requestedQueryCost");
            assertThat(cost).isEqualTo(1 + 10 * (1 + 1)); // connection 1 + 10 x (nodes' Order 1 + customer 1)
            assertThat(first.getInt("extensions.cost.actualQueryCost")).isEqualTo(cost);
            assertThat(first.getDouble("extensions.cost.throttleStatus.currentlyAvailable")).isEqualTo(100 - cost);
            int available = 100 - cost;
            while (available >= cost) {
                store.graphql(query).body("extensions.cost.throttleStatus.currentlyAvailable",
                        equalTo(available - cost));
                available -= cost;
            }
            store.graphql(query).body("errors[0].message", equalTo("Throttled"))
                    .body("errors[0].extensions.code", equalTo("THROTTLED"))
                    .body("extensions.cost.throttleStatus.currentlyAvailable", equalTo(available))
                    .body("extensions.cost.throttleStatus.restoreRate", equalTo(10.0f));
            clock.advance(Duration.ofSeconds(3));
            store.graphql(query).body("errors", nullValue())
                    .body("extensions.cost.throttleStatus.currentlyAvailable", equalTo(available + 30 - cost));
        } finally {
            clock.unfreeze();
        }
    }

    @Test
    void injectedFaultsAnswerAsConfigured() {
        ShopifyStoreFixture store = ShopifyStoreFixture.create();
        String faults = "/sandbox/shopify/shops/" + store.domain() + "/faults";
        given().contentType(ContentType.JSON).body(Map.of("force429", true)).put(faults).then().statusCode(200);
        store.graphql("{ shop { name } }").statusCode(200).body("errors[0].extensions.code", equalTo("THROTTLED"));
        given().contentType(ContentType.JSON).body(Map.of("errorRate", 1.0, "errorStatus", 502)).put(faults).then()
                .statusCode(200);
        store.graphql("{ shop { name } }").statusCode(502);
        given().contentType(ContentType.JSON).body(Map.of("expireTokens", true)).put(faults).then().statusCode(200);
        store.graphql("{ shop { name } }").statusCode(401);
        given().post("/sandbox/shopify/shops/" + store.domain() + "/reset").then().statusCode(200);
        store.graphql("{ shop { name } }").statusCode(200).body("data.shop.name", notNullValue());
        given().get("/sandbox/shopify/shops/" + store.domain() + "/calls").then().body("total", equalTo(1))
                .body("items[0].operation", equalTo("query shop")).body("items[0].cost", equalTo(1));
    }

    @Test
    void clientCredentialsTokensWorkAndExpire() {
        ShopifyStoreFixture store = ShopifyStoreFixture.create();
        String token = given().contentType(ContentType.URLENC).header("X-Shopify-Shop-Domain", store.domain())
                .formParam("grant_type", "client_credentials").formParam("client_id", store.clientId())
                .formParam("client_secret", store.clientSecret()).post("/admin/oauth/access_token").then()
                .statusCode(200).body("expires_in", equalTo(86400)).extract().jsonPath().getString("access_token");
        String query = "{ shop { name } }";
        given().contentType(ContentType.JSON).header("X-Shopify-Shop-Domain", store.domain())
                .header("X-Shopify-Access-Token", token).body(Map.of("query", query))
                .post("/admin/api/2025-04/graphql.json").then().statusCode(200).body("data.shop.name", notNullValue());
        clock.advance(Duration.ofHours(25));
        given().contentType(ContentType.JSON).header("X-Shopify-Shop-Domain", store.domain())
                .header("X-Shopify-Access-Token", token).body(Map.of("query", query))
                .post("/admin/api/2025-01/graphql.json").then().statusCode(401);
        given().get("/sandbox/shopify/shops/" + store.domain() + "/calls").then().statusCode(200)
                .body("items.operation", org.hamcrest.Matchers.hasItem("client_credentials"))
                .body("items.status", org.hamcrest.Matchers.hasItem(401));
    }
}
