package io.oms.order.intake;

import io.oms.events.CloudEvent;
import io.oms.events.order.ChannelStatus;
import io.oms.events.order.OrderImported;
import io.oms.events.order.OrderStatus;
import io.oms.order.config.OrderConfig;
import io.oms.order.customer.CustomerMatcher;
import io.oms.order.store.Address;
import io.oms.order.store.OrderEntity;
import io.oms.order.store.OrderLineEntity;
import io.oms.order.store.RejectedSnapshotEntity;
import io.oms.order.store.TransactionLookups;
import io.oms.order.store.Variation;
import io.oms.order.status.StatusChanges;
import io.oms.order.status.StatusMachine;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns OrderImported snapshots into orders: the first creates the order, a higher revision updates it,
 * an older or equal one changes nothing; an impossible one is kept as rejected with its reason.
 */
@ApplicationScoped
public class OrderIntake {

    private final CustomerMatcher customers;
    private final StatusChanges statusChanges;
    private final StatusMachine machine;
    private final OrderConfig config;
    private final Clock clock;
    private final TransactionLookups lookups;

    public OrderIntake(CustomerMatcher customers, StatusChanges statusChanges, StatusMachine machine, OrderConfig config, Clock clock,
            TransactionLookups lookups) {
        this.customers = customers;
        this.statusChanges = statusChanges;
        this.machine = machine;
        this.config = config;
        this.clock = clock;
        this.lookups = lookups;
    }

    /**
     * Before a batch of snapshots is applied in one transaction: their orders and customers are looked up in three
     * queries, so that applying each needs none (what is not found is remembered as absent for the transaction).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(List<CloudEvent<OrderImported>> events) {
        Set<String> orderKeys = new HashSet<>();
        Set<String> emails = new HashSet<>();
        Set<String> matchKeys = new HashSet<>();
        for (CloudEvent<OrderImported> event : events) {
            OrderImported snapshot = event.data();
            orderKeys.add(snapshot.kafkaKey());
            CustomerMatcher.Keys keys = CustomerMatcher.keysOf(snapshot.buyer(), snapshot.shippingAddress());
            if (keys.email() != null) {
                emails.add(keys.email());
            } else if (keys.matchKey() != null) {
                matchKeys.add(keys.matchKey());
            }
        }
        lookups.preload(orderKeys, emails, matchKeys);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent<OrderImported> event) {
        OrderImported snapshot = event.data();
        String orderKey = snapshot.kafkaKey();
        // the consumer's MDC has traceId and eventId; the order's own keys join them for this order's log lines
        org.jboss.logging.MDC.put("orderKey", orderKey);
        org.jboss.logging.MDC.put("shopId", String.valueOf(snapshot.shopId()));
        try {
            apply(event, snapshot, orderKey);
        } finally {
            org.jboss.logging.MDC.remove("orderKey");
            org.jboss.logging.MDC.remove("shopId");
        }
    }

    private void apply(CloudEvent<OrderImported> event, OrderImported snapshot, String orderKey) {
        Optional<String> problem = SnapshotCheck.problemOf(snapshot);
        if (problem.isPresent()) {
            reject(event.id(), snapshot, problem.get());
            return;
        }
        Optional<OrderEntity> existing = lookups.orderByKey(orderKey);
        if (existing.isEmpty()) {
            create(event.id(), snapshot, orderKey);
            return;
        }
        OrderEntity order = existing.get();
        if (snapshot.revision() <= order.revision) {
            Log.debugf("order %s: revision %d not newer than %d; ignored", orderKey, snapshot.revision(), order.revision);
            return;
        }
        ChannelStatus before = order.channelStatus;
        copy(snapshot, order);
        if (snapshot.channelStatus() != before) {
            followChannelStatus(order, snapshot.channelStatus(), event.id());
        }
    }

    private void create(UUID eventId, OrderImported snapshot, String orderKey) {
        OrderEntity order = new OrderEntity();
        order.id = UUID.randomUUID();
        order.orderKey = orderKey;
        order.channel = snapshot.channel().value();
        order.shopId = snapshot.shopId().value();
        order.externalOrderId = snapshot.externalOrderId();
        order.importedAt = clock.instant();
        copy(snapshot, order);
        OrderStatus initial;
        String cause;
        if (machine.targetOf(snapshot.channelStatus()).filter(OrderStatus.CANCELLED::equals).isPresent()) {
            initial = OrderStatus.CANCELLED;
            cause = "imported cancelled (" + snapshot.channelStatus() + ")";
        } else if (lookups.holdsNewOrders(order.channel, order.shopId)) {
            initial = OrderStatus.ON_HOLD;
            cause = "imported; shop holds new orders";
        } else {
            initial = OrderStatus.NEW;
            cause = "imported";
        }
        order.status = initial;
        order.persist();
        lookups.created(order);
        statusChanges.start(order, initial, cause, eventId);
        Log.debugf("order %s created as %s (revision %d)", orderKey, order.status, order.revision);
    }

    /** A marketplace status change asks for an OMS status: cancellation follows its rule, others the table. */
    private void followChannelStatus(OrderEntity order, ChannelStatus channelStatus, UUID eventId) {
        Optional<OrderStatus> asked = machine.targetOf(channelStatus);
        if (asked.isEmpty()) {
            return;
        }
        String cause = "marketplace status " + channelStatus;
        if (asked.get() == OrderStatus.CANCELLED) {
            statusChanges.cancel(order, cause, eventId);
        } else {
            statusChanges.move(order, asked.get(), cause, eventId);
        }
    }

