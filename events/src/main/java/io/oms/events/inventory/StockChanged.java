package io.oms.events.inventory;

import io.oms.events.EventPayload;
import io.oms.events.Sku;
import java.util.List;
import java.util.Objects;

/**
 * The available-to-sell stock of one SKU after a change, per warehouse and in total. Published by
 * inventory-service on a compacted topic keyed by SKU: the latest record per SKU is the truth, so a new
 * connector rebuilds its picture by reading the topic from the start.
 *
 * @param totalAvailable what may be sold across all warehouses (not necessarily the sum: a warehouse may be excluded from sale)
 * @param version        increases with every change of this SKU's stock; consumers ignore a lower one
 */
public record StockChanged(Sku sku, List<WarehouseStock> warehouses, int totalAvailable, long version)
        implements EventPayload {

    public StockChanged {
        Objects.requireNonNull(sku, "sku");
        warehouses = List.copyOf(warehouses);
    }

    @Override
    public String kafkaKey() {
        return sku.value();
    }

    /** @param available available to sell: on hand minus reserved, never below zero */
    public record WarehouseStock(String warehouseCode, int available) {
    }
}
