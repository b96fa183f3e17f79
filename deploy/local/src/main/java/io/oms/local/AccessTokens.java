package io.oms.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Bearer tokens for the services' APIs from an OIDC issuer, by the client credentials grant: finds the token endpoint by
 * discovery, keeps the token until shortly before it expires. Used by Seed and Demo, and by the e2e tests and benchmarks.
 *
 * <p>Where from: {@code OMS_OIDC_AUTH_SERVER_URL} (default: the sandbox's local issuer, {@code <sandbox>/oidc}),
 * {@code OMS_OIDC_CLIENT_ID} and {@code OMS_OIDC_CLIENT_SECRET} (default: the sandbox's {@code oms-local} client, which
 * has oms-admin). With Keycloak, a confidential client with service accounts and the oms-admin realm role.
 */
public final class AccessTokens {

    public static final String LOCAL_CLIENT_ID = "oms-local";
    public static final String LOCAL_CLIENT_SECRET = "oms-local-secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private String token;
    private Instant renewAt = Instant.MIN;

    public AccessTokens(String issuer, String clientId, String clientSecret) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** From the environment, defaulting to the sandbox's issuer and its oms-local client. */
    public static AccessTokens fromEnvironment(String sandbox) {
        return new AccessTokens(env("OMS_OIDC_AUTH_SERVER_URL", sandbox + "/oidc"), env("OMS_OIDC_CLIENT_ID", LOCAL_CLIENT_ID),
                env("OMS_OIDC_CLIENT_SECRET", LOCAL_CLIENT_SECRET));
    }

    public String issuer() {
        return issuer;
    }

    /** A valid access token, fetched again when the last one is about to expire. */
    public synchronized String token() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            try {
                fetch();
            } catch (IOException e) {
                throw new IllegalStateException("no token from " + issuer + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while asking " + issuer + " for a token", e);
            }
        }
        return token;
    }

    /** {@code "Bearer <token>"}, for an Authorization header. */
    public String authorization() {
        return "Bearer " + token();
    }

    private void fetch() throws IOException, InterruptedException {
        JsonNode discovery = json.readTree(send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration")).GET()));
        String endpoint = discovery.path("token_endpoint").asText(issuer + "/token");
        String basic = Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(clientSecret)).getBytes(StandardCharsets.UTF_8));
        JsonNode answer = json.readTree(send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))));
        token = answer.path("access_token").asText();
        long lifetime = answer.path("expires_in").asLong(60);
        renewAt = Instant.now().plusSeconds(Math.max(5, lifetime - Math.min(60, lifetime / 2)));
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
