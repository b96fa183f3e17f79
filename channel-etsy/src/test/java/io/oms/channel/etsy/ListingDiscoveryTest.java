package io.oms.channel.etsy;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import com.fasterxml.jackson.databind.JsonNode;
import io.oms.events.Sku;
import io.oms.events.Topics;
import io.oms.events.inventory.StockChanged;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class ListingDiscoveryTest {

    @Test
    void everyListingUnitIsStoredAndPublishedAndADuplicateSkuIsReportedNotMergedNorPushed() {
        JsonPath sandboxShop = EtsySandbox.createShop("Discover" + UUID.randomUUID().toString().substring(0, 6), 4, 30);
        long etsyShopId = sandboxShop.getLong("shopId");
        Map<String, String> owner = EtsySandbox.ownerHeaders(sandboxShop);
        List<Long> listingIds = sandboxShop.getList("listingIds", Long.class);
        // the seller gives the single-product listing the SKU of another listing's variation
        String duplicate = EtsySandbox.etsy(owner).get("/v3/application/listings/" + listingIds.get(0) + "/inventory").then().statusCode(200)
                .extract().path("products[0].sku");
        long single = listingIds.stream().filter(l -> EtsySandbox.etsy(owner).get("/v3/application/listings/" + l + "/inventory")
                .then().extract().jsonPath().getList("products").size() == 1).findFirst().orElseThrow();
        Map<String, Object> offering = new HashMap<>(Map.of("price", 12.5, "quantity", 30, "is_enabled", true));
        offering.put("readiness_state_id", null);
        EtsySandbox.etsy(owner).contentType(ContentType.JSON)
                .body(Map.of("products", List.of(Map.of("sku", duplicate, "property_values", List.of(), "offerings", List.of(offering)))))
                .put("/v3/application/listings/" + single + "/inventory").then().statusCode(200);

        String id = Shops.connect(sandboxShop);
        StockPushTest.awaitDiscovery(id, 10);
        given().get("/api/v1/shops/" + id + "/listings/duplicate-skus").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].sku", equalTo(duplicate)).body("items[0].unitIds", hasSize(2));

        try (TopicReader discovered = new TopicReader(Topics.LISTING_DISCOVERED, r -> String.valueOf(etsyShopId).equals(r.path("shopId").asText()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> discovered.poll().size() >= 10);
            List<JsonNode> events = discovered.poll();
            assertThat(events).extracting(e -> e.path("listingId").asText()).doesNotHaveDuplicates().hasSize(10);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.path("title").asText()).isNotBlank();
                assertThat(e.path("currency").asText()).isEqualTo("EUR");
                assertThat(e.path("imageUrl").asText()).startsWith("https://");
                assertThat(e.path("quantity").asInt()).isEqualTo(30);
            });
            assertThat(events).filteredOn(e -> duplicate.equals(e.path("sku").asText())).hasSize(2);
        }

        Events.consumersReady();
        Events.publish("/inventory-service", new StockChanged(Sku.of(duplicate), List.of(), 3, 1));
        try (TopicReader results = new TopicReader(Topics.CHANNEL_PUSH_RESULT,
                r -> String.valueOf(etsyShopId).equals(r.path("shopId").asText()) && duplicate.equals(r.path("reference").asText()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !results.poll().isEmpty());
            JsonNode refused = results.poll().get(0);
            assertThat(refused.path("success").asBoolean()).isFalse();
            assertThat(refused.path("error").asText()).contains("is on 2 listings");
        }
        given().get("/api/v1/shops/" + id + "/push-queue").then().body("total", equalTo(0));

        given().post("/api/v1/shops/" + id + "/listings/discover").then().statusCode(200)
                .body("listings", equalTo(4)).body("units", equalTo(10)).body("duplicateSkus", hasSize(1));
    }
}
