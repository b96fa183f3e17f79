package io.oms.inventory.api;

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

/** Every endpoint of the inventory API needs a bearer token with its role: 401 without, 403 one role too low. */
@QuarkusTest
class ApiSecurityTest {

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                endpoint("PUT", "/api/v1/items/SEC-1", "oms-operator"),
                endpoint("POST", "/api/v1/items", "oms-operator"),
                endpoint("POST", "/api/v1/items/import", "oms-operator", "text/csv"),
                endpoint("GET", "/api/v1/items/SEC-1", "oms-viewer"),
                endpoint("GET", "/api/v1/items", "oms-viewer"),
                endpoint("POST", "/api/v1/stock/adjustments", "oms-operator"),
                endpoint("GET", "/api/v1/stock/ledger", "oms-viewer"),
                endpoint("GET", "/api/v1/reservations/" + UUID.randomUUID(), "oms-viewer"),
                endpoint("GET", "/api/v1/unconfirmed-items", "oms-viewer"),
                endpoint("POST", "/api/v1/unconfirmed-items/999999/map", "oms-admin"),
                endpoint("POST", "/api/v1/unconfirmed-items/999999/create-item", "oms-admin"),
                endpoint("GET", "/api/v1/channel-listings/etsy/1", "oms-viewer"),
                endpoint("POST", "/api/v1/warehouses", "oms-admin"),
                endpoint("GET", "/api/v1/warehouses", "oms-viewer"),
                endpoint("GET", "/api/v1/warehouses/SEC-NONE", "oms-viewer"),
                endpoint("POST", "/api/v1/warehouses/SEC-NONE/primary", "oms-admin"),
                endpoint("PUT", "/api/v1/channel-warehouses/etsy/1", "oms-admin"),
                endpoint("GET", "/api/v1/channel-warehouses", "oms-viewer"));
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
