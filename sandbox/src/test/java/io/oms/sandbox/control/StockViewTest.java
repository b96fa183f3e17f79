package io.oms.sandbox.control;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.sandbox.etsy.EtsyShopFixture;
import io.oms.sandbox.shopify.ShopifyStoreFixture;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The control API's stock views say what the marketplace APIs say, without spending the shop's rate limit. */
@QuarkusTest
class StockViewTest {

    @Test
    void etsyStockViewShowsEachSkuWithTheQuantityGetListingInventoryReports() {
        EtsyShopFixture shop = EtsyShopFixture.create(Map.of("listings", 3, "stock", 7));
        Map<String, Integer> shown = given().get("/sandbox/etsy/shops/" + shop.shopId() + "/stock").then().statusCode(200)
                .extract().jsonPath().getMap("items", String.class, Integer.class);

        Map<String, Integer> viaApi = new HashMap<>();
        for (Long listingId : shop.created().getList("listingIds", Long.class)) {
            List<Map<String, Object>> products = shop.etsy().get("/v3/application/listings/" + listingId + "/inventory")
                    .then().statusCode(200).extract().jsonPath().getList("products");
            for (Map<String, Object> product : products) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> offerings = (List<Map<String, Object>>) product.get("offerings");
                viaApi.merge((String) product.get("sku"), offerings.stream().mapToInt(o -> (Integer) o.get("quantity")).sum(), Integer::sum);
            }
        }
        assertThat(shown).isNotEmpty().isEqualTo(viaApi);
        given().get("/sandbox/etsy/shops/" + shop.shopId() + "/calls").then().statusCode(200)
                .extract().jsonPath().getList("items.path", String.class)
                .forEach(path -> assertThat(path).doesNotContain("/stock"));
    }

    @Test
    void shopifyStockViewShowsEachVariantSkuWithItsAvailableQuantity() {
        ShopifyStoreFixture store = ShopifyStoreFixture.create(Map.of("products", 3, "stock", 9));
        Map<String, Integer> shown = given().get("/sandbox/shopify/shops/" + store.domain() + "/stock").then().statusCode(200)
                .extract().jsonPath().getMap("items", String.class, Integer.class);

        assertThat(shown.keySet()).containsExactlyInAnyOrderElementsOf(store.created().getList("skus", String.class));
        assertThat(shown.values()).containsOnly(9);
    }
}
