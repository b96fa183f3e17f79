package io.oms.sandbox.faults;

import java.util.concurrent.ThreadLocalRandom;

/** What the fault settings mean for one call, decided once before the call is handled. */
public enum FaultDecision {
    NONE, ERROR, RATE_LIMIT, MALFORMED, TIMEOUT;

    /** Sleeps for the configured latency (and timeout), then says how the call should go wrong, if at all. */
    public static FaultDecision decide(Faults faults) {
        Faults f = faults.normalised();
        pause(f.latencyMs());
        if (f.timeouts()) {
            pause(f.timeoutMs());
            return TIMEOUT;
        }
        if (f.force429()) {
            return RATE_LIMIT;
        }
        if (f.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < f.errorRate()) {
            return ERROR;
        }
        if (f.malformedBodies()) {
            return MALFORMED;
        }
        return NONE;
    }

    private static void pause(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
