package io.oms.channel.core.listing;

import java.math.BigDecimal;
import java.util.List;

/**
 * A listing as the marketplace shows it.
 *
 * @param listingId the marketplace's listing id: what a push addresses
 * @param imageUrl  the first image, or null
 * @param units     the sellable units (Etsy: the inventory's products; one for a listing without variations)
 */
public record ListingSnapshot(String listingId, String title, String currency, String imageUrl, String state, List<Unit> units) {

    public ListingSnapshot {
        units = List.copyOf(units);
    }

    /**
     * @param unitId stable id of the unit within the shop (the listing id for a single unit); published as the ListingDiscovered listing id
     * @param sku    null or blank when the marketplace has none
     */
    public record Unit(String unitId, String sku, BigDecimal price, int quantity) {
    }
}
