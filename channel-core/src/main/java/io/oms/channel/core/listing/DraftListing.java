package io.oms.channel.core.listing;

import java.math.BigDecimal;
import java.util.List;

/**
 * A new listing made from an OMS item.
 *
 * @param whoMade           Etsy: i_did, someone_else, collective
 * @param whenMade          Etsy: made_to_order, 2020_2025, ...
 * @param taxonomyId        the marketplace's category
 * @param shippingProfileId needed before a physical listing can be activated; may be null
 * @param imageIds          images already uploaded to the marketplace; may be empty
 */
public record DraftListing(String sku, String title, String description, BigDecimal price, int quantity, String whoMade, String whenMade,
        Long taxonomyId, Long shippingProfileId, List<Long> imageIds) {

    public DraftListing {
        imageIds = imageIds == null ? List.of() : List.copyOf(imageIds);
    }
}
