package io.oms.fulfilment.intake;

/** What fulfilment does when an order reaches a status. */
public enum OrderReaction {
    /** Create the fulfilment order (once). */
    RELEASE,
    /** Cancel it if not packed yet, else flag it for an operator. */
    CANCEL,
    /** Nothing to do here. */
    IGNORE
}
