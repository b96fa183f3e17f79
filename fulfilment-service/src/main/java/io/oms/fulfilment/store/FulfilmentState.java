package io.oms.fulfilment.store;

/** Where a fulfilment order stands in the warehouse. */
public enum FulfilmentState {
    OPEN,
    PICKED,
    PACKED,
    PARTIALLY_SHIPPED,
    SHIPPED,
    CANCELLED
}
