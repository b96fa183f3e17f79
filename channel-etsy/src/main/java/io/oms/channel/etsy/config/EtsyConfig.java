package io.oms.channel.etsy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Where Etsy is and how the connector talks to it. */
@ConfigMapping(prefix = "etsy")
public interface EtsyConfig {

    /** Etsy's API base (ETSY_API_BASE_URL); {@code /v3/application/...} and {@code /v3/public/oauth/token} live under it. */
    @WithDefault("https://api.etsy.com")
    String apiBaseUrl();

    /** Etsy's consent page (ETSY_AUTHORIZE_URL), for the OAuth flow. */
    @WithDefault("https://www.etsy.com/oauth/connect")
    String authorizeUrl();

    /** An access token this close to its expiry is refreshed before the call rather than after a 401. */
    @WithDefault("60s")
    Duration refreshAhead();

    /** Retries of a call that got a 5xx, a 429 or no answer, before the run fails. */
    @WithDefault("5")
    int retries();

    /** First backoff between retries without a usable retry-after (doubles each time, plus up to half as jitter). */
    @WithDefault("200ms")
    Duration backoff();

    /** A longer retry-after (Etsy's daily limit: 86400) is not waited for in the call: the run fails and a later one continues. */
    @WithDefault("10s")
    Duration maxRetryAfter();
}
