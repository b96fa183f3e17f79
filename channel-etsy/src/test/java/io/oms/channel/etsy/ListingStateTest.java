package io.oms.channel.etsy;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class ListingStateTest {

    @Test
    void listingsAreDeactivatedAndActivatedAndADraftIsCreatedFromAnItem() {
        JsonPath sandboxShop = EtsySandbox.createShop("States" + UUID.randomUUID().toString().substring(0, 6), 3, 20);
        long etsyShopId = sandboxShop.getLong("shopId");
        long listing = sandboxShop.getList("listingIds", Long.class).get(0);
        String id = Shops.connect(sandboxShop);
        Map<String, String> owner = EtsySandbox.ownerHeaders(sandboxShop);

        given().post("/api/v1/shops/" + id + "/listings/" + listing + "/deactivate").then().statusCode(200).body("result", containsString("inactive"));
        assertThat(state(owner, listing)).isEqualTo("inactive");
        given().post("/api/v1/shops/" + id + "/listings/" + listing + "/activate").then().statusCode(200);
        assertThat(state(owner, listing)).isEqualTo("active");

        Map<String, Object> item = new HashMap<>(Map.of("sku", "DRAFT-" + etsyShopId, "title", "Handmade Stoneware Mug",
                "description", "A mug thrown on the wheel.", "price", 19.90, "quantity", 5, "whoMade", "i_did", "whenMade", "made_to_order",
                "taxonomyId", 1106));
        String created = given().contentType(ContentType.JSON).body(item).post("/api/v1/shops/" + id + "/listings")
                .then().statusCode(201).extract().path("result");
        long draft = Long.parseLong(created.replace("draft listing ", ""));
        assertThat(state(owner, draft)).isEqualTo("draft");
        JsonPath inventory = EtsySandbox.etsy(owner).get("/v3/application/listings/" + draft + "/inventory").then().statusCode(200).extract().jsonPath();
        assertThat(inventory.getString("products[0].sku")).isEqualTo("DRAFT-" + etsyShopId);
        assertThat(inventory.getInt("products[0].offerings[0].quantity")).isEqualTo(5);

        given().post("/api/v1/shops/" + id + "/listings/" + draft + "/activate").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("image"));
        try (TopicReader results = new TopicReader(Topics.CHANNEL_PUSH_RESULT,
                r -> String.valueOf(etsyShopId).equals(r.path("shopId").asText()) && "LISTING".equals(r.path("kind").asText()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> results.poll().size() >= 4);
            assertThat(results.poll()).filteredOn(r -> r.path("reference").asText().equals(String.valueOf(draft)))
                    .singleElement().satisfies(r -> assertThat(r.path("success").asBoolean()).isFalse());
        }
        given().contentType(ContentType.JSON).body(Map.of("title", "No price")).post("/api/v1/shops/" + id + "/listings")
                .then().statusCode(400).body("field", equalTo("description"));
    }

    private static String state(Map<String, String> owner, long listing) {
        return EtsySandbox.etsy(owner).get("/v3/application/listings/" + listing).then().statusCode(200).extract().path("state");
    }
}
