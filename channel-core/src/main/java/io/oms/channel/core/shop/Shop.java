package io.oms.channel.core.shop;

import java.time.Instant;
import java.util.UUID;

/** A shop connection without its credentials (those never leave {@link ShopCredentials}). */
public record Shop(
        UUID id,
        String channel,
        String externalShopId,
        String name,
        ShopStatus status,
        String statusMessage,
        ShopSettings settings,
        Instant orderCursor,
        Instant lastOrderSyncAt,
        Instant createdAt,
        Instant updatedAt) {
}
