package io.oms.channel.core.listing;

import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.push.PushOutcome;

/**
 * A channel that can switch listings on and off and create draft listings (a capability discovered as a CDI bean).
 * Called outside any transaction, under the core's lock for the listing.
 */
public interface ListingStateChannel {

    /** Activates or deactivates the listing; the marketplace's refusal (e.g. no image) comes back in words. */
    PushOutcome setListingActive(ShopAccess shop, String listingId, boolean active);

    /** Creates a draft listing; a success's {@code pushed} names the new listing id. */
    PushOutcome createDraftListing(ShopAccess shop, DraftListing draft);
}
