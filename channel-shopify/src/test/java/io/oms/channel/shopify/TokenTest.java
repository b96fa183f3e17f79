package io.oms.channel.shopify;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class TokenTest {

    @Test
    void anExpiredClientCredentialsTokenIsRenewedAfterA401AndTheCallSucceeds() {
        JsonPath store = ShopifySandbox.createShop("renew-" + UUID.randomUUID().toString().substring(0, 6), 3);
        String domain = store.getString("domain");
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("domain", domain, "clientId", store.getString("clientId"), "clientSecret", store.getString("clientSecret")))
                .post("/api/v1/shops").then().statusCode(201).extract().path("id");

        // Shopify's clock passes the token's 24 hours; the connector still believes in it, sends it and gets a 401
        RestAssured.given().baseUri(ShopifySandbox.baseUrl()).contentType("application/json").body(Map.of("seconds", 86_401))
                .post("/sandbox/clock/advance").then().statusCode(lessThan(300));

        given().post("/api/v1/shops/" + id + "/test-connection").then().statusCode(200).body("result", equalTo("Connection: success"));
        List<Map<String, Object>> calls = ShopifySandbox.calls(domain);
        // the first token, then a renewal after the 401; the shop's own sync may meet the 401 at the same moment and renew too
        assertThat(calls.stream().filter(c -> "client_credentials".equals(c.get("operation"))).count()).isBetween(2L, 3L);
        assertThat(calls).anyMatch(c -> Integer.valueOf(401).equals(c.get("status")));
        given().get("/api/v1/shops/" + id).then().body("status", equalTo("CONNECTED"));
    }

    @Test
    void aRevokedAccessTokenMarksTheShopForReauthenticationAndConnectingAgainRestoresIt() {
        JsonPath store = ShopifySandbox.createShop("revoked-" + UUID.randomUUID().toString().substring(0, 6), 3);
        String domain = store.getString("domain");
        String id = Shops.connect(store);
        await().atMost(Duration.ofSeconds(60)).until(() -> Shops.initialSyncDone(id));
        faults(domain, Map.of("revokeTokens", true));

        String run = Shops.syncNow(id);

        await().atMost(Duration.ofSeconds(60)).until(() -> "NEEDS_REAUTHENTICATION".equals(given().get("/api/v1/shops/" + id).path("status")));
        given().get("/api/v1/shops/" + id).then().body("statusMessage", containsString("connect the shop again"));
        assertThat(Shops.runs(id)).anyMatch(r -> run.equals(r.get("id")) && "FAILED".equals(r.get("status")));

        faults(domain, Map.of());
        given().contentType(ContentType.JSON).body(ShopifySandbox.connectBody(store)).post("/api/v1/shops").then().statusCode(201)
                .body("id", equalTo(id)).body("status", equalTo("CONNECTED"));
    }

    private static void faults(String domain, Map<String, Object> faults) {
        RestAssured.given().baseUri(ShopifySandbox.baseUrl()).contentType("application/json").body(faults)
                .put("/sandbox/shopify/shops/" + domain + "/faults").then().statusCode(lessThan(300));
    }
}
