package io.oms.events.fulfilment;

import io.oms.events.Channel;
import io.oms.events.EventPayload;
import io.oms.events.OrderId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A shipment left the warehouse. Published by fulfilment-service; the order's connector pushes the
 * tracking number to the marketplace, and order-service moves the order on.
 *
 * @param trackingNumber null for an untracked shipment
 * @param trackingUrl    the carrier's tracking page, or null
 * @param lines          what this shipment holds; fewer than the order's lines for a partial shipment
 */
public record ShipmentCreated(
        String shipmentId,
        OrderId orderId,
        Channel channel,
        ShopId shopId,
        String externalOrderId,
        String carrier,
        String trackingNumber,
        String trackingUrl,
        List<Line> lines,
        Instant shippedAt) implements EventPayload {

    public ShipmentCreated {
        Objects.requireNonNull(orderId, "orderId");
        lines = List.copyOf(lines);
    }

    @Override
    public String kafkaKey() {
        return orderId.value();
    }

    /** @param externalLineId the marketplace's line id, which Shopify needs per fulfilled line */
    public record Line(String externalLineId, Sku sku, int quantity) {
    }
}
