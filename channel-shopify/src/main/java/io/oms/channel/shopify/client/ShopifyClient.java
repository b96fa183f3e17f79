package io.oms.channel.shopify.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.oms.channel.core.crypto.Credentials;
import io.oms.channel.core.marketplace.MarketplaceRefusal;
import io.oms.channel.core.marketplace.ReauthenticationRequired;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.metrics.ChannelMetrics;
import io.oms.channel.core.metrics.ChannelMetrics.Outcome;
import io.oms.channel.core.shop.ShopCredentials;
import io.oms.channel.shopify.config.ShopifyConfig;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends GraphQL documents to a shop's Admin API with its stored credentials: the pinned API version, the cost
 * budget read from {@code throttleStatus} (a call waits rather than being Throttled; a Throttled answer anyway is
 * waited out and retried), retries of 5xx and missing answers with backoff and jitter, and the client-credentials
 * token renewed before it expires and once after a 401.
 *
 * <p>The token is fetched with a plain REST call rather than quarkus-oidc-client: the client id and secret differ
 * per shop and come from the encrypted store at runtime, and the token must be stored under the shop row's lock
 * ({@link ShopCredentials#rotate}); an OIDC client is bound to static configuration and its own cache.
 */
@ApplicationScoped
public class ShopifyClient {

    public static final String ACCESS_TOKEN = "accessToken";
    public static final String CLIENT_ID = "clientId";
    public static final String CLIENT_SECRET = "clientSecret";
    /** The key Shopify signs webhooks with: the app's API secret (the client secret for client-credentials apps). */
    public static final String API_SECRET = "apiSecret";
    public static final String ACCESS_TOKEN_EXPIRES_AT = "accessTokenExpiresAt";
    /** Scopes named by the last token grant (not secret; kept with the credentials because they come with the token). */
    public static final String GRANTED_SCOPES = "grantedScopes";

    private final ShopifyConfig config;
    private final ShopCredentials credentials;
    private final ThrottleBudget budget;
    private final Clock clock;
    private final ChannelMetrics metrics;
    private final Map<URI, ShopifyAdminApi> clients = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> throttledAnswers = new ConcurrentHashMap<>();

    public ShopifyClient(ShopifyConfig config, ShopCredentials credentials, ThrottleBudget budget, Clock clock, ChannelMetrics metrics) {
        this.metrics = metrics;
        this.config = config;
        this.credentials = credentials;
        this.budget = budget;
        this.clock = clock;
    }

    /** Runs {@code document} for a connected shop and answers its {@code data}. */
    public JsonNode query(ShopAccess shop, ShopifyDocuments.Document document, Map<String, Object> variables) {
        return execute(shop.externalShopId(), document, variables, () -> token(shop, false), () -> token(shop, true));
    }

    /** Runs {@code document} with a token that is not stored yet (connecting a shop). */
    public JsonNode query(String domain, String accessToken, ShopifyDocuments.Document document, Map<String, Object> variables) {
        return execute(domain, document, variables, () -> accessToken, () -> {
            throw new MarketplaceRefusal("Shopify refused the access token of " + domain, "accessToken");
        });
    }

    /** The client-credentials grant: token values to keep (token, expiry, granted scopes). */
    public Map<String, String> grant(String domain, String clientId, String clientSecret) {
        try {
            JsonNode token = api(domain).accessToken(domain, "client_credentials", clientId, clientSecret);
            long lifetime = token.path("expires_in").asLong(86400);
            Map<String, String> values = new LinkedHashMap<>();
            values.put(ACCESS_TOKEN, token.path("access_token").asText());
            values.put(ACCESS_TOKEN_EXPIRES_AT, clock.instant().plusSeconds(lifetime).toString());
            values.put(GRANTED_SCOPES, token.path("scope").asText(""));
            return values;
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400 || status == 401 || status == 403) {
                throw new ReauthenticationRequired("Shopify refused the client id and secret of " + domain + " (HTTP " + status + ")");
            }
            throw new MarketplaceRefusal("Shopify's token endpoint answered HTTP " + status + " for " + domain);
        } catch (ProcessingException e) {
            throw new MarketplaceRefusal("Shopify's token endpoint did not answer for " + domain + ": " + e.getMessage());
        }
    }

    private interface TokenSource {
        String get();
    }

    private JsonNode execute(String domain, ShopifyDocuments.Document document, Map<String, Object> variables, TokenSource token,
            TokenSource renewed) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", document.text());
        request.put("operationName", document.operation());
        request.put("variables", variables);
        String accessToken = token.get();
        boolean renewedOnce = false;
        for (int attempt = 0; ; attempt++) {
            try {
                budget.take(domain, budget.expectedCost(document.operation(), document.costGuess()));
                JsonNode answer = api(domain).graphql(config.apiVersion(), domain, accessToken, request);
                budget.record(domain, document.operation(), answer.path("extensions").path("cost"));
                JsonNode errors = answer.path("errors");
                boolean failed = errors.isArray() && !errors.isEmpty();
                // GraphQL answers 200 also when Throttled or refused: the outcome tells them apart
                metrics.call(domain, !failed ? Outcome.SUCCESS : throttled(errors) ? Outcome.RATE_LIMITED
                        : answer.hasNonNull("data") ? Outcome.SUCCESS : Outcome.CLIENT_ERROR, "200");
                if (failed) {
                    if (throttled(errors)) {
                        throttledAnswers.computeIfAbsent(domain, d -> new AtomicLong()).incrementAndGet();
                    }
                    if (throttled(errors) && attempt < config.retries()) {
                        Log.infof("Shopify throttled %s for %s: waiting for the bucket", document.operation(), domain);
                        continue; // the budget now knows the bucket is short and waits before the next try
                    }
                    if (!answer.hasNonNull("data") || throttled(errors)) {
                        throw new MarketplaceRefusal("Shopify refused " + document.operation() + ": " + messages(errors));
                    }
                    Log.warnf("Shopify answered %s for %s with errors: %s", document.operation(), domain, messages(errors));
                }
                return answer.path("data");
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                metrics.call(domain, status == 429 ? Outcome.RATE_LIMITED : status >= 500 ? Outcome.SERVER_ERROR : Outcome.CLIENT_ERROR,
                        String.valueOf(status));
                if (status == 401 && !renewedOnce) {
                    renewedOnce = true;
                    accessToken = renewed.get();
                    continue;
                }
                if (status == 401) {
                    throw new ReauthenticationRequired("Shopify refused the shop's access token (HTTP 401): connect the shop again");
                }
                if ((status < 500 && status != 429) || attempt >= config.retries()) {
                    throw new MarketplaceRefusal("Shopify answered HTTP " + status + " to " + document.operation());
                }
                pause(domain, attempt, "HTTP " + status);
            } catch (ProcessingException e) {
                metrics.call(domain, Outcome.TIMEOUT);
                if (attempt >= config.retries()) {
                    throw new MarketplaceRefusal("Shopify did not answer " + document.operation() + ": " + e.getMessage());
                }
                pause(domain, attempt, e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MarketplaceRefusal("interrupted while waiting for Shopify's cost budget");
            }
        }
    }

    /** The shop's token; a client-credentials token is renewed shortly before it expires, or at once when {@code stale}. */
    private String token(ShopAccess shop, boolean stale) {
        Credentials current = credentials.current(shop.id());
        if (current.get(CLIENT_ID).isEmpty()) {
            if (stale) {
                throw new ReauthenticationRequired("Shopify refused the shop's access token (HTTP 401): connect the shop again");
            }
            return current.require(ACCESS_TOKEN);
        }
        if (!stale && !expiresSoon(current)) {
            return current.require(ACCESS_TOKEN);
        }
        String staleToken = current.get(ACCESS_TOKEN).orElse("");
        return credentials.rotate(shop.id(), latest -> {
            if (!latest.get(ACCESS_TOKEN).orElse("").equals(staleToken) && !expiresSoon(latest)) {
                return latest; // another thread or replica renewed it meanwhile
            }
            Log.infof("renewing the client-credentials token of shop %s", shop.id());
            return latest.with(grant(shop.externalShopId(), latest.require(CLIENT_ID), latest.require(CLIENT_SECRET)));
        }).require(ACCESS_TOKEN);
    }

    private boolean expiresSoon(Credentials c) {
        return c.get(ACCESS_TOKEN_EXPIRES_AT).map(Instant::parse)
                .map(at -> !at.isAfter(clock.instant().plus(config.refreshAhead()))).orElse(c.get(ACCESS_TOKEN).isEmpty());
    }

    private void pause(String domain, int attempt, String why) {
        long base = config.backoff().toMillis() << Math.min(attempt, 6);
        long millis = base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        Log.infof("Shopify call for %s failed (%s): retry %d in %d ms", domain, why, attempt + 1, millis);
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketplaceRefusal("interrupted while waiting to retry");
        }
    }

    private static boolean throttled(JsonNode errors) {
        for (JsonNode e : errors) {
            if ("THROTTLED".equals(e.path("extensions").path("code").asText()) || "Throttled".equals(e.path("message").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String messages(JsonNode errors) {
        List<String> out = new ArrayList<>();
        errors.forEach(e -> out.add(e.path("message").asText()));
        return String.join("; ", out);
    }

    private ShopifyAdminApi api(String domain) {
        URI base = URI.create(config.apiBaseUrl().filter(s -> !s.isBlank()).orElse("https://" + domain));
        return clients.computeIfAbsent(base, uri -> QuarkusRestClientBuilder.newBuilder().baseUri(uri)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS).readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS).build(ShopifyAdminApi.class));
    }

    /** How many Throttled answers the shop gave since start (the budget is meant to keep this at 0). */
    public long throttledAnswers(String domain) {
        return throttledAnswers.getOrDefault(domain, new AtomicLong()).get();
    }

    /** The granted scopes named with the shop's current token, when the grant named them. */
    public static Optional<List<String>> grantedScopes(Credentials c) {
        return c.get(GRANTED_SCOPES).filter(s -> !s.isBlank()).map(s -> List.of(s.split("\\s*,\\s*")));
    }
}
