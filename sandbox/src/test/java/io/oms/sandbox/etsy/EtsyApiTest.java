package io.oms.sandbox.etsy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EtsyApiTest {

    @Test
    void getMeAndGetShopDescribeTheTokensOwner() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        shop.etsy().get("/v3/application/users/me").then().statusCode(200)
                .body("user_id", is(shop.userId())).body("shop_id", is(shop.shopId()))
                .header("x-limit-per-second", "10").header("x-remaining-today", notNullValue());
        shop.etsy().get("/v3/application/shops/" + shop.shopId()).then().statusCode(200)
                .body("shop_id", is(shop.shopId())).body("currency_code", equalTo("USD"));
        shop.etsy().get("/v3/application/users/" + shop.userId() + "/shops").then().statusCode(200)
                .body("shop_id", is(shop.shopId()));
        shop.etsy().get("/v3/application/openapi-ping").then().statusCode(200)
                .body("application_id", greaterThan(0));
        shop.etsy().queryParam("origin_country_iso", "US").get("/v3/application/shipping-carriers").then()
                .statusCode(200).body("results.name", org.hamcrest.Matchers.hasItem("USPS"));
    }

    @Test
    void receiptsPageWithCountAndFilters() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        shop.receipts(30);
        JsonPath page = shop.etsy().queryParam("limit", 10).queryParam("offset", 5)
                .queryParam("was_paid", true).queryParam("was_shipped", false)
                .queryParam("sort_on", "created").queryParam("sort_order", "asc")
                .get("/v3/application/shops/" + shop.shopId() + "/receipts")
                .then().statusCode(200).body("count", equalTo(30)).body("results", hasSize(10))
                .extract().jsonPath();
        assertThat(page.getList("results.transactions.flatten()")).isNotEmpty();
        assertThat(page.getList("results.name", String.class)).allMatch(n -> n.contains(" "));
        long receiptId = page.getLong("results[0].receipt_id");
        shop.etsy().get("/v3/application/shops/" + shop.shopId() + "/receipts/" + receiptId).then()
                .statusCode(200).body("receipt_id", is(receiptId)).body("status", equalTo("paid"));
    }

    @Test
    void receiptsSpreadOverPastDaysAreFoundByTheirCreationTime() {
        EtsyShopFixture shop = EtsyShopFixture.create(java.util.Map.of("listings", 3, "stock", 1000));
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON).body("{\"count\":90,\"spreadDays\":90}")
                .post("/sandbox/etsy/shops/" + shop.shopId() + "/receipts").then().statusCode(201);
        JsonPath all = shop.etsy().queryParam("limit", 100).queryParam("sort_on", "created").queryParam("sort_order", "asc")
                .get("/v3/application/shops/" + shop.shopId() + "/receipts").then().statusCode(200).body("count", equalTo(90))
                .extract().jsonPath();
        long oldest = all.getLong("results[0].create_timestamp");
        long newest = all.getLong("results[89].create_timestamp");
        assertThat(newest - oldest).isBetween(89L * 86_400 - 60, 89L * 86_400 + 60); // one a day, all younger than 90 days
        shop.etsy().queryParam("min_created", newest - 45L * 86_400 - 3_600).queryParam("limit", 1)
                .get("/v3/application/shops/" + shop.shopId() + "/receipts").then().statusCode(200).body("count", equalTo(46));
    }

    @Test
    void aReceiptTakesOneTrackingCode() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        shop.receipts(1);
        long receiptId = shop.etsy().get("/v3/application/shops/" + shop.shopId() + "/receipts").jsonPath()
                .getLong("results[0].receipt_id");
        String url = "/v3/application/shops/" + shop.shopId() + "/receipts/" + receiptId + "/tracking";
        shop.etsy().contentType(ContentType.URLENC).formParam("tracking_code", "1Z999AA10123456784")
                .formParam("carrier_name", "UPS").post(url).then().statusCode(200)
                .body("is_shipped", equalTo(true)).body("shipments[0].tracking_code", equalTo("1Z999AA10123456784"));
        shop.etsy().contentType(ContentType.URLENC).formParam("tracking_code", "1Z999AA10123456785")
                .formParam("carrier_name", "UPS").post(url).then().statusCode(409)
                .body("error", containsString("already"));
    }

    @Test
    void anAllDigitTrackingCodeIsAString() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        shop.receipts(1);
        long receiptId = shop.etsy().get("/v3/application/shops/" + shop.shopId() + "/receipts").jsonPath()
                .getLong("results[0].receipt_id");
        // Form values are strings on the wire; the document declares tracking_code a string, and carriers such as DHL
        // use codes made of digits only.
        shop.etsy().contentType(ContentType.URLENC).formParam("tracking_code", "00340434161094042557")
                .formParam("carrier_name", "DHL").post("/v3/application/shops/" + shop.shopId() + "/receipts/" + receiptId + "/tracking")
                .then().statusCode(200).body("shipments[0].tracking_code", equalTo("00340434161094042557"));
    }

    @Test
    void anUnknownCarrierSilentlyLosesTheTrackingCode() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        shop.receipts(1);
        long receiptId = shop.etsy().get("/v3/application/shops/" + shop.shopId() + "/receipts").jsonPath()
                .getLong("results[0].receipt_id");
        shop.etsy().contentType(ContentType.URLENC).formParam("tracking_code", "ABC123")
                .formParam("carrier_name", "Pigeon Post")
                .post("/v3/application/shops/" + shop.shopId() + "/receipts/" + receiptId + "/tracking")
                .then().statusCode(200).body("shipments[0].tracking_code", equalTo(""));
    }

    @Test
    void cancelledAndRefundedReceiptsAreMissingFromMinLastModifiedAndRefundKeepsUpdatedTimestamp() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        shop.receipts(3);
        JsonPath all = shop.etsy().get("/v3/application/shops/" + shop.shopId() + "/receipts").jsonPath();
        long cancelled = all.getLong("results[0].receipt_id");
        long refunded = all.getLong("results[1].receipt_id");
        long updatedBefore = all.getLong("results[1].updated_timestamp");
        given().post("/sandbox/etsy/shops/" + shop.shopId() + "/receipts/" + cancelled + "/cancel").then()
                .statusCode(200);
        given().contentType(ContentType.JSON).body("{}")
                .post("/sandbox/etsy/shops/" + shop.shopId() + "/receipts/" + refunded + "/refund").then()
                .statusCode(200).body("status", equalTo("fully refunded"));

        List<Long> modified = shop.etsy().queryParam("min_last_modified", updatedBefore - 60)
                .get("/v3/application/shops/" + shop.shopId() + "/receipts").jsonPath()
                .getList("results.receipt_id", Long.class);
        assertThat(modified).hasSize(1).doesNotContain(cancelled, refunded);
        shop.etsy().get("/v3/application/shops/" + shop.shopId() + "/receipts/" + refunded).then()
                .body("updated_timestamp", equalTo((int) updatedBefore)).body("refunds", hasSize(1));
        shop.etsy().queryParam("was_canceled", true)
                .get("/v3/application/shops/" + shop.shopId() + "/receipts").then()
                .body("count", equalTo(1)).body("results[0].receipt_id", is(cancelled));
    }

    @Test
    void wrongRequestsGetEtsysStatusAndErrorShape() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        String receipts = "/v3/application/shops/" + shop.shopId() + "/receipts";
        given().filter(new EtsyContractFilter()).header("Authorization", "Bearer " + shop.accessToken())
                .get(receipts).then().statusCode(403).body("error", notNullValue());
        given().filter(new EtsyContractFilter()).header("x-api-key", shop.keystring())
                .header("Authorization", "Bearer " + shop.accessToken())
                .get(receipts).then().statusCode(403)
                .body("error", equalTo("Shared secret is required in x-api-key header."));
        shop.etsy().queryParam("limit", 101).get(receipts).then().statusCode(400)
                .body("error", containsString("maximum"));
        shop.etsy().queryParam("sort_on", "banana").get(receipts).then().statusCode(400)
                .body("error", containsString("banana"));
        shop.etsy().contentType(ContentType.URLENC).formParam("title", "Mug").formParam("quantity", 1)
                .post("/v3/application/shops/" + shop.shopId() + "/listings").then().statusCode(400)
                .body("error", notNullValue());
        shop.etsy().get("/v3/application/shops/" + shop.shopId() + "/receipts/1").then().statusCode(404)
                .body("error", notNullValue());
        given().filter(new EtsyContractFilter()).header("x-api-key", shop.keystring() + ":" + shop.sharedSecret())
                .get("/v3/application/users/me").then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void listingsAndTheirInventoryReadAndReplace() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        shop.etsy().queryParam("limit", 3).queryParam("includes", "Images,Inventory")
                .get("/v3/application/shops/" + shop.shopId() + "/listings").then().statusCode(200)
                .body("count", equalTo(6)).body("results", hasSize(3));
        long listingId = shop.firstListingId();
        shop.etsy().get("/v3/application/listings/" + listingId).then().statusCode(200)
                .body("listing_id", is(listingId));
        shop.etsy().get("/v3/application/listings/" + listingId + "/images").then().statusCode(200)
                .body("count", equalTo(1)).body("results[0].url_fullxfull", notNullValue());
        shop.etsy().get("/v3/application/listings/" + listingId + "/inventory").then().statusCode(200)
                .body("products", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));

        Map<String, Object> body = Map.of("products", List.of(
                product("MUG-SAGE", 200, 1, "Sage", 12.5, 4), product("MUG-BLACK", 200, 2, "Black", 12.5, 0)),
                "price_on_property", List.of(), "quantity_on_property", List.of(200),
                "sku_on_property", List.of(200));
        shop.etsy().contentType(ContentType.JSON).body(body)
                .put("/v3/application/listings/" + listingId + "/inventory").then().statusCode(200)
                .body("products", hasSize(2)).body("products[0].offerings[0].price.amount", equalTo(1250))
                .body("products[0].sku", equalTo("MUG-SAGE"));
        shop.etsy().get("/v3/application/listings/" + listingId).then().body("quantity", equalTo(4));
    }

    @Test
    void listingsByIdsComeWithTheirInventoryAtMostAHundredAtATime() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        List<Long> ids = shop.etsy().queryParam("limit", 6).get("/v3/application/shops/" + shop.shopId() + "/listings")
                .then().statusCode(200).extract().jsonPath().getList("results.listing_id", Long.class);
        io.restassured.path.json.JsonPath batch = shop.etsy().queryParam("listing_ids", ids.get(0)).queryParam("listing_ids", ids.get(1))
                .queryParam("listing_ids", 999_999_999L).queryParam("includes", "Inventory")
                .get("/v3/application/listings/batch").then().statusCode(200)
                .body("count", equalTo(2)).body("results[0].inventory.products", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()))
                .extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(batch.getList("results.listing_id", Long.class)).containsExactly(ids.get(0), ids.get(1));
        List<Long> tooMany = java.util.stream.LongStream.rangeClosed(1, 101).boxed().toList();
        shop.etsy().queryParam("listing_ids", tooMany).get("/v3/application/listings/batch").then().statusCode(400)
                .body("error", containsString("100"));
    }

    @Test
    void inconsistentOnPropertyIsRefused() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        long listingId = shop.firstListingId();
        Map<String, Object> body = Map.of("products", List.of(
                product("A", 200, 1, "Sage", 10.0, 1), product("B", 200, 2, "Black", 11.0, 1)),
                "price_on_property", List.of(), "quantity_on_property", List.of(200),
                "sku_on_property", List.of(200));
        shop.etsy().contentType(ContentType.JSON).body(body)
                .put("/v3/application/listings/" + listingId + "/inventory").then().statusCode(400)
                .body("error", containsString("price_on_property"));
        Map<String, Object> wrongProperty = Map.of("products", List.of(product("A", 200, 1, "Sage", 10.0, 1)),
                "quantity_on_property", List.of(513));
        shop.etsy().contentType(ContentType.JSON).body(wrongProperty)
                .put("/v3/application/listings/" + listingId + "/inventory").then().statusCode(400)
                .body("error", containsString("513"));
    }

    @Test
    void aDraftListingNeedsAnImageAndShippingProfileToGoActive() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        long listingId = shop.etsy().contentType(ContentType.URLENC).formParam("quantity", 5)
                .formParam("title", "Linen Apron").formParam("description", "An apron")
                .formParam("price", 24.5).formParam("who_made", "i_did").formParam("when_made", "made_to_order")
                .formParam("taxonomy_id", 1)
                .post("/v3/application/shops/" + shop.shopId() + "/listings").then().statusCode(201)
                .body("state", equalTo("draft")).extract().jsonPath().getLong("listing_id");
        String url = "/v3/application/shops/" + shop.shopId() + "/listings/" + listingId;
        shop.etsy().contentType(ContentType.URLENC).formParam("state", "active").patch(url).then().statusCode(400)
                .body("error", containsString("image"));
        shop.etsy().contentType(ContentType.URLENC).formParam("image_ids", "123456")
                .formParam("state", "active").patch(url).then().statusCode(400)
                .body("error", containsString("shipping_profile_id"));
        shop.etsy().contentType(ContentType.URLENC).formParam("image_ids", "123456")
                .formParam("shipping_profile_id", shop.created().getLong("shippingProfileId"))
                .formParam("state", "active").patch(url).then().statusCode(200).body("state", equalTo("active"));
    }

    @Test
    void theCallLogRecordsEveryCall() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        shop.etsy().get("/v3/application/users/me").then().statusCode(200);
        shop.etsy().queryParam("limit", 101).get("/v3/application/shops/" + shop.shopId() + "/receipts");
        given().get("/sandbox/etsy/shops/" + shop.shopId() + "/calls").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].path", equalTo("/v3/application/users/me"))
                .body("items[0].status", equalTo(200)).body("items[1].status", equalTo(400))
                .body("items[1].method", equalTo("GET")).body("items[0].time", notNullValue());
    }

    /** A JSON number equal to a long, whether RestAssured read it as an Integer or a Long. */
    static org.hamcrest.Matcher<Object> is(long value) {
        return org.hamcrest.Matchers.hasToString(String.valueOf(value));
    }

    private static Map<String, Object> product(String sku, long property, long valueId, String value, double price,
                                               int quantity) {
        return Map.of("sku", sku,
                "property_values", List.of(Map.of("property_id", property, "property_name", "Primary color",
                        "value_ids", List.of(valueId), "values", List.of(value))),
                "offerings", List.of(Map.of("price", price, "quantity", quantity, "is_enabled", true,
                        "readiness_state_id", 1)));
    }
}
