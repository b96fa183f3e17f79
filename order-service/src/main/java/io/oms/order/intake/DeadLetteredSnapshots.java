package io.oms.order.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.events.CloudEventHeaders;
import io.oms.events.DeadLetterHeaders;
import io.oms.events.EventType;
import io.oms.messaging.KafkaClients;
import io.oms.messaging.config.MessagingConfig;
import io.oms.order.config.OrderConfig;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records snapshots that the contract refused as rejected orders, so that none is silently dropped.
 *
 * <p>messaging validates OrderImported against its JSON Schema before our handler sees it, and the schema
 * already refuses the impossible snapshots (no lines, a negative quantity): they land in
 * {@code oms.order-imported.v1.dlq} with the reason. This listener reads that topic (its own consumer group)
 * and stores each record as a rejected snapshot with the DLQ reason; offsets are committed after the
 * database transaction, and the event id makes a replay harmless.
 */
@ApplicationScoped
public class DeadLetteredSnapshots {

    /** The consumer group (plus the configured suffix) of this listener. */
    public static final String CONSUMER_NAME = "order-service.order-imported-dlq";

    private final MessagingConfig messaging;
    private final OrderConfig config;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private volatile boolean joined;
    private Thread thread;

    public DeadLetteredSnapshots(MessagingConfig messaging, OrderConfig config, Clock clock) {
        this.messaging = messaging;
        this.config = config;
        this.clock = clock;
    }

    /** True when the listener is disabled or has joined its group. */
    public boolean ready() {
        return !enabled() || (running && joined);
    }

    boolean enabled() {
        return config.recordDeadLetteredSnapshots() && messaging.consumer().enabled();
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled()) {
            return;
        }
        String group = CONSUMER_NAME + messaging.consumer().groupSuffix().orElse("");
        consumer = new KafkaConsumer<>(KafkaClients.consumer(messaging.bootstrapServers(), group,
                messaging.consumer().autoOffsetReset(), messaging.consumer().maxPollRecords()));
        running = true;
        thread = new Thread(this::run, "dlq-" + CONSUMER_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(EventType.ORDER_IMPORTED.dlqTopic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    fixStartingPositions(partitions);
                    joined = !consumer.assignment().isEmpty();
                }
            });
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    QuarkusTransaction.requiringNew().run(() -> records.forEach(this::record));
                    consumer.commitSync();
                } catch (RuntimeException e) {
                    Log.warnf(e, "could not record %d dead-lettered snapshots; replaying them", records.count());
                    records.partitions().forEach(partition -> consumer.seek(partition, records.records(partition).get(0).offset()));
                    sleep(messaging.consumer().maxBackoff());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    /**
     * A new group's start (auto-offset-reset) is looked up only after the assignment, so a record written
     * between the assignment and that look-up would be skipped under {@code latest}: look the positions up
     * now, before this listener calls itself ready, and commit them, so that a later rebalance or restart
     * continues from here instead of looking up "the end" again.
     */
    private void fixStartingPositions(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        for (TopicPartition partition : partitions) {
            if (committed.get(partition) == null) {
                start.put(partition, new OffsetAndMetadata(consumer.position(partition)));
            }
        }
        if (!start.isEmpty()) {
            consumer.commitSync(start);
        }
    }

    private void record(ConsumerRecord<String, byte[]> record) {
        String reason = header(record, DeadLetterHeaders.REASON);
        UUID eventId = uuid(header(record, CloudEventHeaders.ID));
        String payload = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        JsonNode snapshot = parse(payload);
        String channel = text(snapshot, "channel");
        String shopId = text(snapshot, "shopId");
        String externalOrderId = text(snapshot, "externalOrderId");
        Long revision = snapshot != null && snapshot.path("revision").canConvertToLong() ? snapshot.path("revision").asLong() : null;
        String orderKey = channel != null && shopId != null && externalOrderId != null
                ? channel + ":" + shopId + ":" + externalOrderId : record.key();
        Log.infof("order %s revision %s rejected by the contract: %s", orderKey, revision, reason);
        OrderIntake.RejectedSnapshots.record(eventId, orderKey, channel, shopId, externalOrderId, revision,
                reason == null ? "dead-lettered without a reason" : reason, payload, clock.instant());
    }

    private JsonNode parse(String payload) {
        try {
            return payload == null ? null : json.readTree(payload);
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.path(field).isTextual() ? node.path(field).asText() : null;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
