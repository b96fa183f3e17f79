package io.oms.order.status;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.inventory.ReservationResult;
import io.oms.events.order.OrderStatus;
import io.oms.messaging.inbox.EventHandler;
import io.oms.order.store.MissingLine;
import io.oms.order.store.OrderEntity;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * ReservationResult decides NEW (everything reserved) or PARTIAL (waiting for stock, with the missing lines);
 * a later complete result turns PARTIAL into NEW. Orders in other statuses keep theirs.
 */
@ApplicationScoped
public class ReservationResultHandler implements EventHandler<ReservationResult> {

    private static final Set<OrderStatus> WAITING_FOR_STOCK = EnumSet.of(OrderStatus.NEW, OrderStatus.PARTIAL);

    private final StatusChanges statusChanges;

    public ReservationResultHandler(StatusChanges statusChanges) {
        this.statusChanges = statusChanges;
    }

    @Override
    public EventType eventType() {
        return EventType.RESERVATION_RESULT;
    }

    @Override
    public String consumerName() {
        return "order-service.reservation-result";
    }

    @Override
    public void handle(CloudEvent<ReservationResult> event) {
        ReservationResult result = event.data();
        Optional<OrderEntity> found = Orders.byId(result.orderId());
        if (found.isEmpty()) {
            Log.warnf("reservation result %s for unknown order %s ignored", event.id(), result.orderId());
            return;
        }
        OrderEntity order = found.get();
        if (!WAITING_FOR_STOCK.contains(order.status)) {
            Log.debugf("order %s in %s: reservation result ignored", order.id, order.status);
            return;
        }
        order.missingLines = result.missingLines().stream()
                .map(line -> new MissingLine(line.lineId(), line.sku() == null ? null : line.sku().value(), line.quantity()))
                .toList();
        if (result.complete()) {
            statusChanges.move(order, OrderStatus.NEW, "all lines reserved", event.id());
        } else {
            statusChanges.move(order, OrderStatus.PARTIAL, result.missingLines().size() + " line(s) waiting for stock", event.id());
        }
    }
}
