package io.oms.channel.etsy;

import io.restassured.path.json.JsonPath;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the sandbox shop shows now, read through Etsy's API as the shop's owner. */
final class EtsyShopState {

    private EtsyShopState() {
    }

    static Map<String, Integer> quantities(JsonPath shop) {
        Map<String, Integer> out = new HashMap<>();
        offerings(shop).forEach((sku, o) -> out.put(sku, ((Number) o.get("quantity")).intValue()));
        return out;
    }

    static Map<String, BigDecimal> prices(JsonPath shop) {
        Map<String, BigDecimal> out = new HashMap<>();
        offerings(shop).forEach((sku, o) -> {
            Map<String, Object> price = (Map<String, Object>) o.get("price");
            out.put(sku, BigDecimal.valueOf(((Number) price.get("amount")).longValue()).divide(BigDecimal.valueOf(((Number) price.get("divisor")).longValue())));
        });
        return out;
    }

    /** SKU → its offering, over active and sold-out listings. */
    private static Map<String, Map<String, Object>> offerings(JsonPath shop) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        Map<String, String> owner = EtsySandbox.ownerHeaders(shop);
        for (String state : List.of("active", "sold_out")) {
            List<Map<String, Object>> listings = EtsySandbox.etsy(owner).get("/v3/application/shops/" + shop.getLong("shopId") + "/listings?limit=100&state=" + state
                    + "&includes=Inventory").then().log().ifValidationFails().statusCode(200).extract().jsonPath().getList("results");
            for (Map<String, Object> listing : listings) {
                List<Map<String, Object>> products = (List<Map<String, Object>>) ((Map<String, Object>) listing.get("inventory")).get("products");
                for (Map<String, Object> p : products) {
                    out.put((String) p.get("sku"), ((List<Map<String, Object>>) p.get("offerings")).get(0));
                }
            }
        }
        return out;
    }
}
