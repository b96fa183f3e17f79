package io.oms.channel.etsy;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.agroal.api.AgroalDataSource;
import io.oms.channel.core.lease.LeaseStore;
import io.oms.channel.core.sync.ShopWorkers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class LeaseAndTokenTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LeaseStore leases;

    @Inject
    ShopWorkers workers;

    @Test
    void aShopLeasedByAnotherReplicaIsNotWorkedUntilItsLeaseExpires() throws Exception {
        JsonPath sandboxShop = EtsySandbox.createShop("Lease" + UUID.randomUUID().toString().substring(0, 6));
        EtsySandbox.createReceipts(sandboxShop.getLong("shopId"), 5);
        String id = Shops.connect(sandboxShop);
        await().atMost(Duration.ofSeconds(60)).until(() -> Shops.initialSyncDone(id));
        assertThat(leases.lease(UUID.fromString(id)).owner()).isEqualTo(workers.owner());
        given().get("/api/v1/shops/" + id).then().body("leaseOwner", equalTo(workers.owner()));
        assertThat(MetricsTest.sample("oms_channel_shops_leased", Map.of("channel", "etsy")))
                .hasValueSatisfying(held -> assertThat(held).isPositive());

        sql("update channel_shop_lease set owner = 'another-replica', expires_at = now() + interval '1 hour' where shop_id = ?", id);
        given().get("/api/v1/shops/" + id).then().body("leaseOwner", equalTo("another-replica"));
        String manual = Shops.syncNow(id);

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(30))
                .until(() -> Shops.runHasStatus(id, manual, "PENDING"));

        sql("update channel_shop_lease set expires_at = now() - interval '1 second' where shop_id = ?", id);

        await().atMost(Duration.ofSeconds(60)).until(() -> Shops.runHasStatus(id, manual, "SUCCEEDED"));
        assertThat(leases.lease(UUID.fromString(id)).owner()).isEqualTo(workers.owner());
    }

    @Test
    void anExpiredAccessTokenIsRefreshedWithoutAFailedRun() {
        JsonPath sandboxShop = EtsySandbox.createShop("Expiry" + UUID.randomUUID().toString().substring(0, 6));
        long shopId = sandboxShop.getLong("shopId");
        String id = Shops.connect(sandboxShop);
        await().atMost(Duration.ofSeconds(60)).until(() -> Shops.initialSyncDone(id));

        // the sandbox's clock moves past the access token's hour; the connector's clock does not, so only a 401 tells it
        RestAssured.given().baseUri(EtsySandbox.baseUrl()).contentType("application/json").body(Map.of("seconds", 3700))
                .post("/sandbox/clock/advance").then().statusCode(org.hamcrest.Matchers.lessThan(300));
        EtsySandbox.createReceipts(shopId, 3);
        String manual = Shops.syncNow(id);

        await().atMost(Duration.ofSeconds(60)).until(() -> Shops.runHasStatus(id, manual, "SUCCEEDED"));
        assertThat(Shops.run(id, manual).orElseThrow().get("imported")).isEqualTo(3);
        List<String> paths = RestAssured.given().baseUri(EtsySandbox.baseUrl()).get("/sandbox/etsy/shops/" + shopId + "/calls")
                .then().extract().path("items.path");
        assertThat(paths).filteredOn(p -> p.endsWith("/oauth/token")).hasSizeGreaterThanOrEqualTo(2); // connect + refresh
        given().get("/api/v1/shops/" + id).then().body("status", equalTo("CONNECTED"));
    }

    @Test
    void aRevokedRefreshTokenStopsTheShopAndSaysSo() {
        JsonPath sandboxShop = EtsySandbox.createShop("Revoked" + UUID.randomUUID().toString().substring(0, 6));
        String id = Shops.connect(sandboxShop);
        await().atMost(Duration.ofSeconds(60)).until(() -> Shops.initialSyncDone(id));

        EtsySandbox.faults(sandboxShop.getLong("shopId"), Map.of("revokeTokens", true));
        String manual = Shops.syncNow(id);

        await().atMost(Duration.ofSeconds(60)).until(() -> Shops.runHasStatus(id, manual, "FAILED"));
        assertThat((String) Shops.run(id, manual).orElseThrow().get("message")).contains("connect the shop again");
        given().get("/api/v1/shops/" + id).then()
                .body("status", equalTo("NEEDS_REAUTHENTICATION"))
                .body("statusMessage", containsString("refresh token"));
        given().post("/api/v1/shops/" + id + "/test-connection").then().statusCode(200)
                .body("result", equalTo("Connection: failed"));
        await().atMost(Duration.ofSeconds(30)).until(() -> leases.lease(UUID.fromString(id)).owner() == null);
    }

    @Test
    void aRevokedRefreshTokenKeepsQueuedPushesUntilTheShopIsConnectedAgain() {
        JsonPath sandboxShop = EtsySandbox.createShop("Kept" + UUID.randomUUID().toString().substring(0, 6), 3, 20);
        long etsyShopId = sandboxShop.getLong("shopId");
        String id = Shops.connect(sandboxShop);
        String sku = StockPushTest.awaitDiscovery(id, 7).keySet().iterator().next();
        Events.consumersReady();

        EtsySandbox.faults(etsyShopId, Map.of("revokeTokens", true));
        Events.publish("/inventory-service", new io.oms.events.inventory.StockChanged(io.oms.events.Sku.of(sku), java.util.List.of(), 7, 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> "NEEDS_REAUTHENTICATION".equals(given().get("/api/v1/shops/" + id).then().extract().path("status")));
        given().get("/api/v1/shops/" + id + "/push-queue").then().body("total", equalTo(1));

        EtsySandbox.faults(etsyShopId, Map.of());
        String refreshToken = io.restassured.RestAssured.given().baseUri(EtsySandbox.baseUrl()).post("/sandbox/etsy/shops/" + etsyShopId + "/tokens")
                .then().statusCode(200).extract().path("refreshToken");
        Map<String, Object> body = new java.util.HashMap<>(EtsySandbox.connectBody(sandboxShop));
        body.put("refreshToken", refreshToken);
        given().contentType(io.restassured.http.ContentType.JSON).body(body).post("/api/v1/shops").then().statusCode(201)
                .body("id", equalTo(id)).body("status", equalTo("CONNECTED"));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/api/v1/shops/" + id + "/push-queue").then().extract().<Integer>path("total") == 0);
        assertThat(EtsyShopState.quantities(sandboxShop)).containsEntry(sku, 7);
    }

    private void sql(String statement, String shopId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(statement)) {
            st.setObject(1, UUID.fromString(shopId));
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }
}
