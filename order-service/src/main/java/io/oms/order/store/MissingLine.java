package io.oms.order.store;

/** A line that inventory could not reserve (yet). */
public record MissingLine(String lineId, String sku, int quantity) {
}
