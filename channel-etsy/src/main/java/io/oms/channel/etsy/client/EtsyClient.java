package io.oms.channel.etsy.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.channel.core.crypto.Credentials;
import io.oms.channel.core.limit.CallLimiter;
import io.oms.channel.core.limit.CircuitBreakers;
import io.oms.channel.core.marketplace.MarketplaceUnavailable;
import io.oms.channel.core.metrics.ChannelMetrics;
import io.oms.channel.core.metrics.ChannelMetrics.Outcome;
import io.oms.channel.core.marketplace.MarketplaceRefusal;
import io.oms.channel.core.marketplace.ReauthenticationRequired;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.shop.ShopCredentials;
import io.oms.channel.etsy.config.EtsyConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

/**
 * Calls Etsy for a shop with its stored credentials: the {@code x-api-key} header, a bearer token refreshed
 * shortly before it expires and once after a 401, and Etsy's errors turned into words. Every call first passes
 * the shop's circuit breaker ({@link CircuitBreakers}) and the app's rate limiter ({@link CallLimiter}, fed by
 * Etsy's x-limit-per-second and x-remaining-* headers through {@link RateLimitHeaders}); its outcome is counted
 * per shop ({@link ChannelMetrics}).
 *
 * <p>The refresh is a plain REST call to Etsy's token endpoint rather than quarkus-oidc-client: the client
 * id and refresh token differ per shop and change at runtime, and the rotated refresh token must be stored
 * under the shop row's lock in the same step ({@link ShopCredentials#rotate}), which an OIDC client bound to
 * static configuration and its own token cache does not give.
 */
@ApplicationScoped
public class EtsyClient {

    public static final String KEYSTRING = "keystring";
    public static final String SHARED_SECRET = "sharedSecret";
    public static final String REFRESH_TOKEN = "refreshToken";
    public static final String ACCESS_TOKEN = "accessToken";
    public static final String ACCESS_TOKEN_EXPIRES_AT = "accessTokenExpiresAt";

