package io.oms.sandbox.control;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

import io.oms.sandbox.etsy.EtsyShopFixture;
import io.oms.sandbox.shopify.ShopifyStoreFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScaleTest {

    @Test
    void anEtsyShopHoldsAHundredThousandReceipts() {
        EtsyShopFixture shop = EtsyShopFixture.create(Map.of("listings", 20, "stock", 999));
        given().contentType(ContentType.JSON).body(Map.of("count", 100_000))
                .post("/sandbox/etsy/shops/" + shop.shopId() + "/receipts").then().statusCode(201)
                .body("total", equalTo(100_000)).body("items", hasSize(1000));
        shop.etsy().queryParam("limit", 100).queryParam("offset", 99_950)
                .get("/v3/application/shops/" + shop.shopId() + "/receipts").then().statusCode(200)
                .time(lessThan(5_000L)).body("count", equalTo(100_000)).body("results", hasSize(50));
    }

    @Test
    void aShopifyStoreHoldsAHundredThousandOrders() {
        ShopifyStoreFixture store = ShopifyStoreFixture.create(Map.of("products", 20, "stock", 999));
        given().contentType(ContentType.JSON).body(Map.of("count", 100_000))
                .post("/sandbox/shopify/shops/" + store.domain() + "/orders").then().statusCode(201)
                .body("total", equalTo(100_000));
        store.graphql("{ orders(first: 100, reverse: true, sortKey: UPDATED_AT) { nodes { id name } } }")
                .time(lessThan(5_000L)).body("errors", nullValue()).body("data.orders.nodes", hasSize(100));
    }
}
