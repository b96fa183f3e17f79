package io.oms.sandbox.oidc;

import io.oms.sandbox.SandboxClock;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small OpenID Connect provider for the local stack, so that the APIs' bearer tokens work without Keycloak: discovery,
 * JWKS, token endpoint (client_credentials, password, authorization_code with PKCE, refresh_token), an HTML login page,
 * userinfo and end_session. Tokens are RS256 JWTs shaped like Keycloak's (roles under {@code realm_access.roles}).
 * Users and clients: {@link Directory}. Not for production: users and secrets are fixed and known.
 */
@Path("/oidc")
public class OidcResource {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Grant(String clientId, String user, String redirectUri, String challenge, String method, String nonce,
                         String scope, Instant expires) {
    }

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final SigningKey key;
    private final Directory directory;
    private final OidcSettings settings;
    private final SandboxClock clock;

    public OidcResource(SigningKey key, Directory directory, OidcSettings settings, SandboxClock clock) {
        this.key = key;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    @GET
    @Path("/.well-known/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> discovery(@Context UriInfo uri) {
        String issuer = issuer(uri);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", issuer + "/authorize");
        doc.put("token_endpoint", issuer + "/token");
        doc.put("jwks_uri", issuer + "/jwks");
        doc.put("userinfo_endpoint", issuer + "/userinfo");
        doc.put("end_session_endpoint", issuer + "/logout");
        doc.put("response_types_supported", List.of("code"));
        doc.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials", "password"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        doc.put("code_challenge_methods_supported", List.of("S256", "plain"));
        doc.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        doc.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "preferred_username", "realm_access", "groups"));
        return doc;
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> jwks() {
        return key.jwks();
    }

    /** The login page of the authorization code flow. */
    @GET
    @Path("/authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(@QueryParam("response_type") String responseType, @QueryParam("client_id") String clientId,
                              @QueryParam("redirect_uri") String redirectUri, @QueryParam("scope") String scope,
                              @QueryParam("state") String state, @QueryParam("nonce") String nonce,
                              @QueryParam("code_challenge") String challenge, @QueryParam("code_challenge_method") String method) {
        if (!"code".equals(responseType) || directory.client(clientId).isEmpty() || redirectUri == null) {
            return Response.status(400).type(MediaType.TEXT_HTML)
                    .entity(page("Bad request", "<p>response_type=code, a known client_id and redirect_uri are required.</p>")).build();
        }
        return Response.ok(loginForm(responseType, clientId, redirectUri, scope, state, nonce, challenge, method, null)).build();
    }

