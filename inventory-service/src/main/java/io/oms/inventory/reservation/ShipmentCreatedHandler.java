package io.oms.inventory.reservation;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.fulfilment.ShipmentCreated;
import io.oms.messaging.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Shipped lines leave the warehouse: reservations become stock going out. */
@ApplicationScoped
public class ShipmentCreatedHandler implements EventHandler<ShipmentCreated> {

    public static final String CONSUMER = "inventory-service.shipment-created";

    private final ReservationService reservations;

    public ShipmentCreatedHandler(ReservationService reservations) {
        this.reservations = reservations;
    }

    @Override
    public EventType eventType() {
        return EventType.SHIPMENT_CREATED;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public void handle(CloudEvent<ShipmentCreated> event) {
        reservations.ship(event.data());
    }
}
