package io.oms.fulfilment.picking;

import io.oms.events.order.OrderStatusChanged;
import io.oms.fulfilment.Outcome;
import io.oms.fulfilment.Refusal;
import io.oms.fulfilment.store.FulfilmentLine;
import io.oms.fulfilment.store.FulfilmentOrder;
import io.oms.fulfilment.store.FulfilmentState;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.MDC;

/** Fulfilment orders: released from order statuses, moved by warehouse steps, stopped by cancellations. */
@ApplicationScoped
public class FulfilmentOrders {

    private final Clock clock;

    public FulfilmentOrders(Clock clock) {
        this.clock = clock;
    }

    /** Creates the order's fulfilment order unless it has one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(OrderStatusChanged change) {
        String orderId = change.orderId().value();
        if (byOrderId(orderId).isPresent()) {
            return;
        }
        FulfilmentOrder order = new FulfilmentOrder();
        order.id = UUID.randomUUID();
        order.orderId = orderId;
        order.channel = change.channel().value();
        order.shopId = change.shopId().value();
        order.externalOrderId = change.externalOrderId();
        order.state = FulfilmentState.OPEN;
        order.createdAt = clock.instant();
        order.updatedAt = order.createdAt;
        int position = 0;
        for (OrderStatusChanged.Line source : change.lines()) {
            FulfilmentLine line = new FulfilmentLine();
            line.id = UUID.randomUUID();
            line.fulfilment = order;
            line.position = position++;
            line.lineId = source.lineId();
            line.externalLineId = source.externalLineId();
            line.sku = source.sku() == null ? null : source.sku().value();
            line.quantity = source.quantity();
            order.lines.add(line);
        }
        order.persist();
        MDC.put("orderId", orderId);
        Log.infof("released order %s for picking as fulfilment %s with %d lines", orderId, order.id, order.lines.size());
        MDC.remove("orderId");
    }

    /** Cancels the order's fulfilment before packing; after packing flags it for an operator. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(OrderStatusChanged change) {
        Optional<FulfilmentOrder> found = lockedByOrderId(change.orderId().value());
        if (found.isEmpty()) {
            return;
        }
        FulfilmentOrder order = found.get();
        switch (WarehouseStep.CANCELLATION.get(order.state)) {
            case CANCEL -> order.state = FulfilmentState.CANCELLED;
            case FLAG_FOR_OPERATOR -> {
                order.needsAttention = true;
                order.attentionReason = "order " + order.orderId + " was cancelled (" + change.newStatus()
                        + ") after it was " + order.state + ": stop the parcel or arrange a return";
                Log.warnf("fulfilment %s: %s", order.id, order.attentionReason);
            }
            case NOTHING -> { }
        }
        order.updatedAt = clock.instant();
    }

    @Transactional
    public Outcome<FulfilmentOrder> record(UUID fulfilmentId, WarehouseStep step) {
        FulfilmentOrder order = FulfilmentOrder.findById(fulfilmentId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return Outcome.refused(Refusal.notFound("no fulfilment " + fulfilmentId, "id"));
        }
        if (!step.allowedFrom(order.state)) {
            return Outcome.refused(Refusal.conflict("fulfilment " + fulfilmentId + " is " + order.state + "; "
                    + step.name().toLowerCase() + " needs it to be " + step.from()));
        }
        order.state = step.to();
        order.updatedAt = clock.instant();
        order.lines.size();
        return Outcome.done(order);
    }

    /** An operator dealt with what the flag was about (stopped the parcel, arranged a return). */
    @Transactional
    public Outcome<FulfilmentOrder> resolveAttention(UUID fulfilmentId, String note) {
        FulfilmentOrder order = FulfilmentOrder.findById(fulfilmentId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return Outcome.refused(Refusal.notFound("no fulfilment " + fulfilmentId, "id"));
        }
        if (!order.needsAttention) {
            return Outcome.refused(Refusal.conflict("fulfilment " + fulfilmentId + " is not flagged for an operator"));
        }
        Log.infof("fulfilment %s: attention resolved (%s): %s", order.id, order.attentionReason, note);
        order.needsAttention = false;
        order.attentionReason = null;
        order.updatedAt = clock.instant();
        order.lines.size();
        return Outcome.done(order);
    }

    public Optional<FulfilmentOrder> byOrderId(String orderId) {
        return FulfilmentOrder.find("orderId", orderId).firstResultOptional();
    }

    public Optional<FulfilmentOrder> lockedByOrderId(String orderId) {
        return FulfilmentOrder.find("orderId", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