    /** The login form posts here: right password, back to the client with a code; wrong one, the form again. */
    @POST
    @Path("/authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response login(MultivaluedMap<String, String> form) {
        String clientId = form.getFirst("client_id");
        String redirectUri = form.getFirst("redirect_uri");
        if (directory.client(clientId).isEmpty() || redirectUri == null) {
            return Response.status(400).type(MediaType.TEXT_HTML).entity(page("Bad request", "<p>Unknown client.</p>")).build();
        }
        var user = directory.login(form.getFirst("username"), form.getFirst("password"));
        if (user.isEmpty()) {
            return Response.status(401).type(MediaType.TEXT_HTML).entity(loginForm("code", clientId, redirectUri,
                    form.getFirst("scope"), form.getFirst("state"), form.getFirst("nonce"), form.getFirst("code_challenge"),
                    form.getFirst("code_challenge_method"), "Wrong user name or password.")).build();
        }
        String code = random();
        codes.put(code, new Grant(clientId, user.get().name(), redirectUri, blankToNull(form.getFirst("code_challenge")),
                blankToNull(form.getFirst("code_challenge_method")), blankToNull(form.getFirst("nonce")),
                scopeOrDefault(form.getFirst("scope")), clock.instant().plus(settings.codeLifetime())));
        UriBuilder back = UriBuilder.fromUri(redirectUri).queryParam("code", code);
        String state = blankToNull(form.getFirst("state"));
        if (state != null) {
            back.queryParam("state", state);
        }
        return Response.status(302).location(back.build()).build();
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @Context UriInfo uri) {
        String[] basic = basic(authorization);
        String clientId = basic != null ? basic[0] : form.getFirst("client_id");
        String secret = basic != null ? basic[1] : form.getFirst("client_secret");
        var client = directory.authenticate(clientId, secret);
        if (client.isEmpty()) {
            return error(401, "invalid_client", "Unknown client or wrong secret.");
        }
        String issuer = issuer(uri);
        String grantType = form.getFirst("grant_type");
        if ("client_credentials".equals(grantType)) {
            if (client.get().serviceRoles().isEmpty()) {
                return error(400, "unauthorized_client", "This client has no service account.");
            }
            return Response.ok(tokens(issuer, clientId, "service-account-" + clientId, client.get().serviceRoles(),
                    scopeOrDefault(form.getFirst("scope")), null, false)).build();
        }
        if ("password".equals(grantType)) {
            var user = directory.login(form.getFirst("username"), form.getFirst("password"));
            if (user.isEmpty()) {
                return error(400, "invalid_grant", "Wrong user name or password.");
            }
            return Response.ok(userTokens(issuer, clientId, user.get().name(), scopeOrDefault(form.getFirst("scope")), null)).build();
        }
        if ("authorization_code".equals(grantType)) {
            Grant grant = codes.remove(String.valueOf(form.getFirst("code")));
            if (grant == null || grant.expires().isBefore(clock.instant()) || !grant.clientId().equals(clientId)) {
                return error(400, "invalid_grant", "Unknown, used or expired code.");
            }
            if (!grant.redirectUri().equals(form.getFirst("redirect_uri"))) {
                return error(400, "invalid_grant", "redirect_uri differs from the authorization request's.");
            }
            if (grant.challenge() != null && !pkceMatches(grant, form.getFirst("code_verifier"))) {
                return error(400, "invalid_grant", "code_verifier does not match the code_challenge.");
            }
            return Response.ok(userTokens(issuer, clientId, grant.user(), grant.scope(), grant.nonce())).build();
        }
        if ("refresh_token".equals(grantType)) {
            Grant grant = refreshTokens.remove(String.valueOf(form.getFirst("refresh_token")));
            if (grant == null || grant.expires().isBefore(clock.instant()) || !grant.clientId().equals(clientId)) {
                return error(400, "invalid_grant", "Unknown, used or expired refresh token.");
            }
            return Response.ok(userTokens(issuer, clientId, grant.user(), grant.scope(), null)).build();
        }
        return error(400, "unsupported_grant_type", "grant_type must be client_credentials, password, authorization_code or refresh_token.");
    }

