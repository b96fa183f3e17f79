package io.oms.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope around a payload record.
 *
 * @param id      the de-duplication key: consumers' inboxes remember it
 * @param source  who produced it, for example {@code /channel-etsy/shops/12345678}
 * @param subject what it is about within the source (usually the Kafka key), or null
 */
public record CloudEvent<T extends Record>(UUID id, String source, EventType type, Instant time, String subject, T data) {

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
        // A mismatch would publish a payload under another event's schema: a bug, caught where it is made.
        if (!type.payloadType().isInstance(data)) {
            throw new IllegalArgumentException(type + " carries " + type.payloadType().getSimpleName()
                    + ", not " + data.getClass().getSimpleName());
        }
    }

    /** A new event with a random id and the clock's current time. */
    public static <T extends Record> CloudEvent<T> of(String source, EventType type, String subject, T data, Clock clock) {
        return new CloudEvent<>(UUID.randomUUID(), source, type, clock.instant(), subject, data);
    }

    /** A new event whose type follows from the payload's class and whose subject is the payload's Kafka key. */
    public static <T extends Record & EventPayload> CloudEvent<T> of(String source, T data, Clock clock) {
        EventType type = EventType.byPayloadType(data.getClass())
                .orElseThrow(() -> new IllegalArgumentException(data.getClass() + " is no payload of the contract"));
        return of(source, type, data.kafkaKey(), data, clock);
    }

    /** The Kafka record key: the payload's {@link EventPayload#kafkaKey()}, else the subject. */
    public String key() {
        return data instanceof EventPayload payload ? payload.kafkaKey() : subject;
    }
}
