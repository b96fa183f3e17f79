package io.oms.sandbox.etsy;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.sandbox.SandboxClock;
import io.oms.sandbox.SandboxConfig;
import io.oms.sandbox.control.CallRecord;
import io.oms.sandbox.etsy.EtsyOpenApi.Match;
import io.oms.sandbox.etsy.listings.ListingOperations;
import io.oms.sandbox.etsy.oauth.TokenService;
import io.oms.sandbox.etsy.oauth.TokenService.Token;
import io.oms.sandbox.etsy.ratelimit.EtsyRateLimiter;
import io.oms.sandbox.etsy.receipts.ReceiptOperations;
import io.oms.sandbox.faults.FaultDecision;
import io.oms.sandbox.faults.Faults;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every call under {@code /v3/application/...}: the gate (API key, OAuth token and scopes, rate limits, faults,
 * request validation against the OpenAPI document) and the dispatch to the operation's handler.
 */
@Path("/v3/application")
public class EtsyApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final io.oms.sandbox.Specs specs;
    private final Map<String, EtsyHandler> handlers = new HashMap<>();
    private final EtsyStore store;
    private final TokenService tokens;
    private final EtsyRateLimiter limiter;
    private final SandboxClock clock;
    private final SandboxConfig config;

    public EtsyApi(io.oms.sandbox.Specs specs, EtsyStore store, TokenService tokens, EtsyRateLimiter limiter, SandboxClock clock,
                   SandboxConfig config, ShopOperations shops, ReceiptOperations receipts,
                   ListingOperations listings) {
        this.specs = specs;
        this.store = store;
        this.tokens = tokens;
        this.limiter = limiter;
        this.clock = clock;
        this.config = config;
        handlers.putAll(shops.handlers());
        handlers.putAll(receipts.handlers());
        handlers.putAll(listings.handlers());
    }

    @GET
    @Path("{path: .*}")
    public Response get(@Context HttpHeaders headers, @Context UriInfo uri) {
        return call("GET", headers, uri, new byte[0]);
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete(@Context HttpHeaders headers, @Context UriInfo uri) {
        return call("DELETE", headers, uri, new byte[0]);
    }

    @POST
    @Path("{path: .*}")
    @Consumes(MediaType.WILDCARD)
    public Response post(@Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        return call("POST", headers, uri, body);
    }

    @PUT
    @Path("{path: .*}")
    @Consumes(MediaType.WILDCARD)
    public Response put(@Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        return call("PUT", headers, uri, body);
    }

    @PATCH
    @Path("{path: .*}")
    @Consumes(MediaType.WILDCARD)
    public Response patch(@Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        return call("PATCH", headers, uri, body);
    }

    private Response call(String method, HttpHeaders headers, UriInfo uri, byte[] body) {
        String path = uri.getPath();
        EtsyOpenApi openApi = specs.etsy();
        Optional<Match> match = openApi.match(method, path);
        if (match.isEmpty()) {
            return json(openApi.pathExists(path) ? 405 : 404,
                    Map.of("error", openApi.pathExists(path) ? "Method not allowed" : "Resource not found"));
        }
        // 1. the app key: x-api-key: keystring:shared_secret
        String apiKey = headers.getHeaderString("x-api-key");
        if (apiKey == null || apiKey.isBlank()) {
            return json(403, Map.of("error", "Missing x-api-key header."));
        }
        String[] parts = apiKey.split(":", 2);
        Optional<EtsyShop> app = store.byKeystring(parts[0].trim());
        if (app.isEmpty()) {
            return json(403, Map.of("error", "Invalid API key."));
        }
        EtsyShop shop = app.get();
        Response answer = gate(openApi, method, path, match.get(), shop, parts, headers, uri, body);
        shop.calls.add(new CallRecord(clock.instant(), method, path, match.get().operation().operationId(),
                answer.getStatus(), null));
        return answer;
    }

    private Response gate(EtsyOpenApi openApi, String method, String path, Match match, EtsyShop shop, String[] keyParts,
                          HttpHeaders headers, UriInfo uri, byte[] body) {
        if (keyParts.length < 2 || keyParts[1].isBlank()) {
            return json(403, Map.of("error", "Shared secret is required in x-api-key header."));
        }
        if (!keyParts[1].trim().equals(shop.sharedSecret)) {
            return json(403, Map.of("error", "Invalid API key: the shared secret does not match the keystring."));
        }
        Faults faults = shop.faults.normalised();
        // 2. the OAuth token
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        Token token = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String value = authorization.substring(7).trim();
            Optional<Token> found = tokens.access(value);
            if (found.isEmpty() || !found.get().keystring.equals(shop.keystring)) {
                return oauthError(401, "invalid_token", "access token is invalid");
            }
            token = found.get();
            if (token.revoked || faults.revokeTokens()) {
                return oauthError(401, "invalid_token", "access token has been revoked");
            }
            if (tokens.expired(token) || faults.expireTokens()) {
                return oauthError(401, "invalid_token", "access token is expired");
            }
        }
        EtsyOpenApi.Operation op = match.operation();
        if (op.oauth()) {
            if (token == null) {
                return oauthError(401, "invalid_token", "An OAuth access token is required for this endpoint.");
            }
            for (String scope : op.scopes()) {
                if (!token.scopes.contains(scope)) {
                    return oauthError(403, "insufficient_scope",
                            "The access token does not have the " + scope + " scope.");
                }
            }
        }
        // 3. rate limits, per OAuth token (per API key without one)
        EtsyRateLimiter.Verdict verdict = limiter.acquire(token != null ? token.value : "key:" + shop.keystring,
                shop.limitPerSecond, shop.limitPerDay);
        Map<String, String> limitHeaders = new LinkedHashMap<>();
        limitHeaders.put("x-limit-per-second", String.valueOf(verdict.limitPerSecond()));
        limitHeaders.put("x-remaining-this-second", String.valueOf(verdict.remainingThisSecond()));
        limitHeaders.put("x-limit-per-day", String.valueOf(verdict.limitPerDay()));
        limitHeaders.put("x-remaining-today", String.valueOf(verdict.remainingToday()));
        if (!verdict.allowed()) {
            limitHeaders.put("retry-after", String.valueOf(verdict.retryAfterSeconds()));
            return json(429, Map.of("error", verdict.dailyExceeded() ? "Exceeded daily rate limit"
                    : "Exceeded per second rate limit"), limitHeaders);
        }
        // 4. faults
        FaultDecision fault = FaultDecision.decide(faults);
        switch (fault) {
            case RATE_LIMIT -> {
                limitHeaders.put("x-remaining-this-second", "0");
                limitHeaders.put("retry-after", "1");
                return json(429, Map.of("error", "Exceeded per second rate limit"), limitHeaders);
            }
            case ERROR -> {
                return json(faults.errorStatus(), Map.of("error", "Internal server error (injected fault)"),
                        limitHeaders);
            }
            case TIMEOUT -> {
                return json(504, Map.of("error", "Gateway timeout (injected fault)"), limitHeaders);
            }
            default -> {
            }
        }
        // 5. the request against the OpenAPI document
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (config.etsy().validateRequests()) {
            Optional<String> invalid = openApi.firstRequestError(simpleRequest(method, path, headers, uri, body,
                    contentType));
            if (invalid.isPresent()) {
                return json(400, Map.of("error", invalid.get()), limitHeaders);
            }
        }
        JsonNode jsonBody = null;
        Map<String, List<String>> form = Map.of();
        if (body.length > 0 && contentType != null && contentType.startsWith("application/json")) {
            try {
                jsonBody = JSON.readTree(body);
            } catch (IOException e) {
                return json(400, Map.of("error", "Malformed JSON body."), limitHeaders);
            }
        } else if (body.length > 0) {
            form = parseForm(new String(body, StandardCharsets.UTF_8));
        }
        EtsyHandler handler = handlers.get(op.operationId());
        if (handler == null) {
            return json(501, Map.of("error", op.operationId() + " is not served by the sandbox."), limitHeaders);
        }
        EtsyAnswer answer;
        try {
            answer = handler.handle(new EtsyCall(shop, token, match.pathParams(), uri.getQueryParameters(), form,
                    jsonBody));
        } catch (NumberFormatException e) {
            answer = EtsyAnswer.error(400, "Invalid number: " + e.getMessage());
        }
        if (fault == FaultDecision.MALFORMED && answer.status() < 300) {
            String text = write(answer.body());
            Response.ResponseBuilder b = Response.status(answer.status())
                    .entity(text.substring(0, Math.max(1, text.length() / 2))).type(MediaType.APPLICATION_JSON);
            limitHeaders.forEach(b::header);
            return b.build();
        }
        return json(answer.status(), answer.body(), limitHeaders);
    }

    private static SimpleRequest simpleRequest(String method, String path, HttpHeaders headers, UriInfo uri,
                                               byte[] body, String contentType) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(method, path);
        uri.getQueryParameters().forEach((k, v) -> b.withQueryParam(k, v.stream()
                .flatMap(s -> java.util.Arrays.stream(s.split(","))).toList()));
        headers.getRequestHeaders().forEach((k, v) -> b.withHeader(k, v));
        if (contentType != null) {
            b.withContentType(contentType);
        }
        if (body.length > 0) {
            b.withBody(body);
        }
        return b.build();
    }

    static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(v);
        }
        return form;
    }

    /** Etsy's error shape ({"error": ...}, as the document defines it) with RFC 6750's WWW-Authenticate. */
    private static Response oauthError(int status, String error, String description) {
        return json(status, Map.of("error", error), Map.of("WWW-Authenticate",
                "Bearer error=\"" + error + "\", error_description=\"" + description + "\""));
    }

    private static Response json(int status, Object body) {
        return json(status, body, Map.of());
    }

    private static Response json(int status, Object body, Map<String, String> headers) {
        Response.ResponseBuilder b = Response.status(status).entity(write(body)).type(MediaType.APPLICATION_JSON);
        headers.forEach(b::header);
        return b.build();
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
