package io.oms.inventory.item;

import java.math.BigDecimal;

/** What a caller sets on an item (from the API or a CSV row), already validated. */
public record ItemData(String name, String description, BigDecimal price, BigDecimal sellingPrice, String currency, Item.Status status) {
}
