package io.oms.inventory.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/** The one place where errors become problem+json. */
public class ProblemMappers {

    static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response refused(ApiException e) {
        return problem(Problem.of(e.status(), e.title(), e.getMessage(), e.field()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
                .findFirst().orElse(null);
        String field = first == null ? null : fieldOf(first.getPropertyPath());
        String detail = e.getConstraintViolations().stream()
                .map(v -> fieldOf(v.getPropertyPath()) + ": " + v.getMessage())
                .sorted().collect(Collectors.joining("; "));
        return problem(Problem.of(400, "Bad Request", detail, field));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("."));
        }
        return problem(Problem.of(400, "Bad Request", "the body is not valid JSON for this call: " + e.getOriginalMessage(), field));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return problem(Problem.of(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), null));
    }

    /** A bean-validation path such as {@code put.body.price} names the field {@code price}. */
    private static String fieldOf(Path path) {
        String last = null;
        int index = 0;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            // skip the method and its parameter: put.arg1.price -> price
            if (index++ < 2) {
                last = node.getName();
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.isEmpty() ? last : field.toString();
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }
}
