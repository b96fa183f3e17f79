package io.oms.channel.etsy.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.channel.core.crypto.Credentials;
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
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

/**
 * Calls Etsy for a shop with its stored credentials: the {@code x-api-key} header, a bearer token refreshed
 * shortly before it expires and once after a 401, and Etsy's errors turned into words.
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
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public EtsyClient(@RestClient EtsyApi api, ShopCredentials credentials, EtsyConfig config, Clock clock) {
        this.api = api;
        this.credentials = credentials;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Runs one Etsy call for the shop: {@code call} gets the x-api-key and Authorization header values. A 5xx, a
     * 429 or a timeout is retried (up to {@code etsy.retries} more times) after Etsy's {@code retry-after}, else
     * after an exponential backoff with jitter; other errors are refusals at once.
     */
    public <T> T call(ShopAccess shop, BiFunction<String, String, T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return callOnce(shop, call);
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if ((status < 500 && status != 429) || attempt >= config.retries()) {
                    throw refusal(e);
                }
                pause(shop, attempt, status, e.getResponse().getHeaderString("retry-after"));
            } catch (ProcessingException e) {
                if (attempt >= config.retries()) {
                    throw new MarketplaceRefusal("Etsy did not answer: " + e.getMessage());
                }
                pause(shop, attempt, 0, null);
            }
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
            return call.apply(apiKey(current), bearer(current));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 401) {
                throw e;
            }
            Log.infof("Etsy answered 401 for shop %s: refreshing the access token", shop.id());
            Credentials refreshed = refresh(shop, current.get(ACCESS_TOKEN).orElse(null));
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
