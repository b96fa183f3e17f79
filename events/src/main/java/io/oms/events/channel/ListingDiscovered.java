package io.oms.events.channel;

import io.oms.events.Channel;
import io.oms.events.EventPayload;
import io.oms.events.ListingId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A connector found a listing in a shop (or saw it change). inventory-service maps it to an item by SKU,
 * else by title, else marks it unconfirmed for an operator.
 *
 * @param sku      null when the listing has none
 * @param currency ISO 4217, upper case
 * @param quantity the quantity the marketplace shows now
 * @param imageUrl the first image, or null
 */
public record ListingDiscovered(
        Channel channel,
        ShopId shopId,
        ListingId listingId,
        Sku sku,
        String title,
        BigDecimal price,
        String currency,
        int quantity,
        String imageUrl) implements EventPayload {

    public ListingDiscovered {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(shopId, "shopId");
        Objects.requireNonNull(listingId, "listingId");
    }

    /** {@code {channel}:{shopId}:{listingId}}. */
    @Override
    public String kafkaKey() {
        return channel + ":" + shopId + ":" + listingId;
    }
}
