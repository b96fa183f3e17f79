package io.oms.order.intake;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.order.OrderImported;
import io.oms.messaging.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Consumes {@code oms.order-imported.v1}; messaging de-duplicates by event id around it. */
@ApplicationScoped
public class OrderImportedHandler implements EventHandler<OrderImported> {

    private final OrderIntake intake;

    public OrderImportedHandler(OrderIntake intake) {
        this.intake = intake;
    }

    @Override
    public EventType eventType() {
        return EventType.ORDER_IMPORTED;
    }

    @Override
    public String consumerName() {
        return "order-service.order-imported";
    }

    @Override
    public void handle(CloudEvent<OrderImported> event) {
        intake.apply(event);
    }
}
