package io.oms.fulfilment.orderdata;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.order.OrderImported;
import io.oms.messaging.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the latest snapshot of every marketplace order: documents need its addresses, titles and prices. */
@ApplicationScoped
public class OrderImportedHandler implements EventHandler<OrderImported> {

    public static final String CONSUMER = "fulfilment-service.order-imported";

    private final OrderDetails details;

    public OrderImportedHandler(OrderDetails details) {
        this.details = details;
    }

    @Override
    public EventType eventType() {
        return EventType.ORDER_IMPORTED;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public void handle(CloudEvent<OrderImported> event) {
        details.keep(event.data());
    }
}
