package io.oms.channel.core.marketplace;

import java.util.UUID;

/**
 * A connected shop as a channel sees it; the credentials are fetched (and rotated) through
 * {@link io.oms.channel.core.shop.ShopCredentials}.
 *
 * @param id             the core's id of the shop connection
 * @param externalShopId the marketplace's id of the shop
 */
public record ShopAccess(UUID id, String externalShopId) {
}
