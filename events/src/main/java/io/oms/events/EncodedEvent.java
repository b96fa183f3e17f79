package io.oms.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The Kafka binary-mode form of an event: ce_* headers (and content-type) as UTF-8 strings, JSON value bytes.
 *
 * @param headers header name to value, in the order they should be written
 */
public record EncodedEvent(Map<String, String> headers, byte[] value) {

    public EncodedEvent {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(value, "value");
    }

    /** The headers as Kafka record headers, values UTF-8 encoded. */
    public Headers kafkaHeaders() {
        RecordHeaders kafka = new RecordHeaders();
        headers.forEach((name, text) -> kafka.add(name, text.getBytes(StandardCharsets.UTF_8)));
        return kafka;
    }

    /** The value as text, for logs and outbox columns. */
    public String valueAsString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    // Records compare arrays by identity; an encoded event is a value, so compare the bytes.
    @Override
    public boolean equals(Object other) {
        return other instanceof EncodedEvent that && headers.equals(that.headers) && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * headers.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "EncodedEvent[headers=" + headers + ", value=" + valueAsString() + "]";
    }
}
