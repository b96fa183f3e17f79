package io.oms.inventory;

import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.EncodedEvent;
import io.oms.events.EventType;
import io.oms.events.InvalidEventException;
import io.oms.messaging.KafkaClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** The real broker as tests see it: send events as another service would, read what this one published. */
final class KafkaTopics {

    private KafkaTopics() {
    }

    static void send(String bootstrapServers, CloudEventCodec codec, List<? extends CloudEvent<?>> events) {
        createIfMissing(bootstrapServers, events.get(0).type().topic());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(bootstrapServers, "inventory-test"))) {
            for (CloudEvent<?> event : events) {
                EncodedEvent encoded = codec.encode(event);
                producer.send(new ProducerRecord<>(event.type().topic(), null, event.key(), encoded.value(), encoded.kafkaHeaders()));
            }
            producer.flush();
        }
    }

    static void createIfMissing(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads one topic from its end at the time of creation, decoding every record; no consumer group. */
    static final class Reader<T extends Record> implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final CloudEventCodec codec;
        private final List<T> seen = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();

        Reader(String bootstrapServers, CloudEventCodec codec, EventType type) {
            this.codec = codec;
            createIfMissing(bootstrapServers, type.topic());
            consumer = new KafkaConsumer<>(KafkaClients.consumer(bootstrapServers, "reader-" + UUID.randomUUID(), "earliest", 5000));
            List<TopicPartition> partitions = consumer.partitionsFor(type.topic(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(type.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        /** Polls once; answers the payloads read so far whose key is {@code key}, in order. */
        @SuppressWarnings("unchecked")
        synchronized List<T> read(String key) {
            for (var record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    T payload = (T) codec.decode(record.headers(), record.value()).data();
                    keys.add(record.key());
                    seen.add(payload);
                } catch (InvalidEventException e) {
                    throw new AssertionError("the service published an invalid event: " + e.reason(), e);
                }
            }
            List<T> matching = new ArrayList<>();
            for (int i = 0; i < seen.size(); i++) {
                if (key.equals(keys.get(i))) {
                    matching.add(seen.get(i));
                }
            }
            return matching;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
