package io.oms.channel.core.push;

import io.oms.channel.core.marketplace.ShopAccess;

import java.util.List;

/**
 * A channel that can set stock and prices of a listing (a capability discovered as a CDI bean). Called outside
 * any transaction, one listing at a time, under the core's lock for that listing.
 */
public interface InventoryPushChannel {

    /**
     * Writes the wanted quantities and prices of one listing's SKUs in as few marketplace writes as the marketplace
     * allows (Etsy: read the whole inventory, change only these offerings, write it back whole).
     *
     * @param wanted at most one entry per SKU; a null quantity or price is left as it is
     */
    PushOutcome pushListing(ShopAccess shop, String listingId, List<WantedOffering> wanted);

    /**
     * Called before {@link #pushListing} is called for each of these listings (at most {@code push.read-ahead} of
     * them, pushed at once after this): a channel whose push must read the listing first may read them all here in
     * fewer calls and use what it read in the pushes that follow. Calls the marketplace refused or could not answer
     * leave the pushes to read for themselves.
     */
    default void readAhead(ShopAccess shop, List<String> listingIds) {
    }
}
