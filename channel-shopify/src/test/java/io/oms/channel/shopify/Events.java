package io.oms.channel.shopify;

import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.EncodedEvent;
import io.oms.events.EventPayload;
import io.oms.messaging.KafkaClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Sends events to the real broker as another service would. */
public final class Events {

    private static final CloudEventCodec CODEC = new CloudEventCodec();
    private static KafkaProducer<String, byte[]> producer;

    private Events() {
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(KafkaClients.producer(
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "channel-shopify-test"));
        }
        return producer;
    }

    /** Waits until the service's consumers joined their groups: records sent before would be missed. */
    public static void awaitConsumersReady() {
        await().atMost(Duration.ofSeconds(90)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    public static <T extends Record & EventPayload> void send(String source, T payload) {
        CloudEvent<T> event = CloudEvent.of(source, payload, Clock.systemUTC());
        EncodedEvent encoded = CODEC.encode(event);
        try {
            producer().send(new ProducerRecord<>(event.type().topic(), null, event.key(), encoded.value(), encoded.kafkaHeaders())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send " + payload, e);
        }
    }

    /** Sends all, in this order, and waits until the broker has every one. */
    public static <T extends Record & EventPayload> void sendAll(String source, List<T> payloads) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (T payload : payloads) {
            CloudEvent<T> event = CloudEvent.of(source, payload, Clock.systemUTC());
            EncodedEvent encoded = CODEC.encode(event);
            sent.add(producer().send(new ProducerRecord<>(event.type().topic(), null, event.key(), encoded.value(), encoded.kafkaHeaders())));
        }
        try {
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send", e);
        }
    }
}
