package io.oms.channel.core.push;

import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.shop.ShopSettings;

import java.util.List;
import java.util.Map;

/**
 * A channel that writes the stock of many listings in one marketplace call (Shopify: {@code inventorySetQuantities},
 * 250 quantities per call), a capability discovered as a CDI bean instead of {@link InventoryPushChannel}. The core's
 * drain cycle hands it every due queue row of a leased shop, in batches of at most {@link #maxPerCall()} SKUs, outside
 * any transaction and without listing locks (the channel's write must be a compare-and-set, so nothing it did not
 * read is overwritten), and records each row's outcome as for a single listing push.
 */
public interface BatchInventoryPushChannel {

    /** The most SKUs one call takes. */
    int maxPerCall();

    /** Whether the channel sets prices too; if not, queued prices end in a failure result saying so. */
    default boolean pushesPrices() {
        return false;
    }

    /**
     * Writes the wanted values of every listing given.
     *
     * @param settings the shop's settings (e.g. the marketplace location that receives the stock)
     * @return an outcome per listing id given; a listing left out is retried later
     */
    Map<String, PushOutcome> pushBatch(ShopAccess shop, ShopSettings settings, List<ListingPush> batch);

    /** The wanted values of one queued listing (at most one entry per SKU). */
    record ListingPush(String listingId, List<WantedOffering> wanted) {

        public ListingPush {
            wanted = List.copyOf(wanted);
        }
    }
}
