package io.oms.inventory.reservation;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.order.OrderStatusChanged;
import io.oms.messaging.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Reserves stock for new orders and releases it for cancelled ones. */
@ApplicationScoped
public class OrderStatusChangedHandler implements EventHandler<OrderStatusChanged> {

    public static final String CONSUMER = "inventory-service.order-status-changed";

    private final ReservationService reservations;

    public OrderStatusChangedHandler(ReservationService reservations) {
        this.reservations = reservations;
    }

    @Override
    public EventType eventType() {
        return EventType.ORDER_STATUS_CHANGED;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public void handle(CloudEvent<OrderStatusChanged> event) {
        reservations.onStatusChanged(event.data());
    }
}
