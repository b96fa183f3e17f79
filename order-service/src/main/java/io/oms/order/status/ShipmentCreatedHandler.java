package io.oms.order.status;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.fulfilment.ShipmentCreated;
import io.oms.events.order.OrderStatus;
import io.oms.messaging.inbox.EventHandler;
import io.oms.order.store.OrderEntity;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * A shipment moves the order to READY_TO_SHIP while its tracking number is on the way to the marketplace
 * (the ChannelPushResult confirms IN_TRANSIT), or straight to IN_TRANSIT when it has no tracking number.
 */
@ApplicationScoped
public class ShipmentCreatedHandler implements EventHandler<ShipmentCreated> {

    private final StatusChanges statusChanges;
    private final OrderExceptions exceptions;

    public ShipmentCreatedHandler(StatusChanges statusChanges, OrderExceptions exceptions) {
        this.statusChanges = statusChanges;
        this.exceptions = exceptions;
    }

    @Override
    public EventType eventType() {
        return EventType.SHIPMENT_CREATED;
    }

    @Override
    public String consumerName() {
        return "order-service.shipment-created";
    }

    @Override
    public void handle(CloudEvent<ShipmentCreated> event) {
        ShipmentCreated shipment = event.data();
        Optional<OrderEntity> found = Orders.byId(shipment.orderId());
        if (found.isEmpty()) {
            Log.warnf("shipment %s for unknown order %s ignored", shipment.shipmentId(), shipment.orderId());
            return;
        }
        OrderEntity order = found.get();
        boolean tracked = shipment.trackingNumber() != null && !shipment.trackingNumber().isBlank();
        OrderStatus target = tracked ? OrderStatus.READY_TO_SHIP : OrderStatus.IN_TRANSIT;
        if (order.status == OrderStatus.IN_TRANSIT || order.status == OrderStatus.COMPLETED) {
            return;
        }
        String cause = "shipment " + shipment.shipmentId() + (tracked ? " (" + shipment.carrier() + " " + shipment.trackingNumber() + ")" : " (untracked)");
        if (statusChanges.move(order, target, cause, event.id()) instanceof StatusChanges.Outcome.Forbidden) {
            exceptions.raise(order, OrderExceptions.UNEXPECTED_SHIPMENT, cause + " arrived in status " + order.status, event.id());
        }
    }
}
