package io.oms.channel.core.limit;

import io.oms.channel.core.marketplace.MarketplaceUnavailable;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallLimiterTest {

    private final CallLimiter limiter = new CallLimiter(new LimitsConfig(10, Duration.ofMillis(300), 100, 20, 0.75, Duration.ofSeconds(5)),
            Clock.systemUTC());

    @Test
    void theMarketplacesLimitPerSecondReplacesTheDefaultAndSpacesCallsOverTheWindow() {
        limiter.observe("shop", 3, 2, 9000);
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            limiter.acquire("shop", Duration.ofSeconds(5));
        }
        // 3 calls per 300 ms window: the 4th to 6th wait for the first window to pass
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        assertThat(limiter.limitPerSecond("shop")).isEqualTo(3);
    }

    @Test
    void callsStopForTheDayWhenTheCallsLeftReachTheReserve() {
        limiter.acquire("daily", Duration.ofSeconds(1));
        limiter.observe("daily", 10, 9, 100);
        assertThatThrownBy(() -> limiter.acquire("daily", Duration.ofSeconds(1))).isInstanceOf(MarketplaceUnavailable.class)
                .hasMessageContaining("daily call quota");
        limiter.acquire("other shop", Duration.ofSeconds(1));
    }

    @Test
    void aLongRetryAfterIsNotWaitedFor() {
        limiter.throttled("busy", Duration.ofSeconds(86400));
        assertThatThrownBy(() -> limiter.acquire("busy", Duration.ofSeconds(10))).isInstanceOf(CallLimiter.QuotaSpent.class)
                .hasMessageContaining("asked to wait");
    }
}
