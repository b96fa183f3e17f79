package io.oms.sandbox.shopify.orders;

import io.oms.sandbox.shopify.ShopifyShop;
import io.oms.sandbox.shopify.webhooks.WebhookSender;
import jakarta.inject.Singleton;

/** Turns order changes into webhooks: orders/create, orders/updated, orders/cancelled. */
@Singleton
public class OrderEvents {

    private final WebhookSender sender;

    public OrderEvents(WebhookSender sender) {
        this.sender = sender;
    }

    public void created(ShopifyShop shop, ShopifyOrder order) {
        sender.publish(shop, "ORDERS_CREATE", OrderPayload.of(order));
    }

    public void updated(ShopifyShop shop, ShopifyOrder order) {
        sender.publish(shop, "ORDERS_UPDATED", OrderPayload.of(order));
    }

    public void cancelled(ShopifyShop shop, ShopifyOrder order) {
        sender.publish(shop, "ORDERS_CANCELLED", OrderPayload.of(order));
        sender.publish(shop, "ORDERS_UPDATED", OrderPayload.of(order));
    }
}
