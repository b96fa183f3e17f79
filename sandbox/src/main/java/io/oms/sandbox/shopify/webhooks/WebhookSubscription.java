package io.oms.sandbox.shopify.webhooks;

import java.time.Instant;

/** A subscription made with webhookSubscriptionCreate. {@code topic} is the GraphQL enum (ORDERS_CREATE). */
public record WebhookSubscription(long id, String topic, String callbackUrl, String format, Instant createdAt) {

    /** The REST-style topic name sent in X-Shopify-Topic (orders/create). */
    public String topicHeader() {
        return restTopic(topic);
    }

    public static String restTopic(String enumTopic) {
        int i = enumTopic.indexOf('_');
        return i < 0 ? enumTopic.toLowerCase() : (enumTopic.substring(0, i) + "/" + enumTopic.substring(i + 1))
                .toLowerCase();
    }
}
