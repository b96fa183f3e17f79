package io.oms.order.api;

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

/** Every endpoint of the order API needs a bearer token with its role: 401 without, 403 one role too low. */
@QuarkusTest
class ApiSecurityTest {

    private static final String ORDER = "/api/v1/orders/" + UUID.randomUUID();

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                endpoint("GET", "/api/v1/orders", "oms-viewer"),
                endpoint("GET", "/api/v1/orders/rejected", "oms-viewer"),
                endpoint("GET", ORDER, "oms-viewer"),
                endpoint("POST", ORDER + "/release", "oms-operator"),
                endpoint("POST", "/api/v1/orders/release", "oms-operator"),
                endpoint("POST", ORDER + "/cancel", "oms-operator"),
                endpoint("POST", ORDER + "/status", "oms-operator"),
                endpoint("GET", "/api/v1/customers", "oms-viewer"),
                endpoint("GET", "/api/v1/customers/" + UUID.randomUUID(), "oms-viewer"),
                endpoint("GET", "/api/v1/shop-settings/etsy/1", "oms-viewer"),
                endpoint("PUT", "/api/v1/shop-settings/etsy/1", "oms-admin"),
                endpoint("GET", "/api/v1/status-mappings", "oms-viewer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyEndpointNeedsATokenWithItsRole(Endpoint endpoint) {
        EndpointSecurity.assertGuarded(endpoint);
    }

    @Test
    void healthMetricsAndOpenApiNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
