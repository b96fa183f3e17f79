package io.oms.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The sandbox's own settings (prefix {@code sandbox}). */
@ConfigMapping(prefix = "sandbox")
public interface SandboxConfig {

    Etsy etsy();

    Shopify shopify();

    interface Etsy {
        /** Lifetime of an access token (Etsy: one hour). */
        @WithDefault("PT1H")
        Duration accessTokenLifetime();

        /** Lifetime of a refresh token (Etsy: 90 days). */
        @WithDefault("P90D")
        Duration refreshTokenLifetime();

        /** Default calls per second per OAuth token for new shops. */
        @WithDefault("10")
        int limitPerSecond();

        /** Default calls per rolling 24 hours per OAuth token for new shops. */
        @WithDefault("10000")
        int limitPerDay();

        /** Validate every request against the OpenAPI document and answer 400 as Etsy does. */
        @WithDefault("true")
        boolean validateRequests();
    }

    interface Shopify {
        /** Lifetime of a client-credentials access token (Shopify: 24 hours). */
        @WithDefault("PT24H")
        Duration tokenLifetime();

        /** Leaky bucket size in cost points per app and store. */
        @WithDefault("1000")
        int bucketSize();

        /** Points restored per second. */
        @WithDefault("100")
        int restoreRate();

        /** Delivery attempts after the first failed one. */
        @WithDefault("3")
        int webhookRetries();

        /** Wait before the first retry; doubled for each further one. */
        @WithDefault("PT0.2S")
        Duration webhookBackoff();

        /** Timeout of one webhook delivery. */
        @WithDefault("PT5S")
        Duration webhookTimeout();
    }
}