    @GET
    @Path("/userinfo")
    @Produces(MediaType.APPLICATION_JSON)
    public Response userinfo(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        Optional<Map<String, Object>> claims = key.verify(token, clock.instant().getEpochSecond());
        if (claims.isEmpty()) {
            return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        for (String name : List.of("sub", "preferred_username", "realm_access", "groups")) {
            if (claims.get().containsKey(name)) {
                info.put(name, claims.get().get(name));
            }
        }
        return Response.ok(info).build();
    }

    /** end_session: forgets nothing server-side (tokens are short-lived), sends the browser back or says goodbye. */
    @GET
    @Path("/logout")
    @Produces(MediaType.TEXT_HTML)
    public Response logout(@QueryParam("post_logout_redirect_uri") String redirect, @QueryParam("state") String state) {
        if (redirect != null && !redirect.isBlank()) {
            UriBuilder back = UriBuilder.fromUri(redirect);
            if (state != null) {
                back.queryParam("state", state);
            }
            return Response.status(302).location(back.build()).build();
        }
        return Response.ok(page("Logged out", "<p>You are logged out of the OMS sandbox issuer.</p>")).build();
    }

    private Map<String, Object> userTokens(String issuer, String clientId, String userName, String scope, String nonce) {
        List<String> roles = directory.user(userName).map(Directory.User::roles).orElse(List.of());
        Map<String, Object> answer = tokens(issuer, clientId, userName, roles, scope, nonce, true);
        String refresh = random();
        refreshTokens.put(refresh, new Grant(clientId, userName, null, null, null, null, scope,
                clock.instant().plus(settings.refreshTokenLifetime())));
        answer.put("refresh_token", refresh);
        answer.put("refresh_expires_in", settings.refreshTokenLifetime().toSeconds());
        return answer;
    }

    private Map<String, Object> tokens(String issuer, String clientId, String subject, List<String> roles, String scope,
                                       String nonce, boolean withIdToken) {
        long now = clock.instant().getEpochSecond();
        long exp = now + settings.accessTokenLifetime().toSeconds();
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("iss", issuer);
        access.put("sub", subject);
        access.put("aud", "oms");
        access.put("azp", clientId);
        access.put("iat", now);
        access.put("exp", exp);
        access.put("jti", random());
        access.put("typ", "Bearer");
        access.put("scope", scope);
        access.put("preferred_username", subject);
        access.put("realm_access", Map.of("roles", roles));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", key.sign(access));
        answer.put("token_type", "Bearer");
        answer.put("expires_in", settings.accessTokenLifetime().toSeconds());
        answer.put("scope", scope);
        if (withIdToken) {
            Map<String, Object> id = new LinkedHashMap<>();
            id.put("iss", issuer);
            id.put("sub", subject);
            id.put("aud", clientId);
            id.put("azp", clientId);
            id.put("iat", now);
            id.put("exp", exp);
            id.put("typ", "ID");
            id.put("preferred_username", subject);
            id.put("name", subject);
            id.put("realm_access", Map.of("roles", roles));
            if (nonce != null) {
                id.put("nonce", nonce);
            }
            answer.put("id_token", key.sign(id));
        }
        return answer;
    }

    private String issuer(UriInfo uri) {
        return settings.issuer().orElseGet(() -> {
            String base = uri.getBaseUri().toString();
            return (base.endsWith("/") ? base : base + "/") + "oidc";
        });
    }

    private static boolean pkceMatches(Grant grant, String verifier) {
        if (verifier == null) {
            return false;
        }
        if ("plain".equals(grant.method())) {
            return grant.challenge().equals(verifier);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).equals(grant.challenge());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new String[] {
                java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    private static Response error(int status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description)).build();
    }

    private static String scopeOrDefault(String scope) {
        return scope == null || scope.isBlank() ? "openid profile" : scope;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String loginForm(String responseType, String clientId, String redirectUri, String scope, String state,
                                    String nonce, String challenge, String method, String error) {
        StringBuilder hidden = new StringBuilder();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("response_type", responseType);
        fields.put("client_id", clientId);
        fields.put("redirect_uri", redirectUri);
        fields.put("scope", scope);
        fields.put("state", state);
        fields.put("nonce", nonce);
        fields.put("code_challenge", challenge);
        fields.put("code_challenge_method", method);
        fields.forEach((name, value) -> {
            if (value != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(value)).append("\">\n");
            }
        });
        String body = (error == null ? "" : "<p class=\"error\">" + escape(error) + "</p>\n")
                + "<form method=\"post\" action=\"authorize\">\n" + hidden
                + "<label>User <input name=\"username\" autocomplete=\"username\" autofocus></label>\n"
                + "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\"></label>\n"
                + "<button type=\"submit\">Log in</button>\n</form>\n"
                + "<p>Local users: admin, operator, viewer (password = user name).</p>";
        return page("Log in to OMS (sandbox issuer)", body);
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head>\n"
                + "<body><h1>" + escape(title) + "</h1>\n" + body + "\n</body></html>\n";
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
