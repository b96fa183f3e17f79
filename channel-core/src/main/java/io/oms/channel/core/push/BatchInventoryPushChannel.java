package io.oms.channel.core.push;

import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.shop.ShopSettings;

import java.util.List;
import java.util.Map;

/**
 * A channel that writes the stock of many listings in one marketplace call (Shopify: {@code inventorySetQuantities},
 * 250 quantities per call), a capability discovered as a CDI bean instead of {@link InventoryPushChannel}. Each drain
 * cycle of a leased shop hands it the shop's due queue rows at once (at most {@code oms.channel.push.batch-calls ×}
 * {@link #maxPerCall()} SKUs; a row is never split), outside any transaction and without listing locks (the channel's
 * write must be a compare-and-set, so that nothing it did not read is overwritten); the channel writes them in
 * calls of at most {@link #maxPerCall()} and answers an outcome per row, recorded as for a single listing push.
 */
public interface BatchInventoryPushChannel {

    /** The most SKUs one marketplace write takes (a batch of n SKUs should cost ceil(n / maxPerCall) writes). */
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
