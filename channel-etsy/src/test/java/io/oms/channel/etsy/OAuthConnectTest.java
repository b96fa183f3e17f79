package io.oms.channel.etsy;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.channel.core.db.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class OAuthConnectTest {

    @Inject
    Sql sql;

    @Test
    void aShopConnectsThroughTheAuthorizationCodeFlowWithPkceAndAStateIsUsedOnce() {
        JsonPath shop = EtsySandbox.createShop("OAuth" + UUID.randomUUID().toString().substring(0, 6));
        Map<String, Object> body = Map.of("name", "Via OAuth", "shopId", shop.getLong("shopId"), "keystring", shop.getString("keystring"),
                "sharedSecret", shop.getString("sharedSecret"));
        JsonPath started = given().contentType(ContentType.JSON).body(body).post("/api/v1/shops/oauth/authorize")
                .then().statusCode(200).extract().jsonPath();
        assertThat(started.getString("authorizeUrl")).contains("code_challenge_method=S256").contains("state=" + started.getString("state"))
                .doesNotContain(shop.getString("sharedSecret"));

        Map<String, String> callback = login(started.getString("authorizeUrl"));
        assertThat(callback.get("state")).isEqualTo(started.getString("state"));
        String id;
        String answer;
        try (CapturedLogs logs = CapturedLogs.open()) {
            answer = given().queryParams(callback).get("/api/v1/shops/oauth/callback").then().statusCode(200)
                    .body("externalShopId", equalTo(String.valueOf(shop.getLong("shopId"))))
                    .body("name", equalTo("Via OAuth"))
                    .body("status", equalTo("CONNECTED")).extract().asString();
            id = JsonPath.from(answer).getString("id");
            // neither the shared secret, nor the code, nor a token ("<user id>.<token>") in the answer or a log line
            for (String secret : new String[] {shop.getString("sharedSecret"), callback.get("code"), shop.getLong("userId") + "."}) {
                assertThat(answer).doesNotContain(secret);
                assertThat(logs.lines()).noneMatch(line -> line.contains(secret));
            }
            assertThat(logs.lines()).anyMatch(line -> line.contains("connected through OAuth"));
        }
        given().post("/api/v1/shops/" + id + "/test-connection").then().body("result", equalTo("Connection: success"));

        given().queryParams(callback).get("/api/v1/shops/oauth/callback").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("state"));
    }

    @Test
    void reauthenticationMustLandOnTheSameShopAndAnotherAccountChangesNothing() {
        JsonPath shop = EtsySandbox.createShop("Mine" + UUID.randomUUID().toString().substring(0, 6));
        JsonPath other = EtsySandbox.createShop("Theirs" + UUID.randomUUID().toString().substring(0, 6));
        String id = Shops.connect(shop);
        String connectedAs = given().post("/api/v1/shops/" + id + "/test-connection").then().extract().path("connectedAs");

        Map<String, Object> otherApp = Map.of("keystring", other.getString("keystring"), "sharedSecret", other.getString("sharedSecret"));
        String url = given().contentType(ContentType.JSON).body(otherApp).post("/api/v1/shops/" + id + "/oauth/authorize")
                .then().statusCode(200).extract().path("authorizeUrl");
        given().queryParams(login(url)).get("/api/v1/shops/oauth/callback").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("not shop " + shop.getLong("shopId")))
                .body("detail", containsString("nothing was connected"));
        given().get("/api/v1/shops/" + id).then().body("status", equalTo("CONNECTED")).body("externalShopId", equalTo(String.valueOf(shop.getLong("shopId"))));
        given().post("/api/v1/shops/" + id + "/test-connection").then().body("result", equalTo("Connection: success"))
                .body("connectedAs", equalTo(connectedAs));

        String again = given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/shops/" + id + "/oauth/authorize")
                .then().statusCode(200).extract().path("authorizeUrl");
        given().queryParams(login(again)).get("/api/v1/shops/oauth/callback").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aLoginAfterTheAuthorizationExpiredGetsAClearError() {
        JsonPath shop = EtsySandbox.createShop("Late" + UUID.randomUUID().toString().substring(0, 6));
        JsonPath started = given().contentType(ContentType.JSON).body(Map.of("shopId", shop.getLong("shopId"), "keystring", shop.getString("keystring"),
                "sharedSecret", shop.getString("sharedSecret"))).post("/api/v1/shops/oauth/authorize").then().statusCode(200).extract().jsonPath();
        // five minutes pass
        sql.update("update channel_oauth_state set expires_at = ? where state = ?", Instant.now().minusSeconds(1), started.getString("state"));

        given().queryParams(login(started.getString("authorizeUrl"))).get("/api/v1/shops/oauth/callback").then().statusCode(410)
                .contentType("application/problem+json").body("detail", containsString("expired")).body("detail", containsString("start the connection again"));
        given().contentType(ContentType.JSON).body(Map.of("keystring", "k")).post("/api/v1/shops/oauth/authorize").then().statusCode(422)
                .body("field", equalTo("shopId"));
    }

    /** The operator logs in at the consent page; answers the query of the redirect back to the connector. */
    private static Map<String, String> login(String authorizeUrl) {
        String location = RestAssured.given().redirects().follow(false).urlEncodingEnabled(false).get(authorizeUrl)
                .then().statusCode(302).extract().header("Location");
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return query;
    }
}
