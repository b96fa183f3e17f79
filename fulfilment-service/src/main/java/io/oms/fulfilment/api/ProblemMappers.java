package io.oms.fulfilment.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as problem+json. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response refusal(ProblemException exception) {
        return respond(Problem.of(exception.refusal()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException exception) {
        ConstraintViolation<?> first = exception.getConstraintViolations().stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElseThrow();
        String detail = exception.getConstraintViolations().stream()
                .map(v -> field(v.getPropertyPath()) + ": " + v.getMessage())
                .sorted().collect(Collectors.joining("; "));
        return respond(new Problem(Problem.typeFor(400), "Invalid request", 400, detail, field(first.getPropertyPath())));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException exception) {
        String field = null;
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        return respond(new Problem(Problem.typeFor(400), "Unreadable body", 400, exception.getOriginalMessage(), field));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        return respond(new Problem(Problem.typeFor(status), exception.getResponse().getStatusInfo().getReasonPhrase(),
                status, exception.getMessage(), null));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The field as the client named it: "ship.request.lines[0].quantity" → "lines[0].quantity" for a body,
     * "put.code" → "code" for a path or query parameter.
     */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node part : path) {
            switch (part.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> parameter = part.getName();
                default -> {
                    if (part.getIndex() != null) {
                        field.append('[').append(part.getIndex()).append(']');
                    }
                    if (part.getName() != null && part.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(part.getName());
                    }
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }
}
