package io.oms.channel.shopify.shipments;

import java.util.List;
import java.util.UUID;

/**
 * A shipment to report to Shopify, queued from ShipmentCreated.
 *
 * @param orderId         the OMS order id (the ChannelPushResult's reference)
 * @param externalOrderId Shopify's numeric order id
 * @param lines           what was shipped; empty means every line still open
 * @param attempts        attempts so far
 */
public record TrackingPush(String shipmentId, UUID shopId, String orderId, String externalOrderId, String carrier, String trackingNumber,
        String trackingUrl, List<Line> lines, int attempts) {

    public TrackingPush {
        lines = List.copyOf(lines);
    }

    /** @param externalLineId Shopify's numeric line item id, or null (then the SKU says which line) */
    public record Line(String externalLineId, String sku, int quantity) {
    }

    /** What was pushed, for people. */
    public String describe() {
        return (carrier == null ? "" : carrier + " ") + (trackingNumber == null ? "untracked" : trackingNumber) + ", "
                + (lines.isEmpty() ? "all open lines" : lines.size() + " line(s)");
    }
}
