package io.oms.events.channel;

import io.oms.events.Channel;
import io.oms.events.EventPayload;
import io.oms.events.ShopId;
import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of one push to a marketplace, so that failures are visible (order-service shows a failed
 * tracking push on the order; operators see stock pushes that the marketplace refused).
 *
 * @param reference the OMS order id for TRACKING, the SKU for STOCK, PRICE and LISTING
 * @param pushed    what was sent, for people (for example "available=5" or "DHL 00340434161094042557"), or null
 * @param error     the marketplace's error when {@code success} is false, else null
 */
public record ChannelPushResult(
        Channel channel,
        ShopId shopId,
        PushKind kind,
        String reference,
        boolean success,
        String pushed,
        String error,
        Instant pushedAt) implements EventPayload {

    public ChannelPushResult {
        Objects.requireNonNull(reference, "reference");
    }

    @Override
    public String kafkaKey() {
        return reference;
    }
}
