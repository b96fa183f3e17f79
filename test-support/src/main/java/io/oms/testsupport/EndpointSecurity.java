package io.oms.testsupport;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

/**
 * Checks one endpoint of a running Quarkus test application against the API's access rules: 401 problem+json without a
 * token and with a token that does not verify, 403 problem+json with a valid token one role too low, and past security
 * (neither 401 nor 403) with a token of exactly the required role. Roles: {@code oms-viewer} below {@code oms-operator}
 * below {@code oms-admin}; below viewer is a valid token with no OMS role.
 */
public final class EndpointSecurity {

    private EndpointSecurity() {
    }

    /** An endpoint: HTTP method, path (with placeholders filled), and the lowest role that may call it. */
    public record Endpoint(String method, String path, String role, String contentType) {

        @Override
        public String toString() {
            return method + " " + path + " needs " + role;
        }
    }

    public static Endpoint endpoint(String method, String path, String role) {
        return new Endpoint(method, path, role, "application/json");
    }

    /** An endpoint that reads another body than JSON (an empty one is sent). */
    public static Endpoint endpoint(String method, String path, String role, String contentType) {
        return new Endpoint(method, path, role, contentType);
    }

    public static void assertGuarded(Endpoint endpoint) {
        call(endpoint, given())
                .then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        call(endpoint, given().auth().oauth2(Tokens.tampered()))
                .then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        call(endpoint, given().auth().oauth2(oneRoleTooLow(endpoint.role())))
                .then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403));
        call(endpoint, given().auth().oauth2(exactly(endpoint.role())))
                .then().statusCode(not(oneOf(401, 403)));
    }

    private static Response call(Endpoint endpoint, RequestSpecification request) {
        RequestSpecification spec = request.contentType(endpoint.contentType()).redirects().follow(false);
        if (!endpoint.method().equals("GET") && !endpoint.method().equals("DELETE")) {
            spec = spec.body(endpoint.contentType().equals("application/json") ? "{}" : "");
        }
        return spec.request(endpoint.method(), endpoint.path());
    }

    private static String oneRoleTooLow(String role) {
        return switch (role) {
            case "oms-admin" -> Tokens.operator();
            case "oms-operator" -> Tokens.viewer();
            case "oms-viewer" -> Tokens.withRoles("test-nobody", "offline_access");
            default -> throw new IllegalArgumentException("unknown role " + role);
        };
    }

    private static String exactly(String role) {
        return Tokens.withRoles("test-" + role, role);
    }
}
