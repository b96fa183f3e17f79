package io.oms.channel.shopify.webhooks;

import java.time.Instant;

/**
 * One stored webhook delivery.
 *
 * @param orderId    the order's numeric id for orders/* topics, else null
 * @param customerId the customer's numeric id when the body names one
 * @param body       the raw JSON body; null once redacted
 */
public record WebhookDelivery(String webhookId, String shopDomain, String topic, String orderId, String customerId, String body,
        Instant receivedAt) {

    public boolean isOrderTopic() {
        return topic.startsWith("orders/");
    }
}
