package io.oms.channel.core.push;

import java.util.Map;

/**
 * How a push went.
 *
 * @param pushed    what was sent, for people ("quantity=5"), or null
 * @param error     the marketplace's error in words, when not a success
 * @param retryable the failure is an outage (5xx, timeouts, an open circuit, a spent rate limit, a revoked token):
 *                  the push stays queued and is tried again; otherwise the marketplace refused it for good
 * @param notApplied SKUs of a successful listing write that could not be set (SKU → why), reported as failures
 */
public record PushOutcome(boolean success, String pushed, String error, boolean retryable, Map<String, String> notApplied) {

    public PushOutcome {
        notApplied = notApplied == null ? Map.of() : Map.copyOf(notApplied);
    }

    public static PushOutcome success(String pushed) {
        return new PushOutcome(true, pushed, null, false, Map.of());
    }

    /** Written, except for the SKUs named (SKU → why), which failed for good. */
    public static PushOutcome success(String pushed, Map<String, String> notApplied) {
        return new PushOutcome(true, pushed, null, false, notApplied);
    }

    public static PushOutcome refused(String error) {
        return new PushOutcome(false, null, error, false, Map.of());
    }

    public static PushOutcome later(String error) {
        return new PushOutcome(false, null, error, true, Map.of());
    }
}