    private final EtsyApi api;
    private final ShopCredentials credentials;
    private final EtsyConfig config;
    private final CallLimiter limiter;
    private final CircuitBreakers breakers;
    private final ChannelMetrics metrics;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public EtsyClient(@RestClient EtsyApi api, ShopCredentials credentials, EtsyConfig config, CallLimiter limiter, CircuitBreakers breakers,
            ChannelMetrics metrics, Clock clock) {
        this.api = api;
        this.limiter = limiter;
        this.breakers = breakers;
        this.metrics = metrics;
        this.credentials = credentials;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Runs one Etsy call for the shop: {@code call} gets the x-api-key and Authorization header values. A 5xx, a
     * 429 or a timeout is retried (up to {@code etsy.retries} more times) after Etsy's {@code retry-after}, else
     * after an exponential backoff with jitter, and then answered as {@link MarketplaceUnavailable}; a 2xx whose body
     * cannot be read is a {@link MarketplaceUnavailable} at once (the caller's retry reads the state again); other
     * errors are refusals at once. An open circuit or a spent daily quota is a {@link MarketplaceUnavailable} without a call.
     */
    public <T> T call(ShopAccess shop, BiFunction<String, String, T> call) {
        String breaker = shop.id().toString();
        for (int attempt = 0; ; attempt++) {
            try {
                breakers.allow(breaker);
            } catch (CircuitBreakers.CircuitOpen open) {
                metrics.call(shop.externalShopId(), Outcome.CIRCUIT_OPEN);
                throw open;
            }
            try {
                T answer = callOnce(shop, call);
                breakers.record(breaker, false);
                metrics.call(shop.externalShopId(), Outcome.SUCCESS, "2xx");
                return answer;
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if (status >= 200 && status < 300) {
                    // Etsy did the call but its answer cannot be read: not a refusal, and not sent again blindly (a
                    // write may have been applied); the caller's own retry reads the state first
                    breakers.record(breaker, true);
                    metrics.call(shop.externalShopId(), Outcome.SERVER_ERROR, String.valueOf(status));
                    throw new MarketplaceUnavailable("Etsy answered " + status + " with a body that cannot be read: " + e.getMessage());
                }
                String retryAfter = e.getResponse().getHeaderString("retry-after");
                breakers.record(breaker, status >= 500);
                metrics.call(shop.externalShopId(), status == 429 ? Outcome.RATE_LIMITED : status >= 500 ? Outcome.SERVER_ERROR : Outcome.CLIENT_ERROR,
                        String.valueOf(status));
                if (status == 429) {
                    limiter.throttled(limiterKey(shop), Duration.ofSeconds(seconds(retryAfter, 1)));
                }
                if (status < 500 && status != 429) {
                    throw refusal(e);
                }
                if (attempt >= config.retries()) {
                    throw new MarketplaceUnavailable("Etsy answered " + status + " " + (attempt + 1) + " times: " + words(e));
                }
                pause(shop, attempt, status, retryAfter);
            } catch (ProcessingException e) {
                breakers.record(breaker, true);
                metrics.call(shop.externalShopId(), Outcome.TIMEOUT);
                if (attempt >= config.retries()) {
                    throw new MarketplaceUnavailable("Etsy did not answer: " + e.getMessage());
                }
                pause(shop, attempt, 0, null);
            }
        }
    }

    /** What the limiter counts Etsy calls by: the app's keystring (Etsy limits per API key). */
    static String limiterKey(String apiKeyHeader) {
        int colon = apiKeyHeader.indexOf(':');
        return "etsy:" + (colon < 0 ? apiKeyHeader : apiKeyHeader.substring(0, colon));
    }

    private String limiterKey(ShopAccess shop) {
        return limiterKey(credentials.current(shop.id()).require(KEYSTRING));
    }

    private static long seconds(String retryAfter, long otherwise) {
        try {
            return retryAfter == null ? otherwise : Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private void pause(ShopAccess shop, int attempt, int status, String retryAfter) {
        long millis;
        try {
            millis = retryAfter == null ? -1 : Long.parseLong(retryAfter.trim()) * 1000;
        } catch (NumberFormatException e) {
            millis = -1;
        }
        if (millis < 0 || millis > config.maxRetryAfter().toMillis()) {
            long base = config.backoff().toMillis() << Math.min(attempt, 6);
            millis = base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        }
        Log.infof("Etsy answered %d for shop %s: retry %d in %d ms", status, shop.id(), attempt + 1, millis);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketplaceRefusal("interrupted while waiting to retry");
        }
    }

    private <T> T callOnce(ShopAccess shop, BiFunction<String, String, T> call) {
        Credentials current = credentials.current(shop.id());
        if (expiresSoon(current)) {
            current = refresh(shop, current.get(ACCESS_TOKEN).orElse(null));
        }
        try {
            limiter.acquire(limiterKey(apiKey(current)), config.maxRetryAfter());
            return call.apply(apiKey(current), bearer(current));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 401) {
                throw e;
            }
            Log.infof("Etsy answered 401 for shop %s: refreshing the access token", shop.id());
            Credentials refreshed = refresh(shop, current.get(ACCESS_TOKEN).orElse(null));
            limiter.acquire(limiterKey(apiKey(refreshed)), config.maxRetryAfter());
            return call.apply(apiKey(refreshed), bearer(refreshed));
        }
    }

    /**
     * A fresh token pair for a refresh token given by the operator (connecting a shop): nothing is stored
     * yet, the caller keeps the rotated refresh token.
     */
    public Credentials exchange(String keystring, String sharedSecret, String refreshToken) {
        try {
            EtsyModel.Token token = api.refreshToken("refresh_token", keystring, refreshToken);
            return new Credentials(Map.of(KEYSTRING, keystring, SHARED_SECRET, sharedSecret)).with(tokenValues(token));
        } catch (WebApplicationException e) {
            throw new MarketplaceRefusal("Etsy refused the refresh token: " + words(e), REFRESH_TOKEN);
        }
    }

    /** A token pair for an authorization code (OAuth 2.0 with PKCE); nothing is stored yet. */
    public Credentials exchangeCode(String keystring, String sharedSecret, String code, String codeVerifier, String redirectUri) {
        try {
            EtsyModel.Token token = api.authorizationCode("authorization_code", keystring, redirectUri, code, codeVerifier);
            return new Credentials(Map.of(KEYSTRING, keystring, SHARED_SECRET, sharedSecret)).with(tokenValues(token));
        } catch (WebApplicationException e) {
            throw new MarketplaceRefusal("Etsy refused the authorization code: " + words(e), "code");
        }
    }

    public static String apiKey(Credentials c) {
        return c.require(KEYSTRING) + ":" + c.require(SHARED_SECRET);
    }

    public static String bearer(Credentials c) {
        return "Bearer " + c.require(ACCESS_TOKEN);
    }

    /** One refresh per shop at a time, across replicas: under the shop row's lock, skipped if another thread already did it. */
    private Credentials refresh(ShopAccess shop, String staleAccessToken) {
        return credentials.rotate(shop.id(), latest -> {
            if (!latest.get(ACCESS_TOKEN).orElse("").equals(staleAccessToken == null ? "" : staleAccessToken) && !expiresSoon(latest)) {
                return latest;
            }
            try {
                EtsyModel.Token token = api.refreshToken("refresh_token", latest.require(KEYSTRING), latest.require(REFRESH_TOKEN));
                Log.infof("access token of shop %s refreshed", shop.id());
                return latest.with(tokenValues(token));
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 400 || e.getResponse().getStatus() == 401) {
                    throw new ReauthenticationRequired("Etsy refused the shop's refresh token (" + words(e)
                            + "): connect the shop again");
                }
                throw refusal(e);
            }
        });
    }

    private boolean expiresSoon(Credentials c) {
        return c.get(ACCESS_TOKEN).isEmpty() || c.get(ACCESS_TOKEN_EXPIRES_AT)
                .map(Instant::parse).map(at -> !at.isAfter(clock.instant().plus(config.refreshAhead()))).orElse(true);
    }

    private Map<String, String> tokenValues(EtsyModel.Token token) {
        long lifetime = token.expires_in() == null ? 3600 : token.expires_in();
        return Map.of(ACCESS_TOKEN, token.access_token(), REFRESH_TOKEN, token.refresh_token(),
                ACCESS_TOKEN_EXPIRES_AT, clock.instant().plusSeconds(lifetime).toString());
    }

    private MarketplaceRefusal refusal(WebApplicationException e) {
        return new MarketplaceRefusal("Etsy answered " + e.getResponse().getStatus() + ": " + words(e));
    }

    /** Etsy's error text (the body's {@code error} and {@code error_description}); never a header or a token. */
    private String words(WebApplicationException e) {
        try {
            String body = e.getResponse().readEntity(String.class);
            EtsyModel.Error error = json.readValue(body, EtsyModel.Error.class);
            return error.error_description() == null ? error.error() : error.error() + ": " + error.error_description();
        } catch (Exception unreadable) {
            return "HTTP " + e.getResponse().getStatus();
        }
    }
}
