package io.oms.channel.core.limit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CircuitBreakersTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now.get();
        }
    };
    private final CircuitBreakers breakers = new CircuitBreakers(new LimitsConfig(10, Duration.ofSeconds(1), 100, 4, 0.75, Duration.ofSeconds(5)), clock);

    @Test
    void mostlyFailingAnswersOpenOnlyThatShopsCircuitUntilATrialCallSucceeds() {
        for (boolean failure : new boolean[] {true, false, true, true}) {
            breakers.allow("a");
            breakers.record("a", failure);
        }
        assertThatThrownBy(() -> breakers.allow("a")).isInstanceOf(CircuitBreakers.CircuitOpen.class);
        assertThatCode(() -> breakers.allow("b")).doesNotThrowAnyException();

        now.set(now.get().plusSeconds(6));
        breakers.allow("a"); // the one trial call
        assertThatThrownBy(() -> breakers.allow("a")).as("only one trial at a time").isInstanceOf(CircuitBreakers.CircuitOpen.class);
        breakers.record("a", false);
        assertThat(breakers.state("a")).isEqualTo("CLOSED");
        assertThatCode(() -> breakers.allow("a")).doesNotThrowAnyException();
    }

    @Test
    void aThirdOfFailuresKeepsTheCircuitClosed() {
        for (int i = 0; i < 30; i++) {
            breakers.allow("c");
            breakers.record("c", i % 3 == 0);
        }
        assertThat(breakers.state("c")).isEqualTo("CLOSED");
    }
}
