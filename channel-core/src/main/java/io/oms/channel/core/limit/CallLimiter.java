package io.oms.channel.core.limit;

import io.oms.channel.core.config.ChannelConfig;
import io.oms.channel.core.marketplace.MarketplaceUnavailable;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a shop's marketplace calls under the marketplace's own limit: a sliding window of call starts sized by
 * the limit the marketplace reports (Etsy's {@code x-limit-per-second}), a pause after a 429 for its
 * {@code retry-after}, and a stop for the day when the calls left today ({@code x-remaining-today}) reach the
 * reserve. The key is what the marketplace counts by (Etsy: the app's API key, per OAuth token in the sandbox,
 * so one key per shop there). Exact per replica because a shop is worked by one replica at a time (leases).
 */
@ApplicationScoped
public class CallLimiter {

    private final ChannelConfig config;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public CallLimiter(ChannelConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Waits for a slot. Throws {@link QuotaSpent} at once when the key is stopped for the day, or when a 429's
     * wait is longer than {@code maxWait} (the caller fails and a later cycle continues).
     */
    public void acquire(String key, Duration maxWait) {
        window(key).acquire(maxWait);
    }

    /** What the marketplace said about its limits in an answer; null for a header that was missing. */
    public void observe(String key, Integer limitPerSecond, Integer remainingThisSecond, Integer remainingToday) {
        window(key).observe(limitPerSecond, remainingThisSecond, remainingToday);
    }

    /** A 429: no call for this key before {@code retryAfter} passed. */
    public void throttled(String key, Duration retryAfter) {
        window(key).block(retryAfter);
    }

    /** The limit per second in force for the key. */
    public int limitPerSecond(String key) {
        return window(key).limit;
    }

    private Window window(String key) {
        return windows.computeIfAbsent(key, k -> new Window(config.limits().defaultPerSecond()));
    }

    /** Thrown when the daily quota is at its reserve or the marketplace asked for a long wait. */
    public static class QuotaSpent extends MarketplaceUnavailable {
        public QuotaSpent(String message) {
            super(message);
        }
    }

    private final class Window {
        private final ArrayDeque<Long> starts = new ArrayDeque<>();
        private int limit;
        private long blockedUntilNanos;
        private Instant pausedUntil;

        Window(int limit) {
            this.limit = limit;
        }

        synchronized void acquire(Duration maxWait) {
            long windowNanos = config.limits().window().toNanos();
            while (true) {
                if (pausedUntil != null && clock.instant().isBefore(pausedUntil)) {
                    throw new QuotaSpent("the marketplace's daily call quota is down to its reserve: calls resume at " + pausedUntil);
                }
                long now = System.nanoTime();
                if (blockedUntilNanos - now > 0) {
                    if (blockedUntilNanos - now > maxWait.toNanos()) {
                        throw new QuotaSpent("the marketplace asked to wait " + Duration.ofNanos(blockedUntilNanos - now).toSeconds() + " s");
                    }
                    pause((blockedUntilNanos - now) / 1_000_000 + 1);
                    continue;
                }
                while (!starts.isEmpty() && now - starts.peekFirst() >= windowNanos) {
                    starts.pollFirst();
                }
                if (starts.size() < Math.max(1, limit)) {
                    starts.addLast(now);
                    return;
                }
                pause((starts.peekFirst() + windowNanos - now) / 1_000_000 + 1);
            }
        }

        synchronized void observe(Integer limitPerSecond, Integer remainingThisSecond, Integer remainingToday) {
            if (limitPerSecond != null && limitPerSecond > 0) {
                limit = limitPerSecond;
            }
            if (remainingThisSecond != null && remainingThisSecond <= 0) {
                blockedUntilNanos = Math.max(blockedUntilNanos, System.nanoTime() + config.limits().window().toNanos());
            }
            if (remainingToday != null && remainingToday <= config.limits().dailyReserve()) {
                Instant until = clock.instant().plus(config.limits().dailyPause());
                if (pausedUntil == null || !clock.instant().isBefore(pausedUntil)) {
                    Log.warnf("marketplace calls left today: %d (reserve %d): stopping until %s", remainingToday, config.limits().dailyReserve(), until);
                }
                pausedUntil = until;
            }
            notifyAll();
        }

        synchronized void block(Duration retryAfter) {
            blockedUntilNanos = Math.max(blockedUntilNanos, System.nanoTime() + retryAfter.toNanos());
        }

        private void pause(long millis) {
            try {
                wait(Math.max(1, millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QuotaSpent("interrupted while waiting for the rate limit");
            }
        }
    }
}
