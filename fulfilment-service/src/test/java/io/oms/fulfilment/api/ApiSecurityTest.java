package io.oms.fulfilment.api;

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

/** Every endpoint of the fulfilment API needs a bearer token with its role: 401 without, 403 one role too low. */
@QuarkusTest
class ApiSecurityTest {

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                endpoint("GET", "/api/v1/carriers", "oms-viewer"),
                endpoint("GET", "/api/v1/carriers/sec-none", "oms-viewer"),
                endpoint("PUT", "/api/v1/carriers/sec-none", "oms-admin"),
                endpoint("GET", "/api/v1/channel-shipment-rules", "oms-viewer"),
                endpoint("GET", "/api/v1/shipments/" + UUID.randomUUID() + "/delivery-note.pdf", "oms-viewer"),
                endpoint("GET", "/api/v1/orders/" + UUID.randomUUID() + "/invoice.pdf", "oms-viewer"),
                endpoint("GET", "/api/v1/orders/" + UUID.randomUUID() + "/invoice", "oms-viewer"),
                endpoint("GET", "/api/v1/fulfilments", "oms-viewer"),
                endpoint("GET", "/api/v1/fulfilments/" + UUID.randomUUID(), "oms-viewer"),
                endpoint("POST", "/api/v1/fulfilments/" + UUID.randomUUID() + "/pick", "oms-operator"),
                endpoint("POST", "/api/v1/fulfilments/" + UUID.randomUUID() + "/resolve-attention", "oms-operator"),
                endpoint("POST", "/api/v1/fulfilments/" + UUID.randomUUID() + "/pack", "oms-operator"),
                endpoint("GET", "/api/v1/number-ranges", "oms-viewer"),
                endpoint("PUT", "/api/v1/number-ranges/invoice/sec-none", "oms-admin"),
                endpoint("POST", "/api/v1/orders/" + UUID.randomUUID() + "/shipments", "oms-operator"),
                endpoint("GET", "/api/v1/orders/" + UUID.randomUUID() + "/shipments", "oms-viewer"),
                endpoint("GET", "/api/v1/shipments/" + UUID.randomUUID(), "oms-viewer"),
                endpoint("GET", "/api/v1/shipping-methods", "oms-viewer"),
                endpoint("GET", "/api/v1/shipping-methods/etsy/sec-none", "oms-viewer"),
                endpoint("PUT", "/api/v1/shipping-methods/etsy/sec-none", "oms-admin"),
                endpoint("DELETE", "/api/v1/shipping-methods/etsy/sec-none", "oms-admin"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyEndpointNeedsATokenWithItsRole(Endpoint endpoint) {
        EndpointSecurity.assertGuarded(endpoint);
    }

    @Test
    void healthAndOpenApiNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
