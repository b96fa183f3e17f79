package io.oms.channel.core.shipment;

import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.push.PushOutcome;
import io.oms.events.fulfilment.ShipmentCreated;

/**
 * A channel that can tell the marketplace about a shipment (a capability discovered as a CDI bean). Called
 * outside any transaction; the channel applies its marketplace's rules (Etsy: one tracking code per order, no
 * partial shipments) and answers a refusal in words rather than sending what the marketplace cannot keep.
 */
public interface ShipmentChannel {

    PushOutcome pushShipment(ShopAccess shop, ShipmentCreated shipment);
}
