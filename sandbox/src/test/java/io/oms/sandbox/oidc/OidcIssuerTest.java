package io.oms.sandbox.oidc;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class OidcIssuerTest {

    @Test
    void discoveryNamesEveryEndpointUnderTheIssuer() {
        given().get("/oidc/.well-known/openid-configuration").then().statusCode(200)
                .body("issuer", endsWith("/oidc"))
                .body("token_endpoint", endsWith("/oidc/token"))
                .body("jwks_uri", endsWith("/oidc/jwks"))
                .body("authorization_endpoint", endsWith("/oidc/authorize"))
                .body("end_session_endpoint", endsWith("/oidc/logout"))
                .body("grant_types_supported", hasItems("authorization_code", "refresh_token", "client_credentials", "password"));
    }

    @Test
    void clientCredentialsGiveTheLocalClientAnAdminTokenSignedByTheJwksKey() throws Exception {
        String token = given().auth().preemptive().basic("oms-local", "oms-local-secret")
                .formParam("grant_type", "client_credentials")
                .post("/oidc/token").then().statusCode(200).body("token_type", equalTo("Bearer"))
                .extract().path("access_token");

        Map<String, Object> claims = verified(token);
        assertThat(claims.get("realm_access")).isEqualTo(Map.of("roles", List.of("oms-admin")));
        assertThat((String) claims.get("iss")).endsWith("/oidc");
    }

    @Test
    void aWrongSecretOrPasswordIsRefused() {
        given().formParam("grant_type", "client_credentials").formParam("client_id", "oms-local")
                .formParam("client_secret", "guess").post("/oidc/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic("oms-console", "oms-console-secret").formParam("grant_type", "password")
                .formParam("username", "admin").formParam("password", "guess")
                .post("/oidc/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void passwordGrantGivesTheUsersRoleAndARefreshTokenThatRotates() throws Exception {
        ExtractableResponse<Response> first = given().formParam("grant_type", "password")
                .formParam("client_id", "oms-console").formParam("client_secret", "oms-console-secret")
                .formParam("username", "operator").formParam("password", "operator")
                .post("/oidc/token").then().statusCode(200).extract();
        assertThat(verified(first.path("access_token")).get("realm_access")).isEqualTo(Map.of("roles", List.of("oms-operator")));

        String refresh = first.path("refresh_token");
        given().auth().preemptive().basic("oms-console", "oms-console-secret")
                .formParam("grant_type", "refresh_token").formParam("refresh_token", refresh)
                .post("/oidc/token").then().statusCode(200).body("id_token", org.hamcrest.Matchers.notNullValue());
        given().auth().preemptive().basic("oms-console", "oms-console-secret")
                .formParam("grant_type", "refresh_token").formParam("refresh_token", refresh)
                .post("/oidc/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void authorizationCodeFlowLogsInThroughTheFormAndChecksPkce() throws Exception {
        String verifier = "a-verifier-of-enough-length-0123456789-abcdefghijkl";
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = "http://127.0.0.1:8080/callback";
        given().queryParam("response_type", "code").queryParam("client_id", "oms-console").queryParam("redirect_uri", redirect)
                .queryParam("state", "s1").queryParam("code_challenge", challenge).queryParam("code_challenge_method", "S256")
                .get("/oidc/authorize").then().statusCode(200).body(containsString("<form method=\"post\""));

        String location = given().redirects().follow(false).formParam("response_type", "code")
                .formParam("client_id", "oms-console").formParam("redirect_uri", redirect).formParam("state", "s1")
                .formParam("nonce", "n1").formParam("scope", "openid")
                .formParam("code_challenge", challenge).formParam("code_challenge_method", "S256")
                .formParam("username", "viewer").formParam("password", "viewer")
                .post("/oidc/authorize").then().statusCode(302).extract().header("Location");
        assertThat(location).startsWith(redirect).contains("state=s1");
        String code = URI.create(location).getQuery().replaceAll(".*code=([^&]+).*", "$1");

        given().auth().preemptive().basic("oms-console", "oms-console-secret").formParam("grant_type", "authorization_code")
                .formParam("code", code).formParam("redirect_uri", redirect).formParam("code_verifier", "wrong-verifier")
                .post("/oidc/token").then().statusCode(400).body("error", equalTo("invalid_grant"));

        String location2 = given().redirects().follow(false).formParam("response_type", "code")
                .formParam("client_id", "oms-console").formParam("redirect_uri", redirect).formParam("state", "s2")
                .formParam("nonce", "n2").formParam("code_challenge", challenge).formParam("code_challenge_method", "S256")
                .formParam("username", "viewer").formParam("password", "viewer")
                .post("/oidc/authorize").then().statusCode(302).extract().header("Location");
        String code2 = URI.create(location2).getQuery().replaceAll(".*code=([^&]+).*", "$1");
        ExtractableResponse<Response> tokens = given().auth().preemptive().basic("oms-console", "oms-console-secret")
                .formParam("grant_type", "authorization_code").formParam("code", code2).formParam("redirect_uri", redirect)
                .formParam("code_verifier", verifier)
                .post("/oidc/token").then().statusCode(200).extract();
        Map<String, Object> id = verified(tokens.path("id_token"));
        assertThat(id).containsEntry("aud", "oms-console").containsEntry("nonce", "n2").containsEntry("sub", "viewer");
        assertThat(verified(tokens.path("access_token")).get("realm_access")).isEqualTo(Map.of("roles", List.of("oms-viewer")));
    }

    @Test
    void endSessionSendsTheBrowserBack() {
        given().redirects().follow(false).queryParam("post_logout_redirect_uri", "http://127.0.0.1:8080/")
                .get("/oidc/logout").then().statusCode(302).header("Location", equalTo("http://127.0.0.1:8080/"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> verified(String jwt) throws Exception {
        Map<String, Object> jwk = ((List<Map<String, Object>>) given().get("/oidc/jwks").then().statusCode(200)
                .extract().path("keys")).get(0);
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode((String) jwk.get("n"))),
                new BigInteger(1, Base64.getUrlDecoder().decode((String) jwk.get("e")))));
        String[] parts = jwt.split("\\.");
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(signature.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signature verifies with the JWKS key").isTrue();
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
    }
}
