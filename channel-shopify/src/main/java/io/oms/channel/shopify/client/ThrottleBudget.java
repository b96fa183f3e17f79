package io.oms.channel.shopify.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shopify's leaky bucket of query-cost points per shop, as the last answer's {@code throttleStatus} described it,
 * restored over time at its {@code restoreRate}. A call waits until the bucket holds its expected cost, so the
 * connector does not send what Shopify would answer with Throttled. One replica works a shop (leases), so this
 * local view is the only spender (webhook processing and polls of a shop share it).
 */
@ApplicationScoped
public class ThrottleBudget {

    /** Until the first answer: Shopify's standard plan. */
    static final double DEFAULT_MAXIMUM = 1000;
    static final double DEFAULT_RESTORE_RATE = 100;
    /**
     * A call is reserved here before Shopify deducts it there (the request's way and the other calls in flight): the
     * bucket keeps this much restore time in hand, so that the two views of it never differ by a Throttled answer.
     */
    static final double SLACK_SECONDS = 0.25;

    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Integer> lastCost = new ConcurrentHashMap<>();

    public ThrottleBudget(Clock clock) {
        this.clock = clock;
    }

    /** Blocks until {@code cost} points are (expected to be) available, then reserves them. */
    public void take(String shop, int cost) throws InterruptedException {
        Bucket bucket = buckets.computeIfAbsent(shop, s -> new Bucket(DEFAULT_MAXIMUM, DEFAULT_MAXIMUM, DEFAULT_RESTORE_RATE, clock.millis()));
        while (true) {
            long waitMillis;
            synchronized (bucket) {
                double available = bucket.available(clock.millis());
                double wanted = Math.min(cost + bucket.restoreRate * SLACK_SECONDS, bucket.maximum);
                if (available >= wanted) {
                    bucket.current = available - Math.min(cost, bucket.maximum);
                    bucket.at = clock.millis();
                    return;
                }
                waitMillis = (long) Math.ceil((wanted - available) / bucket.restoreRate * 1000) + 10;
            }
            Thread.sleep(Math.min(waitMillis, 5000));
        }
    }

    /** The cost the same operation had last time (Shopify answers it), or a guess. */
    public int expectedCost(String operation, int guess) {
        return lastCost.getOrDefault(operation, guess);
    }

    /** Takes the answer's {@code extensions.cost} as the truth about the bucket. */
    public void record(String shop, String operation, JsonNode cost) {
        if (cost == null || cost.isMissingNode() || cost.isNull()) {
            return;
        }
        if (cost.hasNonNull("requestedQueryCost")) {
            lastCost.put(operation, cost.get("requestedQueryCost").asInt());
        }
        JsonNode status = cost.path("throttleStatus");
        if (status.hasNonNull("currentlyAvailable")) {
            Bucket fresh = new Bucket(status.path("maximumAvailable").asDouble(DEFAULT_MAXIMUM),
                    status.path("currentlyAvailable").asDouble(), status.path("restoreRate").asDouble(DEFAULT_RESTORE_RATE), clock.millis());
            Bucket bucket = buckets.computeIfAbsent(shop, s -> fresh);
            synchronized (bucket) {
                bucket.maximum = fresh.maximum;
                bucket.restoreRate = fresh.restoreRate;
                // a reservation made after this call was sent is not in Shopify's number yet: keep the lower view
                bucket.current = Math.min(bucket.available(clock.millis()), fresh.current);
                bucket.at = clock.millis();
            }
        }
    }

    private static final class Bucket {
        double maximum;
        double current;
        double restoreRate;
        long at;

        Bucket(double maximum, double current, double restoreRate, long at) {
            this.maximum = maximum;
            this.current = current;
            this.restoreRate = restoreRate;
            this.at = at;
        }

        double available(long now) {
            return Math.min(maximum, current + restoreRate * (now - at) / 1000.0);
        }
    }
}
