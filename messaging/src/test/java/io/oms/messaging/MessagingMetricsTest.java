package io.oms.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.oms.messaging.inbox.InboxConsumers;
import io.oms.messaging.metrics.MessagingMetrics;
import io.oms.messaging.outbox.OutboxRelayService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What every service's /q/metrics shows of its messaging: outbox backlog, inbox duplicates, dead letters, consumer lag. */
@QuarkusTest
class MessagingMetricsTest {

    @Inject
    StockWriter writer;
    @Inject
    OutboxRelayService relay;
    @Inject
    MessagingMetrics metrics;
    @Inject
    MeterRegistry registry;
    @Inject
    InboxConsumers consumers;
    @TestHTTPResource("/q/metrics")
    URI scrape;

    @Test
    void theOutboxBacklogCountsUnsentEventsUntilTheRelayPublishesThem() {
        relay.stop();
        try {
            metrics.refreshOutboxBacklog();
            long before = metrics.outboxBacklog();
            String sku = "B" + UUID.randomUUID().toString().substring(0, 8);
            writer.changeStock(sku);
            writer.changeStock(sku);

            metrics.refreshOutboxBacklog();

            assertThat(metrics.outboxBacklog()).isEqualTo(before + 2);
            assertThat(registry.get("oms_outbox_backlog_events").gauge().value()).isEqualTo(before + 2.0);
        } finally {
            relay.start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            metrics.refreshOutboxBacklog();
            assertThat(registry.get("oms_outbox_backlog_events").gauge().value()).isZero();
        });
    }

    @Test
    void theMetricsEndpointListsTheMessagingMetricsOfEveryConsumer() throws Exception {
        await().atMost(Duration.ofSeconds(120)).until(() -> consumers.status(AppliedStock.CONSUMER).map(InboxConsumers.Status::joined).orElse(false));

        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(scrape).build(), HttpResponse.BodyHandlers.ofString()).body();

        String consumer = "consumer=\"" + AppliedStock.CONSUMER + "\"";
        assertThat(body).contains("oms_outbox_backlog_events ")
                .containsPattern("oms_inbox_duplicates_skipped_total\\{[^}]*" + consumer)
                .containsPattern("oms_inbox_events_applied_total\\{[^}]*" + consumer)
                .containsPattern("oms_consumer_lag_records\\{[^}]*" + consumer);
    }
}
