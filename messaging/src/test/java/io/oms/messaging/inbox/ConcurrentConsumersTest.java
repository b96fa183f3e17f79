package io.oms.messaging.inbox;

import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.EncodedEvent;
import io.oms.events.EventType;
import io.oms.events.Sku;
import io.oms.events.inventory.StockChanged;
import io.oms.messaging.AppliedStock;
import io.oms.messaging.KafkaClients;
import io.oms.messaging.KafkaConnection;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code oms.messaging.consumer.concurrency=3}: three consumers of one handler share the 12 partitions of its topic, every
 * event is applied exactly once (counted through the inbox and the handler's own rows) and the handler's status adds them up.
 */
@QuarkusTest
@TestProfile(ConcurrentConsumersTest.ThreeConsumers.class)
class ConcurrentConsumersTest {

    public static class ThreeConsumers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // latest: this suite's fresh group reads only what it sends, not what earlier suites left on the shared topic
            return Map.of("oms.messaging.consumer.concurrency", "3", "oms.messaging.consumer.auto-offset-reset", "latest");
        }
    }

    private static final int EVENTS = 240;

    @Inject
    InboxConsumers consumers;
    @Inject
    CloudEventCodec codec;
    @Inject
    KafkaConnection connection;
    @Inject
    DataSource dataSource;
    @Inject
    Clock clock;

    @Test
    void threeConsumersShareTheTopicsPartitionsAndApplyEveryEventExactlyOnce() throws Exception {
        List<InboxConsumer> instances = consumers.instances(AppliedStock.CONSUMER);
        assertThat(instances).hasSize(3);
        await().atMost(Duration.ofSeconds(120)).until(() -> consumers.status(AppliedStock.CONSUMER).map(InboxConsumers.Status::joined).orElse(false)
                && instances.stream().allMatch(instance -> instance.partitions() > 0)
                && instances.stream().mapToInt(InboxConsumer::partitions).sum() == 12);
        long appliedBefore = consumers.status(AppliedStock.CONSUMER).orElseThrow().applied();

        String prefix = "C" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<UUID> eventIds = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(connection.settings(), "concurrency-test"))) {
            for (int i = 0; i < EVENTS; i++) {
                String sku = prefix + i;
                CloudEvent<StockChanged> event = CloudEvent.of("/test", new StockChanged(Sku.of(sku), List.of(), 0, 1), clock);
                EncodedEvent encoded = codec.encode(event);
                eventIds.add(event.id());
                producer.send(new ProducerRecord<>(EventType.STOCK_CHANGED.topic(), null, sku, encoded.value(), encoded.kafkaHeaders()));
                if (i % 3 == 0) {
                    // a redelivery: the inbox must skip it, whichever consumer holds the partition
                    producer.send(new ProducerRecord<>(EventType.STOCK_CHANGED.topic(), null, sku, encoded.value(), encoded.kafkaHeaders()));
                }
            }
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> count("select count(*) from inbox where consumer = ? and event_id = any(?)",
                AppliedStock.CONSUMER, eventIds) == EVENTS);
        await().atMost(Duration.ofSeconds(60)).until(() -> consumers.status(AppliedStock.CONSUMER).orElseThrow().applied() - appliedBefore == EVENTS);

        assertThat(count("select count(*) from applied_events where sku like ?", prefix + "%", null)).as("rows the handler wrote")
                .isEqualTo(EVENTS);
        assertThat(count("select count(distinct sku) from applied_events where sku like ?", prefix + "%", null)).isEqualTo(EVENTS);
        assertThat(AppliedStock.THREADS.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .distinct()).as("threads that applied the events").containsExactlyInAnyOrder(
                        "inbox-" + AppliedStock.CONSUMER + "-0", "inbox-" + AppliedStock.CONSUMER + "-1", "inbox-" + AppliedStock.CONSUMER + "-2");
        InboxConsumers.Status status = consumers.status(AppliedStock.CONSUMER).orElseThrow();
        assertThat(status.running()).isTrue();
        assertThat(status.joined()).isTrue();
        assertThat(status.applied()).isEqualTo(instances.stream().mapToLong(InboxConsumer::applied).sum());
        assertThat(status.duplicates()).isEqualTo(instances.stream().mapToLong(InboxConsumer::duplicates).sum());
        assertThat(consumers.status().stream().filter(one -> one.consumer().equals(AppliedStock.CONSUMER))).as("one status per consumer")
                .hasSize(1);
    }

    private long count(String sql, String parameter, List<UUID> ids) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            if (ids != null) {
                query.setArray(2, db.createArrayOf("uuid", ids.toArray()));
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
