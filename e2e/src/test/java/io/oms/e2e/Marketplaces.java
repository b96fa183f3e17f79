package io.oms.e2e;

import io.oms.local.Seed;
import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** What the sandbox marketplaces show, read through their own APIs as any app would. */
final class Marketplaces {

    private final String sandbox;
    private final Seed.DemoShops shops;

    Marketplaces(String sandbox, Seed.DemoShops shops) {
        this.sandbox = sandbox;
        this.shops = shops;
    }

    /** getShopReceipt: the tracking codes of the receipt's shipments. */
    List<String> etsyTrackingCodes(String receiptId) {
        return etsy().get("/v3/application/shops/{shop}/receipts/{receipt}", shops.etsyShopId(), receiptId).then().statusCode(200)
                .extract().path("shipments.tracking_code");
    }

    /** getListingInventory: the quantity of the offering of a SKU. */
    Integer etsyQuantity(String listingId, String sku) {
        List<Map<String, Object>> products = etsy().get("/v3/application/listings/{listing}/inventory", listingId).then().statusCode(200)
                .extract().path("products");
        return products.stream().filter(p -> sku.equals(p.get("sku"))).findFirst()
                .map(p -> (Integer) ((List<Map<String, Object>>) p.get("offerings")).get(0).get("quantity")).orElse(null);
    }

    /** The SKUs of the shop's listings, through getListingInventory. */
    List<String> etsySkus() {
        List<String> skus = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode listingId : shops.etsy().path("listingIds")) {
            List<String> ofListing = etsy().get("/v3/application/listings/{listing}/inventory", listingId.asText()).then().statusCode(200)
                    .extract().path("products.sku");
            skus.addAll(ofListing);
        }
        return skus;
    }

    /** getListingInventory over the shop's listings: the quantity of the offering of a SKU. */
    Integer etsyQuantity(String sku) {
        for (com.fasterxml.jackson.databind.JsonNode listingId : shops.etsy().path("listingIds")) {
            Integer quantity = etsyQuantity(listingId.asText(), sku);
            if (quantity != null) {
                return quantity;
            }
        }
        throw new AssertionError("no listing of the Etsy shop offers " + sku);
    }

    /** The "available" quantity of a SKU's inventory item at the store's (one) location, through the Admin GraphQL API. */
    Integer shopifyQuantity(String sku) {
        String query = "query($q: String!) { inventoryItems(first: 1, query: $q) { nodes { inventoryLevels(first: 1) { nodes { "
                + "quantities(names: [\"available\"]) { quantity } } } } } }";
        return given().baseUri(sandbox).contentType(ContentType.JSON)
                .header("X-Shopify-Access-Token", shops.shopify().path("accessToken").asText())
                .header("X-Shopify-Shop-Domain", shops.shopifyDomain())
                .body(Map.of("query", query, "variables", Map.of("q", "sku:\"" + sku + "\"")))
                .post("/admin/api/2025-01/graphql.json").then().statusCode(200)
                .extract().path("data.inventoryItems.nodes[0].inventoryLevels.nodes[0].quantities[0].quantity");
    }

    /** The tracking numbers of the order's fulfillments, through the Admin GraphQL API. */
    List<String> shopifyTrackingNumbers(String orderId) {
        String query = "query { order(id: \"gid://shopify/Order/" + orderId + "\") { fulfillments { trackingInfo { number } } } }";
        return given().baseUri(sandbox).contentType(ContentType.JSON)
                .header("X-Shopify-Access-Token", shops.shopify().path("accessToken").asText())
                .header("X-Shopify-Shop-Domain", shops.shopifyDomain())
                .body(Map.of("query", query))
                .post("/admin/api/2025-01/graphql.json").then().statusCode(200)
                .extract().path("data.order.fulfillments.trackingInfo.number.flatten()");
    }

    private io.restassured.specification.RequestSpecification etsy() {
        String token = given().baseUri(sandbox).contentType(ContentType.JSON).post("/sandbox/etsy/shops/{shop}/tokens", shops.etsyShopId())
                .then().statusCode(200).extract().path("accessToken");
        return given().baseUri(sandbox).header("x-api-key", shops.etsy().path("apiKey").asText()).header("Authorization", "Bearer " + token);
    }
}
