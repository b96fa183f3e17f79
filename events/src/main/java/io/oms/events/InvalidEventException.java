package io.oms.events;

/**
 * Thrown when a record is not a valid event. {@link #reason()} names the problem in words an operator can act
 * on (a missing field by name, a wrong type with its JSON path, an unknown ce_type, not JSON, a missing header);
 * the messaging module puts it into the {@code dlq_reason} header.
 */
public class InvalidEventException extends Exception {

    private final String reason;

    public InvalidEventException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
