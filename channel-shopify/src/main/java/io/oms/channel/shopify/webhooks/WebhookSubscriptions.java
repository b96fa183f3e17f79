package io.oms.channel.shopify.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.oms.channel.core.marketplace.MarketplaceRefusal;
import io.oms.channel.shopify.client.ShopifyClient;
import io.oms.channel.shopify.client.ShopifyDocuments;
import io.oms.channel.shopify.config.ShopifyConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Subscribes the connector's public address to the configured topics of a shop (connecting it). */
@ApplicationScoped
public class WebhookSubscriptions {

    private final ShopifyClient client;
    private final ShopifyConfig config;

    public WebhookSubscriptions(ShopifyClient client, ShopifyConfig config) {
        this.client = client;
        this.config = config;
    }

    /** Idempotent: a topic already subscribed at the address is fine. */
    public void subscribe(String domain, String accessToken) {
        String address = config.webhooks().address().filter(a -> !a.isBlank()).orElse(null);
        if (address == null) {
            Log.infof("shopify.webhooks.address is not set: shop %s is synced by polling only", domain);
            return;
        }
        for (String topic : config.webhooks().topics()) {
            JsonNode answer = client.query(domain, accessToken, ShopifyDocuments.SUBSCRIBE_WEBHOOK, Map.of("topic", topic, "address", address))
                    .path("webhookSubscriptionCreate");
            for (JsonNode error : answer.path("userErrors")) {
                String message = error.path("message").asText();
                if (!message.contains("already been taken")) {
                    throw new MarketplaceRefusal("Shopify refused the " + topic + " webhook at " + address + ": " + message);
                }
            }
        }
        Log.infof("shop %s: webhooks %s go to %s", domain, config.webhooks().topics(), address);
    }
}
