package io.oms.sandbox.etsy.ratelimit;

import io.oms.sandbox.SandboxClock;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Etsy's limits per OAuth token (or per API key for calls without one): a sliding one-second window and a rolling
 * 24-hour window. Refused calls do not count.
 */
@Singleton
public class EtsyRateLimiter {

    /** The outcome for one call, with the values for the x-limit-* headers. */
    public record Verdict(boolean allowed, boolean dailyExceeded, int limitPerSecond, int remainingThisSecond,
                          int limitPerDay, int remainingToday, long retryAfterSeconds) {
    }

    private static final class Windows {
        final Deque<Instant> second = new ArrayDeque<>();
        final Deque<Instant> day = new ArrayDeque<>();
    }

    private final SandboxClock clock;
    private final Map<String, Windows> windows = new ConcurrentHashMap<>();

    public EtsyRateLimiter(SandboxClock clock) {
        this.clock = clock;
    }

    public Verdict acquire(String key, int perSecond, int perDay) {
        Instant now = clock.instant();
        Windows w = windows.computeIfAbsent(key, k -> new Windows());
        synchronized (w) {
            Instant secondAgo = now.minusSeconds(1);
            while (!w.second.isEmpty() && !w.second.peekFirst().isAfter(secondAgo)) {
                w.second.removeFirst();
            }
            Instant dayAgo = now.minus(Duration.ofDays(1));
            while (!w.day.isEmpty() && !w.day.peekFirst().isAfter(dayAgo)) {
                w.day.removeFirst();
            }
            if (w.day.size() >= perDay) {
                return new Verdict(false, true, perSecond, Math.max(0, perSecond - w.second.size()), perDay, 0, 86400);
            }
            if (w.second.size() >= perSecond) {
                return new Verdict(false, false, perSecond, 0, perDay, perDay - w.day.size(), 1);
            }
            w.second.addLast(now);
            w.day.addLast(now);
            return new Verdict(true, false, perSecond, perSecond - w.second.size(), perDay, perDay - w.day.size(), 0);
        }
    }

    public void clear() {
        windows.clear();
    }

    /** Forgets the windows of one shop: its owner's tokens ({@code <user id>.}) and its API key. */
    public void clearShop(long userId, String keystring) {
        windows.keySet().removeIf(k -> k.startsWith(userId + ".") || k.equals("key:" + keystring));
    }
}
