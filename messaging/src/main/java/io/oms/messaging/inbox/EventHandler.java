package io.oms.messaging.inbox;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;

/**
 * What a service implements to consume one event type. The messaging layer does the rest around
 * it: polling, schema validation, the inbox check, the transaction, offsets, retries and the DLQ.
 *
 * <p>{@link #handle} runs inside the database transaction that also records the event in the
 * inbox: it changes the service's tables (and may add outbox events) and must have no other side
 * effect, because a failed transaction is retried.
 *
 * @param <T> the payload record of {@link #eventType()}
 */
public interface EventHandler<T extends Record> {

    /** The event this handler consumes; its topic is subscribed. */
    EventType eventType();

    /** A stable name: the Kafka consumer group and the inbox's consumer column. */
    String consumerName();

    void handle(CloudEvent<T> event);
}
