package io.oms.sandbox.etsy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A RestAssured filter that checks every Etsy exchange a test makes against Etsy's OpenAPI document: every answer
 * must match the documented response, and every request the sandbox accepted (2xx) must be a valid request. A 429
 * is not in the document (Etsy answers it anyway), so an unknown status is tolerated.
 */
public final class EtsyContractFilter implements Filter {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(EtsyOpenApi.load().json())
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.security.missing", ValidationReport.Level.ERROR)
                    .build())
            .build();

    /** How many exchanges were checked, for tests that want to prove the filter ran. */
    public static final AtomicInteger CHECKED = new AtomicInteger();

    @Override
    public Response filter(FilterableRequestSpecification req, FilterableResponseSpecification res,
                           FilterContext ctx) {
        Response response = ctx.next(req, res);
        URI uri = URI.create(req.getURI());
        String path = uri.getRawPath();
        if (!path.startsWith("/v3/application")) {
            return response;
        }
        SimpleRequest.Builder rb = new SimpleRequest.Builder(req.getMethod(), path);
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                rb.withQueryParam(k, v.split(","));
            }
        }
        req.getHeaders().forEach(h -> rb.withHeader(h.getName(), h.getValue()));
        if (req.getContentType() != null) {
            rb.withContentType(req.getContentType());
        }
        if (req.getBody() != null) {
            rb.withBody(req.getBody().toString());
        } else if (!req.getFormParams().isEmpty()) {
            StringBuilder form = new StringBuilder();
            req.getFormParams().forEach((k, v) -> form.append(form.length() == 0 ? "" : "&")
                    .append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
            rb.withBody(form.toString());
        }
        SimpleRequest request = rb.build();
        SimpleResponse.Builder sb = SimpleResponse.Builder.status(response.getStatusCode())
                .withBody(response.getBody().asString());
        response.getHeaders().forEach(h -> sb.withHeader(h.getName(), h.getValue()));
        ValidationReport report = VALIDATOR.validateResponse(path, request.getMethod(), sb.build());
        if (response.getStatusCode() < 300) {
            report = report.merge(VALIDATOR.validateRequest(request));
        }
        boolean errors = report.getMessages().stream()
                .anyMatch(m -> m.getLevel() == ValidationReport.Level.ERROR
                        && !EtsyOpenApi.isFormArrayArtifact(m, request));
        if (errors) {
            throw new AssertionError(req.getMethod() + " " + path + " -> " + response.getStatusCode()
                    + " breaks Etsy's OpenAPI document:\n" + report + "\nbody: " + response.getBody().asString());
        }
        CHECKED.incrementAndGet();
        return response;
    }
}
