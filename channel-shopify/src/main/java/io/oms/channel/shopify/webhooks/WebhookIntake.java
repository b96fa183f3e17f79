package io.oms.channel.shopify.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.channel.core.shop.Shop;
import io.oms.channel.core.shop.ShopCredentials;
import io.oms.channel.core.shop.ShopStore;
import io.oms.channel.shopify.client.ShopifyClient;
import io.oms.events.Channel;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Receives a delivery: the signature is checked with the shop's API secret (unknown shop or wrong signature:
 * refused, nothing stored), then the raw body is stored once per webhook id. Nothing else happens before the
 * answer; {@link WebhookProcessor} works the stored deliveries.
 */
@ApplicationScoped
public class WebhookIntake {

    public enum Outcome { STORED, DUPLICATE, REFUSED }

    private final ShopStore shops;
    private final ShopCredentials credentials;
    private final WebhookDeliveries deliveries;
    private final ObjectMapper json;
    private final Clock clock;

    public WebhookIntake(ShopStore shops, ShopCredentials credentials, WebhookDeliveries deliveries, ObjectMapper json, Clock clock) {
        this.shops = shops;
        this.credentials = credentials;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    public Outcome receive(String shopDomain, String topic, String webhookId, String signature, byte[] body) {
        if (shopDomain == null || topic == null || webhookId == null || webhookId.isBlank()) {
            return Outcome.REFUSED;
        }
        String domain = shopDomain.trim().toLowerCase();
        Optional<Shop> shop = shops.findByExternalId(Channel.SHOPIFY.value(), domain);
        if (shop.isEmpty()) {
            Log.infof("webhook %s for unknown shop %s refused", webhookId, domain);
            return Outcome.REFUSED;
        }
        String secret = credentials.current(shop.get().id()).get(ShopifyClient.API_SECRET).orElse(null);
        if (!WebhookSignature.valid(body, signature, secret)) {
            Log.warnf("webhook %s (%s) for shop %s has a wrong signature: refused", webhookId, topic, domain);
            return Outcome.REFUSED;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String orderId = null;
        String customerId = null;
        try {
            JsonNode payload = json.readTree(text);
            if (topic.startsWith("orders/") && payload.hasNonNull("id")) {
                orderId = payload.path("id").asText();
            }
            if (payload.path("customer").hasNonNull("id")) {
                customerId = payload.path("customer").path("id").asText();
            }
        } catch (Exception unreadable) {
            Log.warnf("webhook %s (%s) for shop %s is not JSON; stored as it came", webhookId, topic, domain);
        }
        boolean stored = deliveries.store(new WebhookDelivery(webhookId.trim(), domain, topic.trim(), orderId, customerId, text, clock.instant()));
        return stored ? Outcome.STORED : Outcome.DUPLICATE;
    }
}
