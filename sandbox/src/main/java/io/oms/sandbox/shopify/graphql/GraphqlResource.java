package io.oms.sandbox.shopify.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.oms.sandbox.SandboxClock;
import io.oms.sandbox.control.CallRecord;
import io.oms.sandbox.faults.FaultDecision;
import io.oms.sandbox.faults.Faults;
import io.oms.sandbox.shopify.ShopifyShop;
import io.oms.sandbox.shopify.ShopifyStore;
import io.oms.sandbox.shopify.throttle.LeakyBucket;
import io.oms.sandbox.shopify.throttle.QueryCost;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /admin/api/{version}/graphql.json}: the store (X-Shopify-Shop-Domain, else the Host header), the access
 * token, faults, GraphQL validation against the schema, cost and the leaky bucket, then execution.
 */
@Path("/admin/api/{version}/graphql.json")
public class GraphqlResource {

    static final String INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)";
    private static final Pattern VERSION = Pattern.compile("(\\d{4})-(\\d{2})|unstable");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final io.oms.sandbox.Specs specs;
    private final ShopifyStore store;
    private final RootFields roots;
    private final SandboxClock clock;

    public GraphqlResource(io.oms.sandbox.Specs specs, ShopifyStore store, RootFields roots, SandboxClock clock) {
        this.specs = specs;
        this.store = store;
        this.roots = roots;
        this.clock = clock;
    }

    /** The store a request is for: X-Shopify-Shop-Domain when present, else the Host's *.myshopify.com. */
    public static Optional<String> domain(HttpHeaders headers) {
        String header = headers.getHeaderString("X-Shopify-Shop-Domain");
        if (header != null && !header.isBlank()) {
            return Optional.of(header.trim().toLowerCase());
        }
        String host = headers.getHeaderString(HttpHeaders.HOST);
        if (host != null) {
            String h = host.replaceAll(":\\d+$", "").toLowerCase();
            if (h.endsWith(".myshopify.com")) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response graphql(@PathParam("version") String version, @Context HttpHeaders headers, byte[] body) {
        if (!supported(version)) {
            return plain(404, Map.of("errors", "Not Found"));
        }
        Optional<ShopifyShop> found = domain(headers).flatMap(store::shop);
        if (found.isEmpty()) {
            return plain(404, Map.of("errors", "Not Found"));
        }
        ShopifyShop shop = found.get();
        String token = headers.getHeaderString("X-Shopify-Access-Token");
        Faults faults = shop.faults.normalised();
        if (!validToken(shop, token) || faults.expireTokens() || faults.revokeTokens()) {
            shop.calls.add(new CallRecord(clock.instant(), "POST", "graphql", "unauthorized", 401, null));
            return plain(401, Map.of("errors", INVALID_TOKEN));
        }
        Call call = execute(shop, headers, body, faults);
        shop.calls.add(new CallRecord(clock.instant(), "POST", "graphql", call.operation(), call.response().getStatus(),
                call.cost()));
        return call.response();
    }

    private record Call(Response response, String operation, Integer cost) {
    }

    @SuppressWarnings("unchecked")
    private Call execute(ShopifyShop shop, HttpHeaders headers, byte[] raw, Faults faults) {
        ShopifySchema schema = specs.shopify();
        String query;
        String operationName = null;
        Map<String, Object> variables = Map.of();
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        try {
            if (contentType != null && contentType.startsWith("application/graphql")) {
                query = new String(raw, StandardCharsets.UTF_8);
            } else {
                Map<String, Object> body = JSON.readValue(raw, Map.class);
                query = (String) body.get("query");
                operationName = (String) body.get("operationName");
                if (body.get("variables") instanceof Map<?, ?> v) {
                    variables = (Map<String, Object>) v;
                }
            }
        } catch (IOException | ClassCastException e) {
            return new Call(plain(400, Map.of("errors", Map.of("query", List.of("Required parameter missing or invalid")))),
                    "invalid", null);
        }
        if (query == null || query.isBlank()) {
            return new Call(plain(400, Map.of("errors", Map.of("query", List.of("Required parameter missing or invalid")))),
                    "invalid", null);
        }
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return new Call(graphqlErrors(List.of(error(e.getMessage(), "SYNTAX_ERROR")), null, shop), "invalid", null);
        }
        List<ValidationError> invalid = new Validator().validateDocument(schema.schema(), document, Locale.ENGLISH);
        if (!invalid.isEmpty()) {
            List<Map<String, Object>> errors = invalid.stream().map(v -> {
                Map<String, Object> e = v.toSpecification();
                e.put("extensions", Map.of("code", "GRAPHQL_VALIDATION_FAILED",
                        "classification", String.valueOf(v.getValidationErrorType())));
                return e;
            }).toList();
            return new Call(graphqlErrors(errors, null, shop), "invalid", null);
        }
        QueryCost.Result cost = QueryCost.of(schema.schema(), document, operationName, variables);
        String operation = operationName != null ? operationName : cost.operationType() + " " + cost.rootField();
        if (!cost.errors().isEmpty()) {
            return new Call(graphqlErrors(cost.errors(), costOf(cost.requested(), null, shop), shop), operation,
                    cost.requested());
        }
        LeakyBucket.Status status = shop.bucket.status();
        if (cost.requested() > status.maximumAvailable()) {
            return new Call(graphqlErrors(List.of(error("Query cost is " + cost.requested()
                    + ", which exceeds the single query max cost limit (" + (int) status.maximumAvailable() + ").",
                    "MAX_COST_EXCEEDED")), costOf(cost.requested(), null, shop), shop), operation, cost.requested());
        }
        FaultDecision fault = FaultDecision.decide(faults);
        if (fault == FaultDecision.RATE_LIMIT || !shop.bucket.tryTake(cost.requested())) {
            return new Call(throttled(cost.requested(), shop), operation, cost.requested());
        }
        if (fault == FaultDecision.ERROR) {
            return new Call(plain(faults.errorStatus(), Map.of("errors", "Internal Server Error")), operation,
                    cost.requested());
        }
        if (fault == FaultDecision.TIMEOUT) {
            return new Call(plain(504, Map.of("errors", "Gateway Timeout")), operation, cost.requested());
        }
        ExecutionResult result = schema.graphQL().execute(ExecutionInput.newExecutionInput().query(query)
                .operationName(operationName).variables(variables).root(roots.root(shop)).build());
        Map<String, Object> out = new LinkedHashMap<>();
        if (result.isDataPresent()) {
            out.put("data", result.getData());
        }
        if (!result.getErrors().isEmpty()) {
            out.put("errors", result.getErrors().stream().map(GraphQLError::toSpecification).toList());
        }
        out.put("extensions", Map.of("cost", costOf(cost.requested(), cost.requested(), shop)));
        if (fault == FaultDecision.MALFORMED) {
            String text = write(out);
            return new Call(Response.ok(text.substring(0, Math.max(1, text.length() / 2)))
                    .type(MediaType.APPLICATION_JSON).build(), operation, cost.requested());
        }
        return new Call(plain(200, out), operation, cost.requested());
    }

    private Response throttled(int requested, ShopifyShop shop) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", "Throttled");
        e.put("extensions", Map.of("code", "THROTTLED",
                "documentation", "https://shopify.dev/api/usage/rate-limits"));
        return graphqlErrors(List.of(e), costOf(requested, null, shop), shop);
    }

    private static Map<String, Object> costOf(int requested, Integer actual, ShopifyShop shop) {
        LeakyBucket.Status s = shop.bucket.status();
        Map<String, Object> throttle = new LinkedHashMap<>();
        throttle.put("maximumAvailable", s.maximumAvailable());
        throttle.put("currentlyAvailable", (long) s.currentlyAvailable());
        throttle.put("restoreRate", s.restoreRate());
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requestedQueryCost", requested);
        cost.put("actualQueryCost", actual);
        cost.put("throttleStatus", throttle);
        return cost;
    }

    private Response graphqlErrors(List<Map<String, Object>> errors, Map<String, Object> cost, ShopifyShop shop) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("errors", errors);
        if (cost != null) {
            out.put("extensions", Map.of("cost", cost));
        }
        return plain(200, out);
    }

    private static Map<String, Object> error(String message, String code) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        e.put("extensions", Map.of("code", code));
        return e;
    }

    private boolean validToken(ShopifyShop shop, String token) {
        if (token == null) {
            return false;
        }
        if (token.equals(shop.accessToken)) {
            return true;
        }
        Instant expires = shop.grantedTokens.get(token);
        return expires != null && clock.instant().isBefore(expires);
    }

    static boolean supported(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            return false;
        }
        return "unstable".equals(version) || version.compareTo("2025-01") >= 0;
    }

    static Response plain(int status, Object body) {
        return Response.status(status).entity(write(body)).type(MediaType.APPLICATION_JSON).build();
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
