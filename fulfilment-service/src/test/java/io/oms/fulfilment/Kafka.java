package io.oms.fulfilment;

import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.EncodedEvent;
import io.oms.events.EventPayload;
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
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The real broker, as a test sees it: send events as order-service would, read what this service published. */
public final class Kafka {

    private static final CloudEventCodec CODEC = new CloudEventCodec();

    private static KafkaProducer<String, byte[]> producer;

    private Kafka() {
    }

    /** One producer for the test JVM: making one per record costs more than the test itself. */
    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(KafkaClients.producer(bootstrap(), "fulfilment-test"));
        }
        return producer;
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Waits until the service's consumers joined their groups: records sent before would be missed. */
    public static void awaitReady() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    /** Sends the event and answers its id (ce_id). */
    public static <T extends Record & EventPayload> UUID send(String source, T payload) {
        CloudEvent<T> event = CloudEvent.of(source, payload, Clock.systemUTC());
        EncodedEvent encoded = CODEC.encode(event);
        try {
            producer().send(new ProducerRecord<>(event.type().topic(), null, event.key(), encoded.value(), encoded.kafkaHeaders())).get();
            return event.id();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send " + payload, e);
        }
    }

    /** Waits until a consumer of this service recorded the event in its inbox: its handler's transaction committed. */
    public static void awaitHandled(UUID eventId) {
        DataSource dataSource = Arc.container().instance(DataSource.class).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement("select count(*) from inbox where event_id = ?")) {
                query.setObject(1, eventId);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    return result.getInt(1) > 0;
                }
            }
        });
    }

    /** Reads a topic from its end at creation: what is really published from then on. */
    public static final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<CloudEvent<?>> seen = new ArrayList<>();

        public Reader(String topic) {
            createIfMissing(topic);
            consumer = new KafkaConsumer<>(KafkaClients.consumer(bootstrap(), "reader-" + UUID.randomUUID(), "earliest", 500));
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        /** Polls once; answers every event read so far whose Kafka key is the given one. */
        @SuppressWarnings("unchecked")
        public <T extends Record> List<T> payloadsWithKey(String key) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    seen.add(CODEC.decode(record.headers(), record.value()));
                } catch (Exception e) {
                    throw new IllegalStateException("undecodable record on " + record.topic(), e);
                }
            }
            return seen.stream().filter(event -> key.equals(event.key())).map(event -> (T) event.data()).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private static void createIfMissing(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
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
}
