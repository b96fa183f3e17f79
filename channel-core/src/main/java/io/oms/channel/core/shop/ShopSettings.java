package io.oms.channel.core.shop;

import java.time.Duration;
import java.util.List;

/**
 * What an operator sets per shop.
 *
 * @param syncInterval    order polling interval, 30 s to 4 h
 * @param holdNewOrders   new orders wait for manual release (stored; the hold table is not built yet)
 * @param maxOrdersPerRun 0 means all pages
 * @param skipOrderIds    marketplace order ids never imported
 * @param warehouse       the OMS warehouse whose stock feeds this shop, may be null
 * @param location        the marketplace's location that receives that stock (Shopify: a Location id), may be null:
 *                        the channel's default (Shopify: the shop's primary location); channels without locations ignore it
 */
public record ShopSettings(
        boolean active,
        Duration syncInterval,
        ImportMode importMode,
        boolean holdNewOrders,
        int maxOrdersPerRun,
        List<String> skipOrderIds,
        boolean stockSync,
        String warehouse,
        String location) {

    public ShopSettings {
        skipOrderIds = List.copyOf(skipOrderIds);
    }

    /** The same settings, switched on or off. */
    public ShopSettings withActive(boolean on) {
        return new ShopSettings(on, syncInterval, importMode, holdNewOrders, maxOrdersPerRun, skipOrderIds, stockSync, warehouse, location);
    }

    public static ShopSettings defaults(Duration syncInterval) {
        return new ShopSettings(true, syncInterval, ImportMode.PAID, false, 0, List.of(), true, null, null);
    }
}
