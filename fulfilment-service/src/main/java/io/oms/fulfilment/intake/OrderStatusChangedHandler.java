package io.oms.fulfilment.intake;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.order.OrderStatusChanged;
import io.oms.fulfilment.picking.FulfilmentOrders;
import io.oms.messaging.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Releases orders to the warehouse and stops them when they are cancelled. */
@ApplicationScoped
public class OrderStatusChangedHandler implements EventHandler<OrderStatusChanged> {

    public static final String CONSUMER = "fulfilment-service.order-status-changed";

    private final ReleasePolicy policy;
    private final FulfilmentOrders orders;

    public OrderStatusChangedHandler(ReleasePolicy policy, FulfilmentOrders orders) {
        this.policy = policy;
        this.orders = orders;
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
        OrderStatusChanged change = event.data();
        switch (policy.reactionTo(change.newStatus())) {
            case RELEASE -> orders.release(change);
            case CANCEL -> orders.cancel(change);
            case IGNORE -> { }
        }
    }
}
