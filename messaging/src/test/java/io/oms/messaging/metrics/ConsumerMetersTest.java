package io.oms.messaging.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.oms.events.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The meters of a consumer with several instances: created once per consumer name, the lag gauge the sum of the instances' lags. */
class ConsumerMetersTest {

    @Test
    void theLagGaugeSumsTheInstancesAndTheMetersAreCreatedOncePerConsumer() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MessagingMetrics metrics = new MessagingMetrics(registry, null);

        MessagingMetrics.ConsumerMeters meters = metrics.consumer("stock", EventType.STOCK_CHANGED);
        meters.lag(0, 5);
        meters.lag(1, 7);
        meters.lag(2, 0);
        meters.lag(1, 3);

        assertThat(metrics.consumer("stock", EventType.STOCK_CHANGED)).isSameAs(meters);
        assertThat(registry.get("oms_consumer_lag_records").tag("consumer", "stock").gauge().value()).isEqualTo(8.0);
        assertThat(registry.get("oms_consumer_lag_records").gauges()).hasSize(1);
    }
}
