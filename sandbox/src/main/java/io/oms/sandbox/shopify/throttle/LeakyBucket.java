package io.oms.sandbox.shopify.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Shopify's query-cost bucket for one app and store: drains by cost, refills at {@code restoreRate} per second. */
public final class LeakyBucket {

    /** The throttleStatus Shopify reports. */
    public record Status(double maximumAvailable, double currentlyAvailable, double restoreRate) {
    }

    private final Clock clock;
    private volatile double maximum;
    private volatile double restoreRate;
    private double available;
    private Instant last;

    public LeakyBucket(Clock clock, double maximum, double restoreRate) {
        this.clock = clock;
        this.maximum = maximum;
        this.restoreRate = restoreRate;
        this.available = maximum;
        this.last = clock.instant();
    }

    private void refill() {
        Instant now = clock.instant();
        double seconds = Math.max(0, Duration.between(last, now).toNanos() / 1e9);
        available = Math.min(maximum, available + seconds * restoreRate);
        last = now;
    }

    /** Takes {@code cost} points if they are there; answers false (and takes nothing) if not. */
    public synchronized boolean tryTake(int cost) {
        refill();
        if (cost > available) {
            return false;
        }
        available -= cost;
        return true;
    }

    /** Gives back points a query did not use (requested minus actual). */
    public synchronized void refund(int points) {
        available = Math.min(maximum, available + points);
    }

    public synchronized Status status() {
        refill();
        return new Status(maximum, Math.floor(available), restoreRate);
    }

    public synchronized void configure(Double newMaximum, Double newRestoreRate) {
        refill();
        if (newMaximum != null) {
            maximum = newMaximum;
            available = Math.min(available, maximum);
        }
        if (newRestoreRate != null) {
            restoreRate = newRestoreRate;
        }
    }

    public synchronized void fill() {
        available = maximum;
        last = clock.instant();
    }
}
