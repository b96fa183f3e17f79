package io.oms.messaging.inbox;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;

import java.util.List;

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

    /**
     * Called once per batch transaction (a poll's records applied together), after the inbox check and before the first
     * {@link #handle}, with the events that will be handled, in order: lets a handler look up what the whole batch needs
     * in a few queries instead of a few per event. Not called when records are applied one by one (after a batch
     * failed), so {@link #handle} must work without it.
     */
    default void beforeBatch(List<CloudEvent<T>> events) {
    }

    /**
     * Whether messaging flushes and clears the JPA persistence context after each event of a batch (the default; see
     * {@code PersistenceContext}). A handler whose look-ups never trigger Hibernate's auto flush may answer false: the
     * batch's entities then stay managed and are flushed once, at commit, in JDBC batches.
     */
    default boolean flushAfterEachEvent() {
        return true;
    }
}
