package io.oms.channel.core.shop;

/** Which marketplace orders become OrderImported events. */
public enum ImportMode {
    /** Paid orders only (and later changes of them). */
    PAID,
    /** Every order, paid or not, shipped or not. */
    ALL
}
