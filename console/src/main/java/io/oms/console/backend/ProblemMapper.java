package io.oms.console.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns an API's error answer (problem+json, or anything else) into an {@link ApiProblem} that names its field. */
public class ProblemMapper implements ResponseExceptionMapper<ApiProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String service;

    public ProblemMapper(String service) {
        this.service = service;
    }

    @Override
    public ApiProblem toThrowable(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return of(service, response.getStatus(), body);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    static ApiProblem of(String service, int status, String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem != null && problem.isObject()) {
                String detail = text(problem, "detail");
                String title = text(problem, "title");
                String field = text(problem, "field");
                if (detail == null && problem.has("error")) {
                    detail = problem.path("error").asText();
                }
                if (detail == null && problem.has("violations") && problem.path("violations").size() > 0) {
                    JsonNode violation = problem.path("violations").get(0);
                    detail = text(violation, "message");
                    field = field == null ? text(violation, "field") : field;
                }
                return new ApiProblem(service, status, title, detail == null ? body : detail, field);
            }
        } catch (Exception notJson) {
            // fall through: the body as it is
        }
        return new ApiProblem(service, status, null, body == null || body.isBlank() ? "no answer body" : body, null);
    }

    /** order-service's errors. */
    public static final class Orders extends ProblemMapper {
        public Orders() {
            super("order-service");
        }
    }

    /** inventory-service's errors. */
    public static final class Inventory extends ProblemMapper {
        public Inventory() {
            super("inventory-service");
        }
    }

    /** fulfilment-service's errors. */
    public static final class Fulfilment extends ProblemMapper {
        public Fulfilment() {
            super("fulfilment-service");
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
