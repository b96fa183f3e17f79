package io.oms.events.inventory;

import io.oms.events.EventPayload;
import io.oms.events.Sku;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The price of one SKU after a change. Published by inventory-service on a compacted topic keyed by SKU.
 *
 * @param sellingPrice a sale price that overrides {@code price} on the marketplaces, or null
 * @param currency     ISO 4217, upper case
 * @param version      increases with every change of this SKU's price; consumers ignore a lower one
 */
public record PriceChanged(Sku sku, BigDecimal price, BigDecimal sellingPrice, String currency, long version)
        implements EventPayload {

    public PriceChanged {
        Objects.requireNonNull(sku, "sku");
    }

    @Override
    public String kafkaKey() {
        return sku.value();
    }

    /** What a marketplace should show: the selling price if set, else the price (DESIGN section 4). */
    public BigDecimal marketplacePrice() {
        return sellingPrice != null ? sellingPrice : price;
    }
}
