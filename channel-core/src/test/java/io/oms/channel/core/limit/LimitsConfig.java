package io.oms.channel.core.limit;

import io.oms.channel.core.config.ChannelConfig;

import java.time.Duration;
import java.util.Optional;

/** A ChannelConfig with the limits under test; the rest is not read by the limiter and the breaker. */
record LimitsConfig(int perSecond, Duration window, int reserve, int breakerWindow, double ratio, Duration delay) implements ChannelConfig {

    @Override
    public Optional<String> encryptionKey() {
        return Optional.empty();
    }

    @Override
    public Optional<String> replicaId() {
        return Optional.empty();
    }

    @Override
    public Lease lease() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Sync sync() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Push push() {
        throw new UnsupportedOperationException();
    }

    @Override
    public OAuth oauth() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Limits limits() {
        return new Limits() {
            public int defaultPerSecond() {
                return perSecond;
            }

            public Duration window() {
                return window;
            }

            public int dailyReserve() {
                return reserve;
            }

            public Duration dailyPause() {
                return Duration.ofHours(1);
            }

            public int breakerWindow() {
                return breakerWindow;
            }

            public double breakerFailureRatio() {
                return ratio;
            }

            public Duration breakerDelay() {
                return delay;
            }
        };
    }
}
