package io.oms.sandbox;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's one clock: the system clock plus an offset that tests (and the control API) can move forward,
 * so token lifetimes, rate windows and leaky buckets can be exercised without sleeping.
 */
@Singleton
public class SandboxClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private volatile Instant frozen;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant f = frozen;
        return f != null ? f : Instant.now().plus(offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    /** Moves the sandbox's time forward. */
    public synchronized void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
        if (frozen != null) {
            frozen = frozen.plus(by);
        }
    }

    /** Stops time at the current instant until {@link #unfreeze()}; {@link #advance} still moves it. */
    public synchronized void freeze() {
        frozen = instant();
    }

    public synchronized void unfreeze() {
        if (frozen != null) {
            offset.set(Duration.between(Instant.now(), frozen));
            frozen = null;
        }
    }

    /** Back to the system clock. */
    public synchronized void reset() {
        frozen = null;
        offset.set(Duration.ZERO);
    }
}
