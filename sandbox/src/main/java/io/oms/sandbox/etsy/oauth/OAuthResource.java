package io.oms.sandbox.etsy.oauth;

import io.oms.sandbox.SandboxClock;
import io.oms.sandbox.control.CallRecord;
import io.oms.sandbox.etsy.EtsyShop;
import io.oms.sandbox.etsy.EtsyStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Etsy's OAuth 2.0 endpoints. {@code GET /oauth/connect} stands in for Etsy's consent page: there is no browser, so
 * it "logs in" as the owner of the shop whose app key is {@code client_id} (each sandbox shop has its own app) and
 * redirects at once to {@code redirect_uri} with {@code code} and {@code state}.
 */
@Path("/")
public class OAuthResource {

    private final EtsyStore store;
    private final TokenService tokens;
    private final SandboxClock clock;

    public OAuthResource(EtsyStore store, TokenService tokens, SandboxClock clock) {
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GET
    @Path("oauth/connect")
    @Produces(MediaType.APPLICATION_JSON)
    public Response connect(@QueryParam("response_type") String responseType, @QueryParam("client_id") String clientId,
                            @QueryParam("redirect_uri") String redirectUri, @QueryParam("scope") String scope,
                            @QueryParam("state") String state, @QueryParam("code_challenge") String challenge,
                            @QueryParam("code_challenge_method") String method) {
        Optional<EtsyShop> shop = store.byKeystring(clientId);
        if (shop.isEmpty()) {
            return error(400, "invalid_client", "Unknown client_id.");
        }
        if (!"code".equals(responseType) || redirectUri == null || state == null || challenge == null) {
            return error(400, "invalid_request",
                    "response_type=code, redirect_uri, state and code_challenge are required.");
        }
        if (!"S256".equals(method)) {
            return error(400, "invalid_request", "code_challenge_method must be S256.");
        }
        Set<String> scopes = new LinkedHashSet<>();
        if (scope != null) {
            Arrays.stream(scope.split("[ +]")).filter(s -> !s.isBlank()).forEach(scopes::add);
        }
        for (String s : scopes) {
            if (!TokenService.ALL_SCOPES.contains(s)) {
                return error(400, "invalid_scope", "Unknown scope " + s + ".");
            }
        }
        TokenService.AuthCode code = tokens.newCode(shop.get(), redirectUri, challenge, Set.copyOf(scopes));
        shop.get().calls.add(new CallRecord(clock.instant(), "GET", "/oauth/connect", "authorize", 302, null));
        return Response.status(302).location(UriBuilder.fromUri(redirectUri).queryParam("code", code.code())
                .queryParam("state", state).build()).build();
    }

    @POST
    @Path("v3/public/oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(MultivaluedMap<String, String> form) {
        String grantType = form.getFirst("grant_type");
        String clientId = form.getFirst("client_id");
        Optional<EtsyShop> shop = store.byKeystring(clientId);
        if (shop.isEmpty()) {
            return error(401, "invalid_client", "Unknown client_id.");
        }
        Response answer = grant(grantType, form, shop.get());
        shop.get().calls.add(new CallRecord(clock.instant(), "POST", "/v3/public/oauth/token",
                "token:" + grantType, answer.getStatus(), null));
        return answer;
    }

    private Response grant(String grantType, MultivaluedMap<String, String> form, EtsyShop shop) {
        if ("authorization_code".equals(grantType)) {
            Optional<TokenService.AuthCode> code = tokens.takeCode(form.getFirst("code"));
            if (code.isEmpty() || !code.get().clientId().equals(shop.keystring)
                    || clock.instant().isAfter(code.get().expiresAt())) {
                return error(400, "invalid_grant", "The authorization code is invalid or has expired.");
            }
            if (!code.get().redirectUri().equals(form.getFirst("redirect_uri"))) {
                return error(400, "invalid_grant", "redirect_uri does not match the authorization request.");
            }
            if (!TokenService.verifierMatches(form.getFirst("code_verifier"), code.get().challenge())) {
                return error(400, "invalid_grant", "code_verifier does not match the code_challenge.");
            }
            return granted(tokens.issue(shop.keystring, code.get().shopId(), code.get().userId(),
                    code.get().scopes()));
        }
        if ("refresh_token".equals(grantType)) {
            Optional<TokenService.Token> old = tokens.refresh(form.getFirst("refresh_token"));
            if (old.isEmpty() || !old.get().keystring.equals(shop.keystring)) {
                return error(400, "invalid_grant", "refresh_token is invalid.");
            }
            if (old.get().revoked || shop.faults.normalised().revokeTokens()) {
                return error(400, "invalid_grant", "refresh_token has been revoked.");
            }
            if (tokens.expired(old.get())) {
                return error(400, "invalid_grant", "refresh_token has expired.");
            }
            return granted(tokens.rotate(old.get()));
        }
        return error(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token.");
    }

    private Response granted(TokenService.Grant grant) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", grant.access().value);
        body.put("token_type", "Bearer");
        body.put("expires_in", grant.access().expiresAt.getEpochSecond() - clock.instant().getEpochSecond());
        body.put("refresh_token", grant.refresh().value);
        return Response.ok(body).build();
    }

    static Response error(int status, String error, String description) {
        return Response.status(status).entity(Map.of("error", error, "error_description", description))
                .type(MediaType.APPLICATION_JSON).build();
    }
}
