package io.oms.sandbox.faults;

/**
 * Faults injected into one shop's marketplace API. All default to "off".
 *
 * @param errorRate        share of calls (0..1) answered with {@code errorStatus}
 * @param errorStatus      the HTTP status of injected errors (default 500)
 * @param latencyMs        added latency for every call
 * @param force429         answer every call with the marketplace's rate-limit answer (Etsy 429, Shopify Throttled)
 * @param malformedBodies  answer 200 with a truncated, unparseable body
 * @param timeouts         hold every call for {@code timeoutMs} and then drop it with 504
 * @param timeoutMs        how long a "timeout" holds the call (default 30000)
 * @param expireTokens     every access token of the shop answers as expired
 * @param revokeTokens     every token of the shop (access and refresh) answers as revoked
 * @param duplicateWebhooks every webhook delivery is sent twice with the same webhook id (Shopify)
 */
public record Faults(Double errorRate, Integer errorStatus, Long latencyMs, Boolean force429, Boolean malformedBodies,
                     Boolean timeouts, Long timeoutMs, Boolean expireTokens, Boolean revokeTokens,
                     Boolean duplicateWebhooks) {

    public static final Faults NONE = new Faults(0.0, 500, 0L, false, false, false, 30_000L, false, false, false);

    /** Fills unset fields from the defaults. */
    public Faults normalised() {
        return new Faults(errorRate == null ? 0.0 : errorRate, errorStatus == null ? 500 : errorStatus,
                latencyMs == null ? 0L : latencyMs, bool(force429), bool(malformedBodies), bool(timeouts),
                timeoutMs == null ? 30_000L : timeoutMs, bool(expireTokens), bool(revokeTokens),
                bool(duplicateWebhooks));
    }

    private static Boolean bool(Boolean b) {
        return b != null && b;
    }

    public boolean anyOn() {
        Faults f = normalised();
        return f.errorRate > 0 || f.latencyMs > 0 || f.force429 || f.malformedBodies || f.timeouts;
    }
}
