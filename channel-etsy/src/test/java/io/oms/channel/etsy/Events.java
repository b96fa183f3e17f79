package io.oms.channel.etsy;

import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.EncodedEvent;
import io.oms.events.EventPayload;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Publishes events as the other services would: CloudEvents in binary mode on their topic, keyed as the contract says. */
final class Events {

    private static final CloudEventCodec CODEC = new CloudEventCodec();

    private Events() {
    }

    /** Waits until the connector's consumers have joined their groups (tests start consumers at the latest offset). */
    static void consumersReady() {
        await().atMost(java.time.Duration.ofSeconds(120)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @SafeVarargs
    static <T extends Record & EventPayload> void publish(String source, T... payloads) {
        publish(source, List.of(payloads));
    }

    static <T extends Record & EventPayload> void publish(String source, List<T> payloads) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (T payload : payloads) {
                CloudEvent<T> event = CloudEvent.of(source, payload, Clock.systemUTC());
                EncodedEvent encoded = CODEC.encode(event);
                producer.send(new ProducerRecord<>(event.type().topic(), null, event.key(), encoded.value(), encoded.kafkaHeaders()));
            }
            producer.flush();
        }
    }
}