    private void copy(OrderImported snapshot, OrderEntity order) {
        Instant now = clock.instant();
        order.externalOrderNumber = snapshot.externalOrderNumber();
        order.marketplaceStatus = snapshot.marketplaceStatus();
        order.channelStatus = snapshot.channelStatus();
        OrderImported.Buyer buyer = snapshot.buyer();
        order.buyerName = buyer == null ? null : buyer.name();
        order.buyerEmail = buyer == null ? null : buyer.email();
        order.buyerExternalId = buyer == null ? null : buyer.externalCustomerId();
        order.customer = customers.match(buyer, snapshot.shippingAddress()).orElse(null);
        order.shippingAddress = Address.from(snapshot.shippingAddress());
        order.billingFromShipping = snapshot.billingAddress() == null;
        order.billingAddress = order.billingFromShipping ? order.shippingAddress : Address.from(snapshot.billingAddress());
        OrderImported.Totals totals = snapshot.totals();
        order.subtotal = totals.subtotal();
        order.shippingAmount = totals.shipping();
        order.tax = totals.tax();
        order.discount = totals.discount();
        order.total = totals.total();
        order.currency = totals.currency();
        order.currencyMismatch = !config.baseCurrency().equalsIgnoreCase(totals.currency());
        order.paid = snapshot.paid();
        order.shippingMethod = snapshot.shippingMethod();
        order.revision = snapshot.revision();
        order.marketplaceCreatedAt = snapshot.createdAt();
        order.marketplaceUpdatedAt = snapshot.updatedAt();
        order.updatedAt = now;
        copyLines(snapshot.lines(), order);
    }

    /** Lines are matched by external line id: kept lines are updated, new ones added, vanished ones removed. */
    private static void copyLines(List<OrderImported.Line> lines, OrderEntity order) {
        Map<String, OrderLineEntity> byExternalId = new HashMap<>();
        order.lines.forEach(line -> byExternalId.put(line.externalLineId, line));
        List<OrderLineEntity> result = new ArrayList<>(lines.size());
        int position = 0;
        for (OrderImported.Line line : lines) {
            OrderLineEntity entity = byExternalId.remove(line.externalLineId());
            if (entity == null) {
                entity = new OrderLineEntity();
                entity.id = UUID.randomUUID();
                entity.order = order;
                entity.externalLineId = line.externalLineId();
            }
            entity.position = position++;
            entity.listingId = line.listingId() == null ? null : line.listingId().value();
            entity.sku = line.sku() == null ? null : line.sku().value();
            entity.title = line.title();
            entity.variations = line.variations().stream().map(v -> new Variation(v.name(), v.value())).toList();
            entity.quantity = line.quantity();
            entity.unitPrice = line.unitPrice();
            result.add(entity);
        }
        order.lines.removeIf(line -> byExternalId.containsKey(line.externalLineId));
        for (OrderLineEntity line : result) {
            if (!order.lines.contains(line)) {
                order.lines.add(line);
            }
        }
        order.lines.sort((a, b) -> Integer.compare(a.position, b.position));
    }

    private void reject(UUID eventId, OrderImported snapshot, String reason) {
        Log.infof("order %s revision %d rejected: %s", snapshot.kafkaKey(), snapshot.revision(), reason);
        RejectedSnapshots.record(eventId, snapshot.kafkaKey(), snapshot.channel().value(), snapshot.shopId().value(),
                snapshot.externalOrderId(), snapshot.revision(), reason, null, clock.instant());
    }

    /** Kept separate so that the dead-letter listener records refused snapshots the same way. */
    static final class RejectedSnapshots {
        private RejectedSnapshots() {
        }

        static void record(UUID eventId, String orderKey, String channel, String shopId, String externalOrderId, Long revision,
                String reason, String payload, Instant at) {
            if (eventId != null && RejectedSnapshotEntity.count("eventId", eventId) > 0) {
                return;
            }
            RejectedSnapshotEntity rejected = new RejectedSnapshotEntity();
            rejected.id = UUID.randomUUID();
            rejected.eventId = eventId;
            // A refused snapshot may carry anything (its length may be why it was refused): cut to the columns.
            rejected.orderKey = cut(orderKey, 600);
            rejected.channel = cut(channel, 32);
            rejected.shopId = cut(shopId, 255);
            rejected.externalOrderId = cut(externalOrderId, 255);
            rejected.revision = revision;
            rejected.reason = cut(reason, 4000);
            rejected.payload = payload;
            rejected.receivedAt = at;
            rejected.persist();
        }

        private static String cut(String value, int length) {
            return value == null || value.length() <= length ? value : value.substring(0, length);
        }
    }
}
