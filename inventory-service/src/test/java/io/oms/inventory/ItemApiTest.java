package io.oms.inventory;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.events.CloudEventCodec;
import io.oms.events.EventType;
import io.oms.events.inventory.PriceChanged;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.oms.inventory.Api.anItem;
import static io.oms.inventory.Api.putItem;
import static io.oms.inventory.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class ItemApiTest {

    @Inject
    CloudEventCodec codec;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void putCreatesAnItemThenUpdatesIt() {
        String sku = unique("MUG");
        putItem(sku, anItem("Blue mug")).statusCode(201).body("sku", equalTo(sku)).body("status", equalTo("active"));
        Map<String, Object> changed = new HashMap<>(anItem("Blue mug, large"));
        changed.put("sellingPrice", "9.99");
        changed.put("status", "inactive");
        putItem(sku, changed).statusCode(200);

        given().when().get("/api/v1/items/{sku}", sku).then().statusCode(200)
                .body("name", equalTo("Blue mug, large"))
                .body("price", equalTo(12.5f))
                .body("sellingPrice", equalTo(9.99f))
                .body("currency", equalTo("EUR"))
                .body("status", equalTo("inactive"))
                .body("stock", hasSize(0))
                .body("totalAvailable", equalTo(0));
    }

    @Test
    void skuIsTrimmedAndCaseSensitive() {
        String sku = unique("Case");
        putItem("  " + sku + "  ", anItem("Trimmed")).statusCode(201).body("sku", equalTo(sku));
        putItem(sku.toUpperCase(), anItem("Upper")).statusCode(201);

        given().when().get("/api/v1/items/{sku}", sku).then().statusCode(200).body("name", equalTo("Trimmed"));
        given().when().get("/api/v1/items/{sku}", sku.toUpperCase()).then().statusCode(200).body("name", equalTo("Upper"));
    }

    @Test
    void creatingAnExistingSkuIsAConflictNamingTheSku() {
        String sku = unique("DUP");
        Map<String, Object> body = new HashMap<>(anItem("First"));
        body.put("sku", sku);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/items").then().statusCode(201);

        body.put("sku", " " + sku + " ");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/items").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("field", equalTo("sku"));
    }

    @Test
    void anInvalidBodyAnswersProblemJsonNamingTheField() {
        Map<String, Object> body = new HashMap<>(anItem("Bad price"));
        body.put("price", "-1");
        putItem(unique("BAD"), body).statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Bad Request"))
                .body("field", equalTo("price"));

        body = new HashMap<>(anItem("Bad currency"));
        body.put("currency", "euro");
        putItem(unique("BAD"), body).statusCode(400).body("field", equalTo("currency"));

        given().when().get("/api/v1/items/{sku}", unique("NONE")).then().statusCode(404)
                .contentType("application/problem+json").body("field", equalTo("sku"));
    }

    @Test
    void listFiltersByStatusAndNameAndPaginates() {
        String prefix = unique("LST");
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = new HashMap<>(anItem(prefix + " item " + i));
            body.put("status", i < 3 ? "active" : "inactive");
            putItem(prefix + "-" + i, body).statusCode(201);
        }

        given().queryParam("sku", prefix).queryParam("status", "active").queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/v1/items").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.sku", contains(prefix + "-2"));
        given().queryParam("name", prefix.toLowerCase() + " ITEM").when().get("/api/v1/items").then().statusCode(200)
                .body("total", equalTo(5));
        given().queryParam("size", 0).when().get("/api/v1/items").then().statusCode(400).body("field", equalTo("size"));
    }

    @Test
    void aPriceChangePublishesPriceChangedWithAGrowingVersion() {
        String sku = unique("PRICE");
        try (KafkaTopics.Reader<PriceChanged> prices = new KafkaTopics.Reader<>(bootstrapServers, codec, EventType.PRICE_CHANGED)) {
            putItem(sku, anItem("Priced")).statusCode(201);
            putItem(sku, anItem("Renamed, same price")).statusCode(200);
            Map<String, Object> cheaper = new HashMap<>(anItem("Renamed, same price"));
            cheaper.put("sellingPrice", "10.00");
            putItem(sku, cheaper).statusCode(200);

            await().atMost(Duration.ofSeconds(60)).until(() -> prices.read(sku).size() >= 2);
            List<PriceChanged> published = prices.read(sku);
            assertThat(published).hasSize(2);
            assertThat(published.get(0).sellingPrice()).isNull();
            assertThat(published.get(1).sellingPrice()).isEqualByComparingTo(new BigDecimal("10.00"));
            assertThat(published.get(1).marketplacePrice()).isEqualByComparingTo("10.00");
            assertThat(published.get(1).version()).isGreaterThan(published.get(0).version());
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheItemApi() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/items/{sku}'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/stock/adjustments'", org.hamcrest.Matchers.notNullValue());
    }
}
