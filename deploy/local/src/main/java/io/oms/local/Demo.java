package io.oms.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * `./oms demo N`: N new orders in each demo shop of the sandbox, followed through the system as an operator sees it:
 * imported and reserved (order-service), released for picking, picked and packed (fulfilment-service), shipped with a
 * tracking number, and the tracking confirmed by the marketplace (the order goes IN_TRANSIT).
 */
final class Demo {

    private static final Duration BOUND = Duration.ofMinutes(3);

    private final Seed.Http http;
    private final Seed.Endpoints at;
    private final String sandbox;

    Demo(Seed.Http http, Seed.Endpoints at) {
        this.http = http;
        this.at = at;
        this.sandbox = at.sandbox();
    }

    void run(int count, Seed.DemoShops shops) throws IOException, InterruptedException {
        String etsyShop = shops.etsyShopId();
        String domain = shops.shopifyDomain();
        Set<String> wanted = new HashSet<>();
        for (JsonNode receipt : http.send("POST", sandbox + "/sandbox/etsy/shops/" + etsyShop + "/receipts", http.object().put("count", count)).path("items")) {
            wanted.add(receipt.path("receiptId").asText());
        }
        for (JsonNode order : http.send("POST", sandbox + "/sandbox/shopify/shops/" + domain + "/orders", http.object().put("count", count)).path("items")) {
            wanted.add(order.path("legacyResourceId").asText());
        }
        Seed.say("demo: placed " + count + " orders in Etsy shop " + etsyShop + " and " + count + " in Shopify store " + domain);

        List<JsonNode> orders = await("imported and reserved", () -> ours(etsyShop, domain, wanted),
                list -> list.size() == wanted.size() && list.stream().allMatch(o -> !o.path("status").asText().isEmpty()));
        JsonNode first = orders.stream().filter(o -> o.path("status").asText().equals("NEW")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no order was fully reserved (NEW)"));
        String orderId = first.path("id").asText();
        Seed.say("demo: following order " + orderId + " (" + first.path("channel").asText() + " " + first.path("externalOrderNumber").asText("") + ")");
        http.send("POST", at.orders() + "/api/v1/orders/" + orderId + "/status", http.object().put("status", "READY_FOR_PICKING").put("cause", "demo"));
        JsonNode fulfilment = await("released for picking", () -> http.get(at.fulfilment() + "/api/v1/fulfilments?orderId=" + orderId).path("items"),
                items -> items.size() > 0).get(0);
        String fulfilmentId = fulfilment.path("id").asText();
        http.send("POST", at.fulfilment() + "/api/v1/fulfilments/" + fulfilmentId + "/pick", http.object());
        http.send("POST", at.fulfilment() + "/api/v1/fulfilments/" + fulfilmentId + "/pack", http.object());
        Seed.say("demo: picked and packed (fulfilment " + fulfilmentId + ")");
        String tracking = "DEMO" + System.currentTimeMillis();
        http.send("POST", at.fulfilment() + "/api/v1/orders/" + orderId + "/shipments", http.object().put("carrier", "dhl").put("trackingNumber", tracking));
        Seed.say("demo: shipped with DHL tracking " + tracking);
        JsonNode shipped = await("tracking confirmed by the marketplace", () -> List.of(http.get(at.orders() + "/api/v1/orders/" + orderId)),
                list -> list.get(0).path("status").asText().equals("IN_TRANSIT")).get(0);
        Seed.say("demo: order " + orderId + " is " + shipped.path("status").asText() + "; status history:");
        for (JsonNode change : shipped.path("statusHistory")) {
            Seed.say("demo:   " + change.path("from").asText("-") + " -> " + change.path("to").asText() + " (" + change.path("cause").asText() + ")");
        }
    }

    /** The demo's own orders as order-service lists them. */
    private List<JsonNode> ours(String etsyShop, String domain, Set<String> externalIds) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        for (String query : List.of("channel=etsy&shopId=" + etsyShop, "channel=shopify&shopId=" + domain)) {
            for (JsonNode order : http.get(at.orders() + "/api/v1/orders?size=500&sort=importedAt,desc&" + query).path("items")) {
                if (externalIds.contains(order.path("externalOrderId").asText())) {
                    all.add(order);
                }
            }
        }
        return all;
    }

    interface Read<T> {
        T get() throws IOException, InterruptedException;
    }

    private <T extends Iterable<JsonNode>> List<JsonNode> await(String what, Read<T> read, Predicate<List<JsonNode>> done)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        String last = "";
        while (true) {
            List<JsonNode> seen = new ArrayList<>();
            read.get().forEach(seen::add);
            Map<String, Integer> byStatus = new TreeMap<>();
            seen.forEach(node -> byStatus.merge(node.path("status").asText(node.path("state").asText("?")), 1, Integer::sum));
            String summary = seen.size() + " " + byStatus;
            if (!summary.equals(last)) {
                Seed.say("demo: " + what + ": " + summary);
                last = summary;
            }
            if (done.test(seen)) {
                return seen;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("demo: not " + what + " within " + BOUND + " (" + summary + "); see ./oms logs NAME");
            }
            Thread.sleep(1_000); // polling an operator's view once a second, as a person would
        }
    }
}
