package io.oms.channel.etsy;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

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
class HeldOrderTest {

    @Test
    void heldOrdersArePublishedOnlyWhenReleasedOneByOneOrAll() {
        JsonPath sandboxShop = EtsySandbox.createShop("Held" + UUID.randomUUID().toString().substring(0, 6));
        long etsyShopId = sandboxShop.getLong("shopId");
        String id = Shops.connect(sandboxShop);
        given().contentType(ContentType.JSON).body(Map.of("holdNewOrders", true)).patch("/api/v1/shops/" + id)
                .then().statusCode(200).body("settings.holdNewOrders", equalTo(true));
        await().atMost(Duration.ofSeconds(120)).until(() -> Shops.initialSyncDone(id));

        List<Long> receipts = EtsySandbox.createReceipts(etsyShopId, 4);
        String run = Shops.syncNow(id);
        await().atMost(Duration.ofSeconds(120)).until(() -> Shops.runHasStatus(id, run, "SUCCEEDED"));
        given().get("/api/v1/shops/" + id + "/held-orders").then().statusCode(200).body("total", equalTo(4));

        try (OrderTopic topic = new OrderTopic(etsyShopId)) {
            String first = String.valueOf(receipts.get(0));
            given().post("/api/v1/shops/" + id + "/held-orders/" + first + "/release").then().statusCode(200).body("published", equalTo(true));
            await().atMost(Duration.ofSeconds(60)).until(() -> topic.poll().size() >= 1);
            assertThat(topic.poll()).extracting(OrderTopic.Imported::key).containsExactly("etsy:" + etsyShopId + ":" + first);
            given().get("/api/v1/shops/" + id + "/held-orders").then().body("total", equalTo(3));

            given().post("/api/v1/shops/" + id + "/held-orders/release").then().statusCode(200).body("released", equalTo(3));
            await().atMost(Duration.ofSeconds(60)).until(() -> topic.poll().size() >= 4);
            assertThat(topic.poll()).extracting(OrderTopic.Imported::key).doesNotHaveDuplicates().hasSize(4);
            given().get("/api/v1/shops/" + id + "/held-orders").then().body("total", equalTo(0));
            given().post("/api/v1/shops/" + id + "/held-orders/" + first + "/release").then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }
}
