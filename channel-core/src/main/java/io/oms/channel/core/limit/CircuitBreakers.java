package io.oms.channel.core.limit;

import io.oms.channel.core.config.ChannelConfig;
import io.oms.channel.core.marketplace.MarketplaceUnavailable;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One circuit breaker per shop: when most of a shop's recent marketplace answers are failures (5xx, timeouts),
 * its calls stop for a while, then one trial call decides whether they resume. Per shop so that one broken shop
 * (or its marketplace account) does not stop the others.
 *
 * <p>Written here rather than with SmallRye Fault Tolerance's {@code @CircuitBreaker}: that annotation keeps one
 * breaker per method for every caller, and a breaker per shop would need one guard object per shop created at
 * runtime; this class is the small state machine that needs.
 */
@ApplicationScoped
public class CircuitBreakers {

    private final ChannelConfig config;
    private final Clock clock;
    private final ConcurrentHashMap<String, Breaker> breakers = new ConcurrentHashMap<>();

    public CircuitBreakers(ChannelConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Throws {@link CircuitOpen} while the shop's circuit is open (or its one trial call is under way). */
    public void allow(String shop) {
        breaker(shop).allow(shop);
    }

    /** The outcome of an answer: {@code failure} for a 5xx or a timeout (a 4xx or 429 is not the marketplace failing). */
    public void record(String shop, boolean failure) {
        breaker(shop).record(shop, failure);
    }

    public String state(String shop) {
        return breaker(shop).state.name();
    }

    private Breaker breaker(String shop) {
        return breakers.computeIfAbsent(shop, k -> new Breaker(config.limits().breakerWindow()));
    }

    /** The shop's circuit is open: no call was made. */
    public static class CircuitOpen extends MarketplaceUnavailable {
        public CircuitOpen(String message) {
            super(message);
        }
    }

    private enum State { CLOSED, OPEN, HALF_OPEN }

    private final class Breaker {
        private final boolean[] ring;
        private int next;
        private int count;
        private int failures;
        private State state = State.CLOSED;
        private Instant openedAt;
        private boolean trialInFlight;

        Breaker(int size) {
            this.ring = new boolean[Math.max(1, size)];
        }

        synchronized void allow(String shop) {
            if (state == State.OPEN) {
                if (clock.instant().isBefore(openedAt.plus(config.limits().breakerDelay()))) {
                    throw new CircuitOpen("the marketplace kept failing for this shop: calls paused until "
                            + openedAt.plus(config.limits().breakerDelay()));
                }
                state = State.HALF_OPEN;
                trialInFlight = false;
            }
            if (state == State.HALF_OPEN) {
                if (trialInFlight) {
                    throw new CircuitOpen("the marketplace kept failing for this shop: a trial call is under way");
                }
                trialInFlight = true;
            }
        }

        synchronized void record(String shop, boolean failure) {
            if (state == State.HALF_OPEN) {
                trialInFlight = false;
                if (failure) {
                    open(shop);
                } else {
                    state = State.CLOSED;
                    reset();
                    Log.infof("circuit of shop %s closed again", shop);
                }
                return;
            }
            if (state == State.OPEN) {
                return;
            }
            if (count == ring.length && ring[next]) {
                failures--;
            }
            ring[next] = failure;
            if (failure) {
                failures++;
            }
            next = (next + 1) % ring.length;
            count = Math.min(count + 1, ring.length);
            if (count == ring.length && failures >= config.limits().breakerFailureRatio() * ring.length) {
                open(shop);
            }
        }

        private void open(String shop) {
            state = State.OPEN;
            openedAt = clock.instant();
            reset();
            Log.warnf("circuit of shop %s opened: the marketplace kept failing", shop);
        }

        private void reset() {
            count = 0;
            failures = 0;
            next = 0;
            java.util.Arrays.fill(ring, false);
        }
    }
}
