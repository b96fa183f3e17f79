package io.oms.channel.shopify.listings;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.channel.shopify.ShopifySandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class ShopifyListingsTest {

    @Test
    void everyVariantIsDiscoveredWithItsProductAndAProductIsDeactivatedAndActivatedAgain() {
        JsonPath store = ShopifySandbox.createShop("l" + UUID.randomUUID().toString().replace("-", "").substring(0, 3) + "-list", 3);
        String id = given().contentType(ContentType.JSON).body(ShopifySandbox.connectBody(store)).post("/api/v1/shops")
                .then().statusCode(201).extract().path("id");
        List<String> skus = store.getList("skus", String.class);
        await().atMost(Duration.ofSeconds(120)).until(() -> given().get("/api/v1/shops/" + id + "/listings").then().extract()
                .<Integer>path("total") == skus.size());

        List<Map<String, Object>> units = given().get("/api/v1/shops/" + id + "/listings").then().extract().path("items");
        List<Map<String, Object>> variants = ShopifySandbox.graphql(store, """
                { productVariants(first: 10) { nodes { id sku price inventoryQuantity product { id title status } } } }
                """, Map.of()).getList("data.productVariants.nodes");
        assertThat(units).hasSize(variants.size());
        for (Map<String, Object> v : variants) {
            @SuppressWarnings("unchecked")
            Map<String, Object> product = (Map<String, Object>) v.get("product");
            Map<String, Object> unit = units.stream().filter(u -> tail((String) v.get("id")).equals(u.get("unitId"))).findFirst().orElseThrow();
            assertThat(unit.get("listingId")).isEqualTo(tail((String) product.get("id")));
            assertThat(unit.get("sku")).isEqualTo(v.get("sku"));
            assertThat(unit.get("title")).isEqualTo(product.get("title"));
            assertThat(new BigDecimal(String.valueOf(unit.get("price")))).isEqualByComparingTo(new BigDecimal((String) v.get("price")));
            assertThat(unit.get("currency")).isEqualTo("EUR");
            assertThat(unit.get("quantity")).isEqualTo(v.get("inventoryQuantity"));
            assertThat(unit.get("state")).isEqualTo("active");
        }

        String productId = (String) units.get(0).get("listingId");
        given().post("/api/v1/shops/" + id + "/listings/" + productId + "/deactivate").then().statusCode(200);
        assertThat(status(store, productId)).isEqualTo("DRAFT");
        given().post("/api/v1/shops/" + id + "/listings/" + productId + "/activate").then().statusCode(200);
        assertThat(status(store, productId)).isEqualTo("ACTIVE");
        given().post("/api/v1/shops/" + id + "/listings/1/activate").then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("Product does not exist"));
    }

    private static String status(JsonPath store, String productId) {
        return ShopifySandbox.graphql(store, "query($id: ID!) { product(id: $id) { status } }", Map.of("id", "gid://shopify/Product/" + productId))
                .getString("data.product.status");
    }

    private static String tail(String gid) {
        return gid.substring(gid.lastIndexOf('/') + 1);
    }
}
