package io.oms.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.oms.messaging.inbox.InboxConsumers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The writer's trace continues in the consumer: outbox row, relay, Kafka record header, inbox consumer's span. */
@QuarkusTest
class TracePropagationTest {

    @Inject
    StockWriter writer;
    @Inject
    OpenTelemetry openTelemetry;
    @Inject
    InboxConsumers consumers;
    @Inject
    DataSource dataSource;

    @Test
    void aHandlerRunsInTheTraceOfTheSpanThatWroteTheEvent() throws Exception {
        await().atMost(Duration.ofSeconds(120)).until(() -> consumers.status(AppliedStock.CONSUMER).map(InboxConsumers.Status::joined).orElse(false));
        String sku = "T" + UUID.randomUUID().toString().substring(0, 8);
        Span writerSpan = openTelemetry.getTracer("test").spanBuilder("adjust stock").startSpan();
        String traceId = writerSpan.getSpanContext().getTraceId();
        try (Scope scope = writerSpan.makeCurrent()) {
            writer.changeStock(sku);
        } finally {
            writerSpan.end();
        }

        assertThat(storedTraceparent(sku)).as("traceparent stored with the outbox row")
                .matches("00-" + traceId + "-" + writerSpan.getSpanContext().getSpanId() + "-0[01]");
        await().atMost(Duration.ofSeconds(90)).until(() -> AppliedStock.TRACE_IDS.containsKey(sku));
        assertThat(AppliedStock.TRACE_IDS.get(sku)).as("trace id of the handler's span").isEqualTo(traceId);
        assertThat(AppliedStock.MDC_TRACE_IDS.get(sku)).as("trace id in the handler's log MDC").isEqualTo(traceId);
    }

    @Test
    void aHandlerOfAnEventWrittenOutsideAnySpanStartsATraceOfItsOwn() {
        await().atMost(Duration.ofSeconds(120)).until(() -> consumers.status(AppliedStock.CONSUMER).map(InboxConsumers.Status::joined).orElse(false));
        String sku = "U" + UUID.randomUUID().toString().substring(0, 8);

        writer.changeStock(sku);

        await().atMost(Duration.ofSeconds(90)).until(() -> AppliedStock.TRACE_IDS.containsKey(sku));
        assertThat(AppliedStock.TRACE_IDS.get(sku)).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    }

    private String storedTraceparent(String sku) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select headers->>'traceparent' from outbox where aggregateid = ?")) {
            select.setString(1, sku);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("outbox row of %s", sku).isTrue();
                return row.getString(1);
            }
        }
    }
}
