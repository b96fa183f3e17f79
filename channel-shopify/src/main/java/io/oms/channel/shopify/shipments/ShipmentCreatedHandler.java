package io.oms.channel.shopify.shipments;

import io.oms.channel.core.shop.ShopStore;
import io.oms.events.Channel;
import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.fulfilment.ShipmentCreated;
import io.oms.messaging.inbox.EventHandler;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * ShipmentCreated of a Shopify shop connected here: queued as a tracking push in the inbox's transaction (no
 * Shopify call inside it: a retried transaction must have no other effect); {@link TrackingPusher} sends it.
 */
@ApplicationScoped
public class ShipmentCreatedHandler implements EventHandler<ShipmentCreated> {

    private final ShopStore shops;
    private final TrackingPushes pushes;
    private final Clock clock;

    public ShipmentCreatedHandler(ShopStore shops, TrackingPushes pushes, Clock clock) {
        this.shops = shops;
        this.pushes = pushes;
        this.clock = clock;
    }

    @Override
    public EventType eventType() {
        return EventType.SHIPMENT_CREATED;
    }

    @Override
    public String consumerName() {
        return "channel-shopify.shipment-created";
    }

    @Override
    public void handle(CloudEvent<ShipmentCreated> event) {
        ShipmentCreated shipment = event.data();
        if (!Channel.SHOPIFY.equals(shipment.channel()) || shipment.shopId() == null) {
            return;
        }
        shops.findByExternalId(Channel.SHOPIFY.value(), shipment.shopId().value()).ifPresentOrElse(shop -> pushes.enqueue(
                new TrackingPush(shipment.shipmentId(), shop.id(), shipment.orderId().value(), shipment.externalOrderId(), shipment.carrier(),
                        shipment.trackingNumber(), shipment.trackingUrl(), shipment.lines().stream()
                        .map(l -> new TrackingPush.Line(l.externalLineId(), l.sku() == null ? null : l.sku().value(), l.quantity())).toList(), 0),
                clock.instant()),
                () -> Log.infof("shipment %s is for Shopify shop %s, which is not connected here: ignored", shipment.shipmentId(),
                        shipment.shopId()));
    }
}
