package io.oms.events.order;

/**
 * The canonical order status a connector maps each marketplace status to (DESIGN section 7),
 * so that order-service maps one vocabulary to OMS statuses instead of one per marketplace.
 * A new value is a breaking change: it needs a new topic version.
 */
public enum ChannelStatus {
    /** Placed, payment not yet captured (Etsy open / payment processing, Shopify PENDING or AUTHORIZED). */
    PENDING,
    /** Paid, nothing shipped (Etsy paid, Shopify PAID + UNFULFILLED). */
    PAID,
    /** Some lines shipped (Shopify PARTIALLY_FULFILLED). */
    PARTIALLY_SHIPPED,
    /** Shipped, tracking sent (Etsy completed + is_shipped, Shopify FULFILLED). */
    SHIPPED,
    /** Delivered to the buyer. */
    DELIVERED,
    /** Cancelled on the marketplace. */
    CANCELLED,
    /** Fully refunded. */
    REFUNDED
}
