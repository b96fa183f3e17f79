package io.oms.events;

/** Topic names as constants, for annotations and for teams outside this repository. */
public final class Topics {

    public static final String ORDER_IMPORTED = "oms.order-imported.v1";
    public static final String STOCK_CHANGED = "oms.stock-changed.v1";
    public static final String PRICE_CHANGED = "oms.price-changed.v1";
    public static final String SHIPMENT_CREATED = "oms.shipment-created.v1";
    public static final String ORDER_STATUS_CHANGED = "oms.order-status-changed.v1";
    public static final String RESERVATION_RESULT = "oms.reservation-result.v1";
    public static final String LISTING_DISCOVERED = "oms.listing-discovered.v1";
    public static final String CHANNEL_PUSH_RESULT = "oms.channel-push-result.v1";
    public static final String CUSTOMER_REDACTION_REQUESTED = "oms.customer-redaction-requested.v1";

    /** Appended to a topic to name its dead-letter topic. */
    public static final String DLQ_SUFFIX = ".dlq";

    /** The dead-letter topic of {@code topic}. */
    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }

    private Topics() {
    }
}
