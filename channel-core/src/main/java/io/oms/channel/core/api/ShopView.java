package io.oms.channel.core.api;

import io.oms.channel.core.shop.Shop;
import io.oms.channel.core.shop.ShopSettings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A shop connection as the API shows it: never a credential. */
public record ShopView(
        UUID id,
        String channel,
        String name,
        String externalShopId,
        String status,
        String statusMessage,
        Settings settings,
        Instant orderCursor,
        Instant lastOrderSyncAt,
        Instant createdAt,
        String leaseOwner) {

    /** A shop without its lease owner (just connected: no replica has claimed it yet). */
    static ShopView of(Shop shop) {
        return of(shop, null);
    }

    /** @param leaseOwner the replica that holds the shop's unexpired lease (works it), null if none does */
    static ShopView of(Shop shop, String leaseOwner) {
        ShopSettings s = shop.settings();
        return new ShopView(shop.id(), shop.channel(), shop.name(), shop.externalShopId(), shop.status().name(), shop.statusMessage(),
                new Settings(s.active(), s.syncInterval().toSeconds(), s.importMode().name(), s.holdNewOrders(), s.maxOrdersPerRun(),
                        s.skipOrderIds(), s.stockSync(), s.warehouse(), s.location()),
                shop.orderCursor(), shop.lastOrderSyncAt(), shop.createdAt(), leaseOwner);
    }

    /** The settings, also the body of {@code PATCH /api/v1/shops/{id}} (null fields stay as they are). */
    public record Settings(
            Boolean active,
            Long syncIntervalSeconds,
            String importMode,
            Boolean holdNewOrders,
            Integer maxOrdersPerRun,
            List<String> skipOrderIds,
            Boolean stockSync,
            String warehouse,
            String location) {
    }
}
