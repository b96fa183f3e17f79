package io.oms.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.EncodedEvent;
import io.oms.events.EventType;
import io.oms.events.order.OrderImported;
import io.oms.messaging.KafkaClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/** The test's side of the real broker: produce events as a connector would, read what the service published. */
public final class TestKafka {

    private static final CloudEventCodec CODEC = new CloudEventCodec();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, byte[]> producer;
    private static boolean consumersAssigned;

    private TestKafka() {
    }

    public static CloudEventCodec codec() {
        return CODEC;
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(KafkaClients.producer(bootstrap(), "order-service-test"));
        }
        return producer;
    }

    /**
     * Waits until every consumer of the service reads every partition of its topic (see {@link Probes} for why
     * readiness alone is not enough), once per test JVM.
     */
    public static synchronized void awaitConsumersAssigned() {
        if (consumersAssigned) {
            return;
        }
        // The service creates the topics it reads at start; the one it only writes is created here with the
        // contract's partitions, so that a Reader can assign it before the first OrderStatusChanged.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            createIfMissing(admin, EventType.ORDER_STATUS_CHANGED.topic());
        }
        Probes.run();
        consumersAssigned = true;
    }

    /**
     * The same after the service restarted with another test profile: a new consumer group (and database), whose
     * positions the probes must fix again.
     */
    public static synchronized void awaitConsumersAssignedAfterRestart() {
        consumersAssigned = false;
        awaitConsumersAssigned();
    }

    private static void createIfMissing(Admin admin, String topic) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(12), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many partitions the topic has. */
    public static int partitions(String topic) {
        return producer().partitionsFor(topic).size();
    }

    /** Sends one event as a producer outside the service would (CloudEvents binary mode), keyed as its payload says. */
    public static void send(CloudEvent<?> event) {
        sendAsync(event);
        producer().flush();
    }

    public static Future<?> sendAsync(CloudEvent<?> event) {
        EncodedEvent encoded = CODEC.encode(event);
        return producer().send(new ProducerRecord<>(event.type().topic(), null, event.key(), encoded.value(), encoded.kafkaHeaders()));
    }

    /** Sends one event to the given partition of its topic (probes reach every partition this way). */
    public static void sendTo(int partition, CloudEvent<?> event) {
        EncodedEvent encoded = CODEC.encode(event);
        producer().send(new ProducerRecord<>(event.type().topic(), partition, event.key(), encoded.value(), encoded.kafkaHeaders()));
    }

    /**
     * Sends an OrderImported whose lines were emptied after encoding: valid in every other respect, refused by the
     * contract ({@code lines} has minItems 1), as a producer that skips validation would send it.
     */
    public static void sendWithoutLines(CloudEvent<OrderImported> event) {
        sendAltered(event, value -> value.putArray("lines"));
    }

    /** Sends the event with its encoded JSON value changed by {@code change}, headers and key unchanged. */
    public static void sendAltered(CloudEvent<OrderImported> event, java.util.function.Consumer<ObjectNode> change) {
        try {
            EncodedEvent encoded = CODEC.encode(event);
            ObjectNode value = (ObjectNode) JSON.readTree(encoded.value());
            change.accept(value);
            sendRaw(EventType.ORDER_IMPORTED.topic(), event.key(), encoded.kafkaHeaders(), JSON.writeValueAsBytes(value));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends an already encoded record unchanged (a redelivery, or a value the codec would refuse). */
    public static void sendRaw(String topic, String key, Headers headers, byte[] value) {
        producer().send(new ProducerRecord<>(topic, null, key, value, headers));
        producer().flush();
    }

    public static void sendRawAsync(String topic, String key, Headers headers, byte[] value) {
        producer().send(new ProducerRecord<>(topic, null, key, value, headers));
    }

    public static void flush() {
        producer().flush();
    }

    /** Reads a topic from its current end on, without a consumer group. */
    public static final class Reader implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        public Reader(String topic) {
            consumer = new KafkaConsumer<>(KafkaClients.consumer(bootstrap(), "reader-" + UUID.randomUUID(), "earliest", 5000));
            Collection<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        /** Polls once; answers every record seen so far that matches. */
        public List<ConsumerRecord<String, byte[]>> read(Predicate<ConsumerRecord<String, byte[]>> filter) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(filter).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
