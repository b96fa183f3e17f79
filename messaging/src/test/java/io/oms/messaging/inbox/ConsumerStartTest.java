package io.oms.messaging.inbox;

import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.EncodedEvent;
import io.oms.events.EventType;
import io.oms.events.Sku;
import io.oms.events.inventory.StockChanged;
import io.oms.messaging.KafkaClients;
import io.oms.messaging.KafkaConnection;
import io.oms.messaging.config.MessagingConfig;
import io.oms.messaging.metrics.MessagingMetrics;
import io.oms.messaging.tracing.EventTracing;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new consumer group under {@code auto.offset.reset=latest}: a record written the moment the consumer says it has
 * joined (readiness turns "consuming") is applied, not skipped by a "latest" looked up after it.
 */
@QuarkusTest
class ConsumerStartTest {

    @Inject
    CloudEventCodec codec;
    @Inject
    InboxStore inbox;
    @Inject
    io.oms.messaging.outbox.Outbox outbox;
    @Inject
    MessagingConfig config;
    @Inject
    KafkaConnection connection;
    @Inject
    Clock clock;
    @Inject
    MessagingMetrics metrics;
    @Inject
    EventTracing tracing;

    @Test
    void aRecordWrittenTheMomentANewGroupHasJoinedIsApplied() throws Exception {
        List<String> applied = new CopyOnWriteArrayList<>();
        String group = "consumer-start-test-" + UUID.randomUUID();
        EventHandler<StockChanged> handler = new EventHandler<>() {
            @Override
            public EventType eventType() {
                return EventType.STOCK_CHANGED;
            }

            @Override
            public String consumerName() {
                return group;
            }

            @Override
            public void handle(CloudEvent<StockChanged> event) {
                applied.add(event.data().sku().value());
            }
        };
        String sku = "START-" + UUID.randomUUID().toString().substring(0, 8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(connection.settings(), "consumer-start-test"));
                KafkaProducer<String, byte[]> deadLetterProducer = new KafkaProducer<>(KafkaClients.producer(connection.settings(), "dlq"))) {
            EncodedEvent encoded = codec.encode(CloudEvent.of("/test", new StockChanged(Sku.of(sku), List.of(), 0, 1), clock));
            // Writes the record right after the consumer's own listener ran, before its first fetch: the moment
            // readiness turns "consuming". Deterministic, unlike racing a producer against the poll loop.
            KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(KafkaClients.consumer(connection.settings(), group, "latest", 100)) {
                @Override
                public void subscribe(Collection<String> topics, ConsumerRebalanceListener listener) {
                    super.subscribe(topics, new ConsumerRebalanceListener() {
                        @Override
                        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                            listener.onPartitionsRevoked(partitions);
                        }

                        @Override
                        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                            listener.onPartitionsAssigned(partitions);
                            if (!partitions.isEmpty()) {
                                try {
                                    producer.send(new ProducerRecord<>(EventType.STOCK_CHANGED.topic(), null, sku, encoded.value(),
                                            encoded.kafkaHeaders())).get();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            }
                        }
                    });
                }
            };
            InboxConsumer consumer = new InboxConsumer(handler, kafka, codec, inbox, outbox, new DeadLetters(deadLetterProducer, clock), config.consumer(),
                    metrics.consumer(group, EventType.STOCK_CHANGED), tracing);
            Thread thread = new Thread(consumer, "consumer-start-test");
            thread.start();
            try {
                await().atMost(Duration.ofSeconds(120)).until(consumer::joined);
                await().atMost(Duration.ofSeconds(60)).until(() -> applied.contains(sku));
                assertThat(applied).containsExactly(sku);
            } finally {
                consumer.stop();
                thread.join(30_000);
            }
        }
    }
}
