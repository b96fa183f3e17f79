package io.oms.messaging;

import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.DeadLetterHeaders;
import io.oms.events.EncodedEvent;
import io.oms.events.EventType;
import io.oms.events.Sku;
import io.oms.events.inventory.StockChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.oms.messaging.inbox.InboxConsumers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class InboxConsumerTest {

    private static final String TOPIC = EventType.STOCK_CHANGED.topic();

    @Inject
    InboxConsumers consumers;
    @Inject
    CloudEventCodec codec;
    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProducer<String, byte[]> producer;
    private String sku;

    @BeforeEach
    void joined() {
        sku = "I" + UUID.randomUUID().toString().substring(0, 8);
        producer = new KafkaProducer<>(KafkaClients.producer(bootstrapServers, "inbox-test"));
        await().atMost(Duration.ofSeconds(120)).until(() -> consumers.status(AppliedStock.CONSUMER).map(InboxConsumers.Status::joined).orElse(false));
    }

    @AfterEach
    void close() {
        producer.close();
        AppliedStock.FAILING_SKUS.clear();
    }

    @Test
    void aRecordDeliveredTwiceChangesStateOnce() throws Exception {
        EncodedEvent event = codec.encode(stockChanged(sku, 1));
        long duplicatesBefore = status().duplicates();
        double duplicatesCounted = duplicatesSkipped();

        send(sku, event.value(), event.headers());
        send(sku, event.value(), event.headers());
        send(sku, codec.encode(stockChanged(sku, 2)).value(), codec.encode(stockChanged(sku, 2)).headers());

        await().atMost(Duration.ofSeconds(90)).until(() -> applied(sku) == 2 && status().duplicates() > duplicatesBefore);
        assertThat(applied(sku)).as("applications of %s", sku).isEqualTo(2);
        assertThat(AppliedStock.ATTEMPTS.get(sku).get()).as("handler calls").isEqualTo(2);
        assertThat(duplicatesSkipped() - duplicatesCounted).as("oms_inbox_duplicates_skipped_total").isEqualTo(1.0);
    }

    @Test
    void malformedRecordsGoToTheDlqWithTheirReasonAndTheRecordsAfterThemAreProcessed() throws Exception {
        double invalidBefore = deadLettered("invalid_event");
        try (TopicReader dlq = new TopicReader(bootstrapServers, EventType.STOCK_CHANGED.dlqTopic())) {
            EncodedEvent valid = codec.encode(stockChanged(sku, 1));
            send(sku, "this is not JSON".getBytes(StandardCharsets.UTF_8), valid.headers());
            send(sku, "{\"sku\":\"%s\",\"warehouses\":[],\"version\":1}".formatted(sku).getBytes(StandardCharsets.UTF_8), valid.headers());
            send(sku, valid.value(), Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/test",
                    "ce_type", "io.oms.unheard-of.v1", "ce_time", "2026-11-25T10:00:00Z"));
            send(sku, valid.value(), valid.headers());

            await().atMost(Duration.ofSeconds(90)).until(() -> applied(sku) == 1);
            List<ConsumerRecord<String, byte[]>> dead = await().atMost(Duration.ofSeconds(90))
                    .until(() -> dlq.read(record -> sku.equals(record.key())), records -> records.size() == 3);

            assertThat(dead).extracting(record -> header(record, DeadLetterHeaders.REASON)).satisfiesExactly(
                    reason -> assertThat(reason).containsIgnoringCase("JSON"),
                    reason -> assertThat(reason).contains("totalAvailable"),
                    reason -> assertThat(reason).contains("io.oms.unheard-of.v1"));
            assertThat(dead).allSatisfy(record -> {
                assertThat(header(record, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(TOPIC);
                assertThat(header(record, DeadLetterHeaders.SOURCE_OFFSET)).matches("\\d+");
                assertThat(header(record, DeadLetterHeaders.SOURCE_PARTITION)).matches("\\d+");
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(deadLettered("invalid_event") - invalidBefore).as("oms_dlq_records_total{reason=invalid_event}").isEqualTo(3.0));
        }
    }

    @Test
    void aHandlerThatKeepsFailingIsRetriedThenDeadLetteredAndItsChangesRolledBack() throws Exception {
        double handlerFailedBefore = deadLettered("handler_failed");
        try (TopicReader dlq = new TopicReader(bootstrapServers, EventType.STOCK_CHANGED.dlqTopic())) {
            String poisoned = sku + "-poison";
            AppliedStock.FAILING_SKUS.add(poisoned);
            EncodedEvent refused = codec.encode(stockChanged(poisoned, 1));
            EncodedEvent next = codec.encode(stockChanged(sku, 1));
            // Same key, so the same partition: the good record waits behind the poisoned one.
            send(sku, refused.value(), refused.headers());
            send(sku, next.value(), next.headers());

            await().atMost(Duration.ofSeconds(90)).until(() -> applied(sku) == 1);
            List<ConsumerRecord<String, byte[]>> dead = await().atMost(Duration.ofSeconds(90))
                    .until(() -> dlq.read(record -> sku.equals(record.key())), records -> records.size() == 1);

            assertThat(header(dead.get(0), DeadLetterHeaders.REASON)).contains("after 3 attempts").contains("refusing " + poisoned);
            // One call in the failed batch, then three attempts on its own.
            assertThat(AppliedStock.ATTEMPTS.get(poisoned).get()).isEqualTo(4);
            assertThat(applied(poisoned)).as("rows the failing handler wrote").isZero();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(deadLettered("handler_failed") - handlerFailedBefore).as("oms_dlq_records_total{reason=handler_failed}").isEqualTo(1.0));
        }
    }

    @Test
    void aDatabaseThatIsAwayLongerThanTheAttemptsKeepsTheRecordInsteadOfDeadLetteringIt() throws Exception {
        double handlerFailedBefore = deadLettered("handler_failed");
        try (TopicReader dlq = new TopicReader(bootstrapServers, EventType.STOCK_CHANGED.dlqTopic())) {
            String restarting = sku + "-restart";
            // more failures than the batch try and the three attempts together: the record outlasts one replay
            AppliedStock.DATABASE_AWAY_FOR.put(restarting, new java.util.concurrent.atomic.AtomicInteger(6));
            EncodedEvent event = codec.encode(stockChanged(restarting, 1));
            send(restarting, event.value(), event.headers());

            await().atMost(Duration.ofSeconds(90)).until(() -> applied(restarting) == 1);
            assertThat(AppliedStock.ATTEMPTS.get(restarting).get()).as("handler calls: the failed ones and the one that applied").isEqualTo(7);
            assertThat(dlq.read(record -> restarting.equals(record.key()))).as("dead letters of the record").isEmpty();
            assertThat(deadLettered("handler_failed") - handlerFailedBefore).isZero();
        }
    }

    private double duplicatesSkipped() {
        Counter counter = registry.find("oms_inbox_duplicates_skipped_total").tags("consumer", AppliedStock.CONSUMER, "topic", TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private double deadLettered(String reason) {
        Counter counter = registry.find("oms_dlq_records_total").tags("consumer", AppliedStock.CONSUMER, "topic", TOPIC, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private InboxConsumers.Status status() {
        return consumers.status(AppliedStock.CONSUMER).orElseThrow();
    }

    private CloudEvent<StockChanged> stockChanged(String sku, long version) {
        StockChanged payload = new StockChanged(Sku.of(sku), List.of(new StockChanged.WarehouseStock("MAIN", 5)), 5, version);
        return CloudEvent.of("/inbox-test", EventType.STOCK_CHANGED, sku, payload, Clock.systemUTC());
    }

    private void send(String key, byte[] value, Map<String, String> headers) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, value);
        headers.forEach((name, headerValue) -> record.headers().add(new RecordHeader(name, headerValue.getBytes(StandardCharsets.UTF_8))));
        producer.send(record).get();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private long applied(String sku) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("select count(*) from applied_events where sku = ?")) {
            count.setString(1, sku);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
