package io.oms.messaging.inbox;

import io.oms.events.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutionException;

/**
 * Sends a record that cannot be applied to {@code <topic>.dlq}: the same key, value and headers,
 * plus why and where it came from, so an operator can inspect and replay it.
 */
public final class DeadLetters {

    /** Which consumer refused it (the contract's {@link DeadLetterHeaders} name the others). */
    public static final String CONSUMER = "dlq_consumer";
    public static final String FAILED_AT = "dlq_failed_at";

    private static final int MAX_REASON_LENGTH = 2000;

    private final Producer<String, byte[]> producer;
    private final Clock clock;

    public DeadLetters(Producer<String, byte[]> producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    public static String topicFor(String topic) {
        return topic + ".dlq";
    }

    /** Sends and waits for the broker's acknowledgement, so the source offset may be committed after. */
    public void send(ConsumerRecord<String, byte[]> record, String consumer, String reason) throws InterruptedException, ExecutionException {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topicFor(record.topic()), record.key(), record.value());
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        String shortReason = reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
        add(dead, DeadLetterHeaders.REASON, shortReason);
        add(dead, DeadLetterHeaders.SOURCE_TOPIC, record.topic());
        add(dead, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(record.partition()));
        add(dead, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(record.offset()));
        add(dead, CONSUMER, consumer);
        add(dead, FAILED_AT, clock.instant().toString());
        producer.send(dead).get();
    }

    private static void add(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
