package io.oms.order.api;

import java.util.List;

/**
 * An expected refusal that leaves through {@link ProblemMapper} as RFC 9457 problem+json.
 *
 * @param allowed for a forbidden transition, the statuses that may follow the current one; else empty
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final List<String> allowed;

    public ApiProblem(int status, String type, String title, String detail, String field, List<String> allowed) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.allowed = allowed;
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(404, "not-found", what + " not found", what + " " + id + " does not exist", "id", List.of());
    }

    public static ApiProblem invalid(String field, String detail) {
        return new ApiProblem(400, "invalid-request", "Invalid request", detail, field, List.of());
    }

    public static ApiProblem forbiddenTransition(String detail, List<String> allowed) {
        return new ApiProblem(409, "forbidden-transition", "Transition not allowed", detail, "status", allowed);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public List<String> allowed() {
        return allowed;
    }
}
