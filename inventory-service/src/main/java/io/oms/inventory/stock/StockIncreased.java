package io.oms.inventory.stock;

/**
 * Fired (synchronously, inside the changing transaction) when available stock of a SKU in a warehouse
 * went up, so that orders waiting for it are served in the same transaction.
 */
public record StockIncreased(String sku, String warehouseCode) {
}
