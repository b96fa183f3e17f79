package io.oms.channel.shopify.api;

import io.oms.testsupport.EndpointSecurity;
import io.oms.testsupport.EndpointSecurity.Endpoint;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;
import java.util.stream.Stream;

import static io.oms.testsupport.EndpointSecurity.endpoint;
import static io.restassured.RestAssured.given;

/** Every endpoint of channel-shopify (channel-core's shop, OAuth, sync, held-order and listing resources and its own) needs a bearer token with its role; the webhook needs none (HMAC protects it). */
@QuarkusTest
class ApiSecurityTest {

    private static final String SHOP_PATH = "/api/v1/shops/" + UUID.randomUUID();

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                endpoint("POST", "/api/v1/shops", "oms-admin"),
                endpoint("GET", "/api/v1/shops", "oms-viewer"),
                endpoint("GET", SHOP_PATH, "oms-viewer"),
                endpoint("PATCH", SHOP_PATH, "oms-admin"),
                endpoint("POST", SHOP_PATH + "/test-connection", "oms-admin"),
                endpoint("POST", "/api/v1/shops/oauth/authorize", "oms-admin"),
                endpoint("POST", SHOP_PATH + "/oauth/authorize", "oms-admin"),
                endpoint("POST", SHOP_PATH + "/sync", "oms-operator"),
                endpoint("POST", SHOP_PATH + "/sync-runs/" + UUID.randomUUID() + "/retry", "oms-operator"),
                endpoint("GET", SHOP_PATH + "/sync-runs", "oms-viewer"),
                endpoint("GET", SHOP_PATH + "/held-orders", "oms-viewer"),
                endpoint("POST", SHOP_PATH + "/held-orders/1/release", "oms-operator"),
                endpoint("POST", SHOP_PATH + "/held-orders/release", "oms-operator"),
                endpoint("POST", SHOP_PATH + "/listings/discover", "oms-operator"),
                endpoint("GET", SHOP_PATH + "/listings", "oms-viewer"),
                endpoint("GET", SHOP_PATH + "/listings/duplicate-skus", "oms-viewer"),
                endpoint("GET", SHOP_PATH + "/push-queue", "oms-viewer"),
                endpoint("GET", SHOP_PATH + "/shipments", "oms-viewer"),
                endpoint("POST", SHOP_PATH + "/listings/1/activate", "oms-admin"),
                endpoint("POST", SHOP_PATH + "/listings/1/deactivate", "oms-admin"),
                endpoint("POST", SHOP_PATH + "/listings", "oms-admin"),
                endpoint("GET", "/api/v1/mappings/status", "oms-viewer"),
                endpoint("GET", "/api/v1/privacy-requests", "oms-viewer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyEndpointNeedsATokenWithItsRole(Endpoint endpoint) {
        EndpointSecurity.assertGuarded(endpoint);
    }

    @Test
    void healthAndOpenApiNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(org.hamcrest.Matchers.containsString("/api/v1/shops"));
    }

    @Test
    void webhookNeedsNoTokenButAnHmac() {
        given().contentType("application/json").body("{}").post("/webhooks/shopify")
                .then().statusCode(401).body("type", org.hamcrest.Matchers.equalTo("about:blank"));
    }
}
