package io.oms.sandbox.etsy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.oms.sandbox.SandboxClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EtsyOAuthTest {

    @Inject
    SandboxClock clock;

    @Test
    void authorizationCodeWithPkceGivesTokensForTheShopOwner() throws Exception {
        EtsyShopFixture shop = EtsyShopFixture.create();
        String verifier = "a-very-long-code-verifier-with-enough-entropy-0123456789abcdef";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        Response redirect = given().redirects().follow(false)
                .queryParam("response_type", "code").queryParam("client_id", shop.keystring())
                .queryParam("redirect_uri", "http://localhost:9999/callback")
                .queryParam("scope", "transactions_r transactions_w listings_r listings_w shops_r")
                .queryParam("state", "xyz").queryParam("code_challenge", challenge)
                .queryParam("code_challenge_method", "S256").get("/oauth/connect");
        assertThat(redirect.statusCode()).isEqualTo(302);
        URI location = URI.create(redirect.header("Location"));
        assertThat(location.getQuery()).contains("state=xyz");
        String code = location.getQuery().replaceAll(".*code=([^&]+).*", "$1");

        given().contentType(ContentType.URLENC).formParam("grant_type", "authorization_code")
                .formParam("client_id", shop.keystring()).formParam("redirect_uri", "http://localhost:9999/callback")
                .formParam("code", code).formParam("code_verifier", "wrong-verifier")
                .post("/v3/public/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));

        Response redirect2 = given().redirects().follow(false)
                .queryParam("response_type", "code").queryParam("client_id", shop.keystring())
                .queryParam("redirect_uri", "http://localhost:9999/callback").queryParam("scope", "shops_r")
                .queryParam("state", "s2").queryParam("code_challenge", challenge)
                .queryParam("code_challenge_method", "S256").get("/oauth/connect");
        String code2 = URI.create(redirect2.header("Location")).getQuery().replaceAll(".*code=([^&]+).*", "$1");
        JsonPath tokens = given().contentType(ContentType.URLENC).formParam("grant_type", "authorization_code")
                .formParam("client_id", shop.keystring()).formParam("redirect_uri", "http://localhost:9999/callback")
                .formParam("code", code2).formParam("code_verifier", verifier)
                .post("/v3/public/oauth/token").then().statusCode(200).body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600)).body("access_token", startsWith(shop.userId() + "."))
                .extract().jsonPath();
        shop.etsy(tokens.getString("access_token")).get("/v3/application/users/me").then().statusCode(200);
        // the token only has shops_r: reading receipts needs transactions_r
        shop.etsy(tokens.getString("access_token")).get("/v3/application/shops/" + shop.shopId() + "/receipts")
                .then().statusCode(403).body("error", equalTo("insufficient_scope"));
    }

    @Test
    void refreshRotatesAndTheOldRefreshTokenStopsWorking() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        JsonPath rotated = refresh(shop, shop.refreshToken()).then().statusCode(200).extract().jsonPath();
        assertThat(rotated.getString("refresh_token")).isNotEqualTo(shop.refreshToken());
        refresh(shop, shop.refreshToken()).then().statusCode(400).body("error", equalTo("invalid_grant"))
                .body("error_description", containsString("invalid"));
        refresh(shop, rotated.getString("refresh_token")).then().statusCode(200);
        shop.etsy(rotated.getString("access_token")).get("/v3/application/users/me").then().statusCode(200);
    }

    @Test
    void anExpiredAccessTokenGets401() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        shop.etsy().get("/v3/application/users/me").then().statusCode(200);
        clock.advance(Duration.ofSeconds(3601));
        shop.etsy().get("/v3/application/users/me").then().statusCode(401).body("error", equalTo("invalid_token"))
                .header("WWW-Authenticate", containsString("expired"));
        String fresh = refresh(shop, shop.refreshToken()).then().statusCode(200).extract().path("access_token");
        shop.etsy(fresh).get("/v3/application/users/me").then().statusCode(200);
    }

    @Test
    void aShortenedTokenLifetimeExpiresTheHeldTokenAndTheRefreshedOneAlike() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        given().contentType(ContentType.JSON).body("{\"accessTokenLifetimeSeconds\": 60}")
                .put("/sandbox/etsy/shops/" + shop.shopId() + "/limits").then().statusCode(200)
                .body("accessTokenLifetimeSeconds", equalTo(60));
        shop.etsy().get("/v3/application/users/me").then().statusCode(200);
        clock.advance(Duration.ofSeconds(61));
        shop.etsy().get("/v3/application/users/me").then().statusCode(401).header("WWW-Authenticate", containsString("expired"));

        JsonPath refreshed = refresh(shop, shop.refreshToken()).then().statusCode(200).body("expires_in", equalTo(60))
                .extract().jsonPath();
        shop.etsy(refreshed.getString("access_token")).get("/v3/application/users/me").then().statusCode(200);
        clock.advance(Duration.ofSeconds(61));
        shop.etsy(refreshed.getString("access_token")).get("/v3/application/users/me").then().statusCode(401);

        given().contentType(ContentType.JSON).body("{\"accessTokenLifetimeSeconds\": 0}")
                .put("/sandbox/etsy/shops/" + shop.shopId() + "/limits").then().statusCode(200)
                .body("accessTokenLifetimeSeconds", equalTo(3600));
    }

    @Test
    void revokedTokensAnswerAsRevoked() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        given().contentType(ContentType.JSON).body("{\"revokeTokens\": true}")
                .put("/sandbox/etsy/shops/" + shop.shopId() + "/faults").then().statusCode(200);
        shop.etsy().get("/v3/application/users/me").then().statusCode(401).body("error", equalTo("invalid_token"));
        refresh(shop, shop.refreshToken()).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    private static Response refresh(EtsyShopFixture shop, String refreshToken) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("client_id", shop.keystring()).formParam("refresh_token", refreshToken)
                .post("/v3/public/oauth/token");
    }
}
