package io.oms.channel.core.listing;

import io.oms.channel.core.marketplace.ShopAccess;

import java.util.List;

/**
 * A channel that can list a shop's listings (a capability beside {@link io.oms.channel.core.marketplace.MarketplaceChannel},
 * discovered as a CDI bean). Called outside any transaction; may block.
 */
public interface ListingChannel {

    /** Every listing of the shop that can sell (active, sold out, inactive), with its sellable units. */
    List<ListingSnapshot> discoverListings(ShopAccess shop);
}
