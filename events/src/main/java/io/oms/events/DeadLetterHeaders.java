package io.oms.events;

/**
 * Headers that the messaging module adds when it moves a record to {@code <topic>.dlq}.
 * The original headers and value are kept as they were, so the record can be replayed.
 */
public final class DeadLetterHeaders {

    /** Why the record was refused: an {@link InvalidEventException#reason()} or the handler's failure. */
    public static final String REASON = "dlq_reason";
    public static final String SOURCE_TOPIC = "dlq_source_topic";
    public static final String SOURCE_PARTITION = "dlq_source_partition";
    public static final String SOURCE_OFFSET = "dlq_source_offset";

    private DeadLetterHeaders() {
    }
}
