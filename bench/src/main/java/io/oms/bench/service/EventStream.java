package io.oms.bench.service;

import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.EncodedEvent;
import io.oms.events.EventType;
import io.oms.events.InvalidEventException;
import io.oms.messaging.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * The bench's own ends of the topics: a producer that writes events as a service would (CloudEvents binary mode,
 * acks=all), and tails that read a topic from its current end on a thread of their own, keeping the arrival time
 * of each matching event.
 */
public final class EventStream implements AutoCloseable {

    /** An event as it arrived, with the bench's clock when it did. */
    public record Arrival(CloudEvent<?> event, long arrivedNanos) {
    }

    private static final String KAFKA = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

    private final CloudEventCodec codec;
    private final KafkaProducer<String, byte[]> producer;

    public EventStream(CloudEventCodec codec) {
        this.codec = codec;
        this.producer = new KafkaProducer<>(KafkaClients.producer(KAFKA, "oms-bench-driver"));
    }

    /** Sends without waiting; {@link #flush()} waits for every acknowledgement. */
    public void send(CloudEvent<?> event) {
        EncodedEvent encoded = codec.encode(event);
        producer.send(new ProducerRecord<>(event.type().topic(), null, event.key(), encoded.value(), encoded.kafkaHeaders()));
    }

    public void flush() {
        producer.flush();
    }

    /** Starts reading {@code type}'s topic from its end now; events that {@code keep} accepts are collected. */
    public Tail tail(EventType type, Predicate<CloudEvent<?>> keep) {
        return new Tail(type, keep);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    public final class Tail implements AutoCloseable {

        private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread thread;
        private volatile boolean running = true;

        private Tail(EventType type, Predicate<CloudEvent<?>> keep) {
            Map<String, Object> config = KafkaClients.consumer(KAFKA, "oms-bench-tail-" + UUID.randomUUID(), "latest", 2_000);
            consumer = new KafkaConsumer<>(config);
            List<TopicPartition> partitions = consumer.partitionsFor(type.topic()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fixes the end now, before anything is sent
            thread = new Thread(() -> {
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        try {
                            CloudEvent<?> event = codec.decode(record.headers(), record.value());
                            if (keep.test(event)) {
                                arrivals.add(new Arrival(event, now));
                            }
                        } catch (InvalidEventException e) {
                            // another writer's record; not the bench's
                        }
                    }
                }
                consumer.close();
            }, "bench-tail-" + type.topic());
            thread.setDaemon(true);
            thread.start();
        }

        /** Everything collected so far, and forgets it. */
        public List<Arrival> drain() {
            List<Arrival> drained = new java.util.ArrayList<>();
            Arrival arrival;
            while ((arrival = arrivals.poll()) != null) {
                drained.add(arrival);
            }
            return drained;
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
