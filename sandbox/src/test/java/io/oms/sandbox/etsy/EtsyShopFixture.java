package io.oms.sandbox.etsy;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** A sandbox Etsy shop created through the control API, and requests that carry its credentials. */
public record EtsyShopFixture(long shopId, long userId, String keystring, String sharedSecret, String accessToken,
                              String refreshToken, JsonPath created) {

    public static EtsyShopFixture create(Map<String, Object> body) {
        JsonPath json = given().contentType(ContentType.JSON).body(body).post("/sandbox/etsy/shops")
                .then().statusCode(201).extract().jsonPath();
        return new EtsyShopFixture(json.getLong("shopId"), json.getLong("userId"), json.getString("keystring"),
                json.getString("sharedSecret"), json.getString("accessToken"), json.getString("refreshToken"), json);
    }

    public static EtsyShopFixture create() {
        return create(Map.of("listings", 6, "stock", 20));
    }

    /** A request with x-api-key and the bearer token, checked against the OpenAPI document. */
    public RequestSpecification etsy() {
        return given().filter(new EtsyContractFilter()).header("x-api-key", keystring + ":" + sharedSecret)
                .header("Authorization", "Bearer " + accessToken);
    }

    public RequestSpecification etsy(String token) {
        return given().filter(new EtsyContractFilter()).header("x-api-key", keystring + ":" + sharedSecret)
                .header("Authorization", "Bearer " + token);
    }

    public long firstListingId() {
        return created.getLong("listingIds[0]");
    }

    public void receipts(int count) {
        given().contentType(ContentType.JSON).body(Map.of("count", count))
                .post("/sandbox/etsy/shops/" + shopId + "/receipts").then().statusCode(201);
    }
}
