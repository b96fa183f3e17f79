package io.oms.order.status;

import io.oms.events.Channel;
import io.oms.events.CloudEvent;
import io.oms.events.OrderId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import io.oms.events.order.OrderStatus;
import io.oms.events.order.OrderStatusChanged;
import io.oms.messaging.outbox.Outbox;
import io.oms.order.store.OrderEntity;
import io.oms.order.store.StatusHistoryEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Every status change of an order goes through here: checked against the {@link StatusMachine}, written to
 * the order's history, and published as OrderStatusChanged through the outbox in the same transaction.
 */
@ApplicationScoped
public class StatusChanges {

    static final String SOURCE = "/order-service/orders";

    /** What a requested move did. */
    public sealed interface Outcome {
        record Moved(OrderStatus from, OrderStatus to) implements Outcome {
        }

        record Unchanged(OrderStatus status) implements Outcome {
        }

        record Forbidden(OrderStatus from, OrderStatus to, Set<OrderStatus> allowed) implements Outcome {
        }
    }

    private final StatusMachine machine;
    private final OrderExceptions exceptions;
    private final Outbox outbox;
    private final Clock clock;

    public StatusChanges(StatusMachine machine, OrderExceptions exceptions, Outbox outbox, Clock clock) {
        this.machine = machine;
        this.exceptions = exceptions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Gives a new order its first status (history from null) and publishes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(OrderEntity order, OrderStatus initial, String cause, UUID eventId) {
        record(order, null, initial, cause, eventId);
    }

    /** Moves the order to {@code to} when the machine allows it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome move(OrderEntity order, OrderStatus to, String cause, UUID eventId) {
        OrderStatus from = order.status;
        if (from == to) {
            return new Outcome.Unchanged(from);
        }
        if (!machine.allows(from, to)) {
            return new Outcome.Forbidden(from, to, machine.allowedAfter(from));
        }
        record(order, from, to, cause, eventId);
        return new Outcome.Moved(from, to);
    }

    /**
     * The cancellation rule: a cancellation the machine allows (before PACKED) cancels the order and
     * publishes it (inventory releases the reservation); where the machine has no move to CANCELLED
     * (PACKED and later) the order keeps its status and gets the exception {@code cancel-after-pack}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome cancel(OrderEntity order, String cause, UUID eventId) {
        if (order.status == OrderStatus.CANCELLED) {
            return new Outcome.Unchanged(order.status);
        }
        Outcome outcome = move(order, OrderStatus.CANCELLED, cause, eventId);
        if (outcome instanceof Outcome.Forbidden) {
            exceptions.raise(order, OrderExceptions.CANCEL_AFTER_PACK,
                    "cancellation (" + cause + ") arrived in status " + order.status + "; the order was not changed", eventId);
        }
        return outcome;
    }

    private void record(OrderEntity order, OrderStatus from, OrderStatus to, String cause, UUID eventId) {
        Instant now = clock.instant();
        StatusHistoryEntity entry = new StatusHistoryEntity();
        entry.order = order;
        entry.fromStatus = from;
        entry.toStatus = to;
        entry.cause = cause;
        entry.changedAt = now;
        entry.eventId = eventId;
        order.history.add(entry);
        entry.persist();
        order.status = to;
        order.updatedAt = now;
        outbox.add(CloudEvent.of(SOURCE, changed(order, from, to, now), clock));
    }

    private static OrderStatusChanged changed(OrderEntity order, OrderStatus from, OrderStatus to, Instant at) {
        return new OrderStatusChanged(OrderId.of(order.id.toString()), Channel.of(order.channel), ShopId.of(order.shopId),
                order.externalOrderId, from, to,
                order.lines.stream()
                        .map(line -> new OrderStatusChanged.Line(line.id.toString(), line.externalLineId,
                                line.sku == null ? null : Sku.of(line.sku), line.quantity))
                        .toList(),
                at);
    }
}
