package io.oms.channel.core.shipment;

import io.oms.channel.core.marketplace.MarketplaceChannel;
import io.oms.channel.core.shop.ShopStore;
import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.fulfilment.ShipmentCreated;
import io.oms.messaging.inbox.EventHandler;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/** ShipmentCreated of this channel's orders → the shop's shipment queue; other channels' shipments are not ours. */
@ApplicationScoped
public class ShipmentCreatedHandler implements EventHandler<ShipmentCreated> {

    private final MarketplaceChannel channel;
    private final ShopStore shops;
    private final ShipmentPushes pushes;
    private final Clock clock;

    public ShipmentCreatedHandler(MarketplaceChannel channel, ShopStore shops, ShipmentPushes pushes, Clock clock) {
        this.channel = channel;
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
        return "channel-" + channel.channel().value() + ".shipment-created";
    }

    @Override
    public void handle(CloudEvent<ShipmentCreated> event) {
        ShipmentCreated shipment = event.data();
        if (!channel.channel().equals(shipment.channel()) || shipment.shopId() == null || shipment.externalOrderId() == null) {
            return;
        }
        shops.findByExternalId(channel.channel().value(), shipment.shopId().value()).ifPresentOrElse(
                shop -> pushes.queue(shop, shipment, clock.instant()),
                () -> Log.warnf("shipment %s is for %s shop %s, which is not connected here: not pushed", shipment.shipmentId(),
                        channel.channel().value(), shipment.shopId()));
    }
}
