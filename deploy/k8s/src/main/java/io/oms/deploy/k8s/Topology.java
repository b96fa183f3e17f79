package io.oms.deploy.k8s;

import io.oms.events.EventType;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Who publishes and who consumes which event: the one place the Kafka ACLs (KafkaUser resources) are
 * generated from and the manifest test checks against. It follows DESIGN.md section 2 and the services'
 * {@code EventHandler} beans ({@code TopicUseInServiceCodeTest} fails when a handler or a published payload in a
 * service's sources is missing here).
 */
public enum Topology {
    ORDER_SERVICE("order-service",
            EnumSet.of(EventType.ORDER_STATUS_CHANGED),
            EnumSet.of(EventType.ORDER_IMPORTED, EventType.RESERVATION_RESULT, EventType.SHIPMENT_CREATED,
                    EventType.CHANNEL_PUSH_RESULT, EventType.CUSTOMER_REDACTION_REQUESTED),
            // DeadLetteredSnapshots records dead-lettered OrderImported snapshots as order exceptions
            EnumSet.of(EventType.ORDER_IMPORTED)),
    INVENTORY_SERVICE("inventory-service",
            EnumSet.of(EventType.STOCK_CHANGED, EventType.PRICE_CHANGED, EventType.RESERVATION_RESULT),
            EnumSet.of(EventType.ORDER_STATUS_CHANGED, EventType.SHIPMENT_CREATED, EventType.LISTING_DISCOVERED),
            EnumSet.noneOf(EventType.class)),
    FULFILMENT_SERVICE("fulfilment-service",
            EnumSet.of(EventType.SHIPMENT_CREATED),
            // OrderImported gives it the channel references a shipment carries (orderdata package)
            EnumSet.of(EventType.ORDER_STATUS_CHANGED, EventType.ORDER_IMPORTED),
            EnumSet.noneOf(EventType.class)),
    CHANNEL_ETSY("channel-etsy", Connector.PUBLISHES, Connector.CONSUMES, EnumSet.noneOf(EventType.class)),
    // customers/redact (Shopify's mandatory privacy topic) is published as CustomerRedactionRequested
    CHANNEL_SHOPIFY("channel-shopify", Connector.with(EventType.CUSTOMER_REDACTION_REQUESTED), Connector.CONSUMES,
            EnumSet.noneOf(EventType.class));

    /** What every connector publishes and consumes (DESIGN section 2; the handlers live in channel-core). */
    private static final class Connector {
        static final Set<EventType> PUBLISHES = EnumSet.of(EventType.ORDER_IMPORTED, EventType.LISTING_DISCOVERED,
                EventType.CHANNEL_PUSH_RESULT);
        static final Set<EventType> CONSUMES = EnumSet.of(EventType.STOCK_CHANGED, EventType.PRICE_CHANGED,
                EventType.SHIPMENT_CREATED);

        /** What every connector publishes, and what this one publishes besides. */
        static Set<EventType> with(EventType... more) {
            Set<EventType> out = EnumSet.copyOf(PUBLISHES);
            out.addAll(Arrays.asList(more));
            return out;
        }
    }

    private final String service;
    private final Set<EventType> publishes;
    private final Set<EventType> consumes;
    private final Set<EventType> readsDeadLettersOf;

    Topology(String service, Set<EventType> publishes, Set<EventType> consumes, Set<EventType> readsDeadLettersOf) {
        this.service = service;
        this.publishes = Set.copyOf(publishes);
        this.consumes = Set.copyOf(consumes);
        this.readsDeadLettersOf = Set.copyOf(readsDeadLettersOf);
    }

    /** The service's name: its module, Deployment, KafkaUser and the prefix of its consumer groups. */
    public String service() {
        return service;
    }

    public Set<EventType> publishes() {
        return publishes;
    }

    public Set<EventType> consumes() {
        return consumes;
    }

    /** Events whose dead-letter topic the service reads (besides the topics it consumes). */
    public Set<EventType> readsDeadLettersOf() {
        return readsDeadLettersOf;
    }

    /**
     * Topics the service writes: what it publishes (outbox relay) and the dead-letter topics of what it
     * consumes (messaging's inbox sends poison records to {@code <topic>.dlq}).
     */
    public SortedSet<String> writes() {
        return sorted(Stream.concat(publishes.stream().map(EventType::topic), consumes.stream().map(EventType::dlqTopic)));
    }

    /** Topics the service reads: what it consumes and the dead-letter topics it reads. */
    public SortedSet<String> reads() {
        return sorted(Stream.concat(consumes.stream().map(EventType::topic), readsDeadLettersOf.stream().map(EventType::dlqTopic)));
    }

    /** Every consumer group id starts with this (messaging's consumer names are {@code <service>.<what>}). */
    public String consumerGroupPrefix() {
        return service + ".";
    }

    public static List<Topology> services() {
        return Arrays.stream(values()).sorted(Comparator.comparing(Topology::service)).toList();
    }

    private static SortedSet<String> sorted(Stream<String> topics) {
        return topics.collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
    }
}
