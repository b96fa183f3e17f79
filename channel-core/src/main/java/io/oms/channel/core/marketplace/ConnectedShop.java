package io.oms.channel.core.marketplace;

import io.oms.channel.core.crypto.Credentials;

/**
 * A shop the marketplace accepted.
 *
 * @param externalShopId the marketplace's id of the shop (Etsy shop_id, Shopify domain)
 * @param name           the operator's name for it, else the marketplace's
 * @param credentials    what to keep, encrypted, for later calls
 */
public record ConnectedShop(String externalShopId, String name, Credentials credentials) {
}
