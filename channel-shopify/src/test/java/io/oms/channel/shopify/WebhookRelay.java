package io.oms.channel.shopify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands between the sandbox's webhook sender and the connector, as the network would: it forwards each delivery
 * with its headers and body, and for a planned shop it drops chosen deliveries (answers 200, forwards nothing: lost
 * for good, as Shopify considers it delivered) or sends chosen ones twice. Deliveries are numbered per shop in the
 * order their webhook ids are first seen; a retry keeps its number.
 */
final class WebhookRelay {

    /** What to do with a shop's deliveries, by their number (1-based). */
    record Plan(Set<Integer> drop, Set<Integer> duplicate) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> FORWARDED = List.of("Content-Type", "X-Shopify-Topic", "X-Shopify-Hmac-SHA256",
            "X-Shopify-Shop-Domain", "X-Shopify-Webhook-Id", "X-Shopify-Event-Id", "X-Shopify-Triggered-At", "X-Shopify-API-Version");

    private static final Map<String, Plan> PLANS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> NUMBERS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> SEEN = new ConcurrentHashMap<>();
    private static final Set<String> DROPPED = ConcurrentHashMap.newKeySet();
    private static final Set<String> DUPLICATED = ConcurrentHashMap.newKeySet();
    private static volatile HttpServer server;
    private static volatile URI target;

    private WebhookRelay() {
    }

    /** Starts the relay; answers its address (the connector's shopify.webhooks.address). */
    static String start() {
        try {
            int port = ShopifySandbox.freePort();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.createContext("/webhooks/shopify", WebhookRelay::relay);
            server.start();
            return "http://127.0.0.1:" + port + "/webhooks/shopify";
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the webhook relay", e);
        }
    }

    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The connector's own endpoint (its test port is known only once it runs). */
    static void target(URI endpoint) {
        target = endpoint;
    }

    static void plan(String domain, Plan plan) {
        PLANS.put(domain, plan);
    }

    static int seen(String domain) {
        return SEEN.getOrDefault(domain, new AtomicInteger()).get();
    }

    static Set<String> dropped() {
        return Set.copyOf(DROPPED);
    }

    static Set<String> duplicated() {
        return Set.copyOf(DUPLICATED);
    }

    private static void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String domain = String.valueOf(exchange.getRequestHeaders().getFirst("X-Shopify-Shop-Domain"));
            String webhookId = String.valueOf(exchange.getRequestHeaders().getFirst("X-Shopify-Webhook-Id"));
            int number = NUMBERS.computeIfAbsent(webhookId, id -> SEEN.computeIfAbsent(domain, d -> new AtomicInteger()).incrementAndGet());
            Plan plan = PLANS.getOrDefault(domain, new Plan(Set.of(), Set.of()));
            URI to = target;
            if (to == null) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (plan.drop().contains(number)) {
                DROPPED.add(webhookId);
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            int status = forward(exchange, to, body);
            if (plan.duplicate().contains(number) && status == 200) {
                DUPLICATED.add(webhookId);
                status = forward(exchange, to, body);
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private static int forward(HttpExchange exchange, URI to, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(to).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : FORWARDED) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 502;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 503;
        }
    }
}
