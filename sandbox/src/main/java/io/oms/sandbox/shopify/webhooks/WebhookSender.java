package io.oms.sandbox.shopify.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.sandbox.SandboxClock;
import io.oms.sandbox.SandboxConfig;
import io.oms.sandbox.control.Resettable;
import io.oms.sandbox.shopify.ShopifyShop;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends Shopify webhooks: signed with the app's client secret (X-Shopify-Hmac-SHA256, base64 HMAC-SHA256 of the raw
 * body), asynchronously, retried with a doubling backoff, and sent twice when the shop's duplicateWebhooks fault is on
 * (same X-Shopify-Webhook-Id both times).
 */
@Singleton
public class WebhookSender implements Resettable {

    /** One delivery attempt as the control API reports it. */
    public record Attempt(Instant at, String webhookId, String topic, String address, int attempt, int status,
                          String error) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox-webhook-retry");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, List<Attempt>> attempts = new ConcurrentHashMap<>();
    private final SandboxClock clock;
    private final SandboxConfig config;

    public WebhookSender(SandboxClock clock, SandboxConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** Sends {@code payload} for {@code topic} (GraphQL enum, e.g. ORDERS_CREATE) to every matching subscription. */
    public void publish(ShopifyShop shop, String topic, Map<String, Object> payload) {
        for (WebhookSubscription sub : shop.webhooks) {
            if (!sub.topic().equals(topic)) {
                continue;
            }
            byte[] body;
            try {
                body = JSON.writeValueAsBytes(payload);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            String webhookId = UUID.randomUUID().toString();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sub.callbackUrl()))
                    .timeout(config.shopify().webhookTimeout())
                    .header("Content-Type", "application/json")
                    .header("X-Shopify-Topic", sub.topicHeader())
                    .header("X-Shopify-Hmac-SHA256", sign(body, shop.clientSecret))
                    .header("X-Shopify-Shop-Domain", shop.domain)
                    .header("X-Shopify-Webhook-Id", webhookId)
                    .header("X-Shopify-Event-Id", UUID.randomUUID().toString())
                    .header("X-Shopify-Triggered-At", clock.instant().toString())
                    .header("X-Shopify-API-Version", "2025-01")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            boolean twice = shop.faults.normalised().duplicateWebhooks();
            deliver(shop, sub, request.build(), webhookId, 1);
            if (twice) {
                deliver(shop, sub, request.build(), webhookId, 1);
            }
        }
    }

    private void deliver(ShopifyShop shop, WebhookSubscription sub, HttpRequest request, String webhookId,
                         int attempt) {
        CompletableFuture<HttpResponse<Void>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        sent.whenComplete((response, error) -> {
            int status = response == null ? 0 : response.statusCode();
            record(shop, new Attempt(clock.instant(), webhookId, sub.topicHeader(), sub.callbackUrl(), attempt, status,
                    error == null ? null : error.toString()));
            boolean ok = error == null && status >= 200 && status < 300;
            if (!ok && attempt <= config.shopify().webhookRetries()) {
                long delay = config.shopify().webhookBackoff().toMillis() << (attempt - 1);
                scheduler.schedule(() -> deliver(shop, sub, request, webhookId, attempt + 1), delay,
                        TimeUnit.MILLISECONDS);
            } else if (!ok) {
                Log.infof("webhook %s %s to %s failed after %d attempts", webhookId, sub.topicHeader(),
                        sub.callbackUrl(), attempt);
            }
        });
    }

    private void record(ShopifyShop shop, Attempt attempt) {
        attempts.computeIfAbsent(shop.domain, d -> new CopyOnWriteArrayList<>()).add(attempt);
    }

    public List<Attempt> attempts(String domain) {
        return new ArrayList<>(attempts.getOrDefault(domain, List.of()));
    }

    /** Base64 HMAC-SHA256 of the raw body with the secret, as Shopify signs webhooks. */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void reset() {
        attempts.clear();
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
