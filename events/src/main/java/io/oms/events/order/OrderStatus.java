package io.oms.events.order;

/**
 * The OMS order statuses (DESIGN section 7). order-service owns the machine that moves between them;
 * this enum is only their published names. A new value is a breaking change: it needs a new topic version.
 */
public enum OrderStatus {
    /** Held for manual release by the shop's settings. */
    ON_HOLD,
    NEW,
    /** Waiting for stock. */
    PARTIAL,
    READY_FOR_PICKING,
    PACKED,
    READY_TO_SHIP,
    IN_TRANSIT,
    COMPLETED,
    CANCEL_IN_PROCESS,
    CANCELLED
}
