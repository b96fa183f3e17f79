package io.oms.events;

import io.oms.events.channel.ChannelPushResult;
import io.oms.events.channel.CustomerRedactionRequested;
import io.oms.events.channel.ListingDiscovered;
import io.oms.events.fulfilment.ShipmentCreated;
import io.oms.events.inventory.PriceChanged;
import io.oms.events.inventory.ReservationResult;
import io.oms.events.inventory.StockChanged;
import io.oms.events.order.OrderImported;
import io.oms.events.order.OrderStatusChanged;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event of the contract: its topic, CloudEvents type, payload record and schema. */
public enum EventType {
    ORDER_IMPORTED(Topics.ORDER_IMPORTED, "io.oms.order.imported.v1", OrderImported.class, "order-imported.v1"),
    STOCK_CHANGED(Topics.STOCK_CHANGED, "io.oms.stock.changed.v1", StockChanged.class, "stock-changed.v1"),
    PRICE_CHANGED(Topics.PRICE_CHANGED, "io.oms.price.changed.v1", PriceChanged.class, "price-changed.v1"),
    SHIPMENT_CREATED(Topics.SHIPMENT_CREATED, "io.oms.shipment.created.v1", ShipmentCreated.class, "shipment-created.v1"),
    ORDER_STATUS_CHANGED(Topics.ORDER_STATUS_CHANGED, "io.oms.order.status-changed.v1", OrderStatusChanged.class,
            "order-status-changed.v1"),
    RESERVATION_RESULT(Topics.RESERVATION_RESULT, "io.oms.reservation.result.v1", ReservationResult.class,
            "reservation-result.v1"),
    LISTING_DISCOVERED(Topics.LISTING_DISCOVERED, "io.oms.listing.discovered.v1", ListingDiscovered.class,
            "listing-discovered.v1"),
    CHANNEL_PUSH_RESULT(Topics.CHANNEL_PUSH_RESULT, "io.oms.channel.push-result.v1", ChannelPushResult.class,
            "channel-push-result.v1"),
    CUSTOMER_REDACTION_REQUESTED(Topics.CUSTOMER_REDACTION_REQUESTED, "io.oms.customer.redaction-requested.v1",
            CustomerRedactionRequested.class, "customer-redaction-requested.v1");

    private static final Map<String, EventType> BY_CE_TYPE = index(EventType::ceType);
    private static final Map<String, EventType> BY_TOPIC = index(EventType::topic);
    private static final Map<Class<?>, EventType> BY_PAYLOAD = index(EventType::payloadType);

    private final String topic;
    private final String ceType;
    private final Class<? extends Record> payloadType;
    private final String name;

    EventType(String topic, String ceType, Class<? extends Record> payloadType, String name) {
        this.topic = topic;
        this.ceType = ceType;
        this.payloadType = payloadType;
        this.name = name;
    }

    /** The Kafka topic, for example {@code oms.order-imported.v1}. */
    public String topic() {
        return topic;
    }

    /** The dead-letter topic: {@code topic() + ".dlq"}. */
    public String dlqTopic() {
        return Topics.dlq(topic);
    }

    /**
     * Whether the topic is log-compacted (cleanup.policy=compact): the latest record per key is the truth,
     * so a new consumer can rebuild its state from the topic (DESIGN section 4). Topic creation reads this.
     */
    public boolean compacted() {
        return this == STOCK_CHANGED || this == PRICE_CHANGED;
    }

    /** The CloudEvents {@code type}, for example {@code io.oms.order.imported.v1}. */
    public String ceType() {
        return ceType;
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    /** The schema's class path resource, for example {@code schemas/order-imported.v1.schema.json}. */
    public String schemaResource() {
        return "schemas/" + name + ".schema.json";
    }

    /** The example document's class path resource, for example {@code examples/order-imported.v1.example.json}. */
    public String exampleResource() {
        return "examples/" + name + ".example.json";
    }

    public static Optional<EventType> byCeType(String ceType) {
        return Optional.ofNullable(ceType).map(BY_CE_TYPE::get);
    }

    public static Optional<EventType> byTopic(String topic) {
        return Optional.ofNullable(topic).map(BY_TOPIC::get);
    }

    /** The event type whose payload is {@code payloadType}. */
    public static Optional<EventType> byPayloadType(Class<?> payloadType) {
        return Optional.ofNullable(payloadType).map(BY_PAYLOAD::get);
    }

    private static <K> Map<K, EventType> index(Function<EventType, K> key) {
        return Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }
}
