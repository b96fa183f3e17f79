package io.oms.channel.shopify.shipments;

import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.push.PushOutcome;
import io.oms.channel.core.shipment.ShipmentChannel;
import io.oms.events.fulfilment.ShipmentCreated;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Shopify's side of the core's shipment queue: a shipment becomes one {@code fulfillmentCreate} for the shipped
 * lines (partial shipments allowed, per fulfillment order line) through {@link ShopifyFulfillments}. The core
 * consumes ShipmentCreated, queues it, retries outages and publishes the ChannelPushResult.
 */
@ApplicationScoped
public class ShopifyShipments implements ShipmentChannel {

    private final ShopifyFulfillments fulfillments;

    public ShopifyShipments(ShopifyFulfillments fulfillments) {
        this.fulfillments = fulfillments;
    }

    @Override
    public PushOutcome pushShipment(ShopAccess shop, ShipmentCreated shipment) {
        TrackingPush push = new TrackingPush(shipment.shipmentId(), shop.id(), shipment.orderId().value(), shipment.externalOrderId(),
                shipment.carrier(), shipment.trackingNumber(), shipment.trackingUrl(), shipment.lines().stream()
                        .map(l -> new TrackingPush.Line(l.externalLineId(), l.sku() == null ? null : l.sku().value(), l.quantity())).toList(),
                0);
        ShopifyFulfillments.Outcome outcome = fulfillments.push(shop, push);
        if (outcome.success()) {
            return PushOutcome.success(outcome.pushed() + (outcome.fulfillmentId() == null ? "" : " as " + outcome.fulfillmentId()));
        }
        return outcome.retryable() ? PushOutcome.later(outcome.error()) : PushOutcome.refused(outcome.error());
    }
}
