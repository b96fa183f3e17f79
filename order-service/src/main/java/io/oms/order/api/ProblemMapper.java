package io.oms.order.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** The one way errors leave the API: problem+json naming the field. */
public class ProblemMapper {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_BASE = "https://oms.io/problems/";

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem) {
        return response(new Problem(TYPE_BASE + problem.type(), problem.title(), problem.status(), problem.getMessage(),
                problem.field(), problem.allowed()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException exception) {
        ConstraintViolation<?> first = exception.getConstraintViolations().iterator().next();
        String field = null;
        for (Path.Node node : first.getPropertyPath()) {
            field = node.getName();
        }
        return response(new Problem(TYPE_BASE + "invalid-request", "Invalid request", 400,
                field + " " + first.getMessage(), field, List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        return response(new Problem(TYPE_BASE + "http-" + status, exception.getResponse().getStatusInfo().getReasonPhrase(),
                status, exception.getMessage(), null, List.of()));
    }

    private static Response response(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }
}
