package io.oms.channel.core.marketplace;

import io.oms.events.Channel;

/**
 * What a channel (Etsy, Shopify) implements; the core does the rest: shop rows, credentials at rest,
 * leases, sync runs, de-duplication, the outbox. Methods call the marketplace and may block; none runs
 * inside a database transaction. Marketplace types never leave the implementation.
 */
public interface MarketplaceChannel {

    Channel channel();

    /**
     * Checks the operator's connection request against the marketplace and answers the shop it names with
     * the credentials to keep. Throws {@link MarketplaceRefusal} with words for the operator when refused.
     */
    ConnectedShop connect(ConnectRequest request);

    /** Calls the marketplace with the shop's stored credentials and says who is connected, or why not. */
    ConnectionCheck testConnection(ShopAccess shop);

    /**
     * One page of orders, oldest change first, so that a cursor at the newest change seen never skips one.
     * A record that cannot be mapped comes back as a {@link FetchedOrder#failed failure}, not an exception.
     */
    OrderPage fetchOrders(ShopAccess shop, OrderQuery query);
}
