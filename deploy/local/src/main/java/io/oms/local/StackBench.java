package io.oms.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench/stack SCENARIO[,SCENARIO...] [N]}: benchmarks of the whole running stack ({@code ./oms up}), each
 * printing a Markdown section that {@code bench/stack} appends to {@code bench/REPORT.md}.
 *
 * <ul>
 *   <li>{@code intake}: N orders (default 10,000; half per demo shop, limits lifted) until committed in order-service:
 *   orders per second, and latency from the marketplace's creation to the commit, per path (Shopify webhooks, Etsy
 *   polls).</li>
 *   <li>{@code limit}: the demo Etsy shop at Etsy's default 10 calls per second importing N receipts (default 20,000):
 *   calls per second achieved over the limit (target at least 0.9) and 429 answers (target 0); the demo Shopify store at
 *   the standard plan's bucket importing N/4 orders: points per second over the restore rate and Throttled answers.</li>
 *   <li>{@code coalescing}: 100 stock changes of one SKU within a second: the marketplace calls that pushed it (target at
 *   most 2 per shop).</li>
 *   <li>{@code footprint}: resident memory and start time of each process of the stack.</li>
 * </ul>
 */
final class StackBench {

    private static final Duration BOUND = Duration.ofMinutes(15);
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    private final LocalStack stack = new LocalStack();
    private final Seed.Http http = stack.http;
    private final Path runDir;
    private final StringBuilder md = new StringBuilder();

    StackBench(Path runDir) {
        this.runDir = runDir;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: StackBench <deploy/local/.run> <intake|limit|coalescing|footprint>[,...] [N]");
            System.exit(2);
        }
        StackBench bench = new StackBench(Path.of(args[0]));
        Integer n = args.length > 2 ? Integer.valueOf(args[2]) : null;
        for (String scenario : args[1].split(",")) {
            switch (scenario) {
                case "intake" -> bench.intake(n == null ? 10_000 : n);
                case "limit" -> bench.limit(n == null ? 20_000 : n);
                case "coalescing" -> bench.coalescing();
                case "footprint" -> bench.footprint();
                default -> {
                    System.err.println("unknown scenario '" + scenario + "'");
                    System.exit(2);
                }
            }
        }
        System.out.println();
        System.out.println(bench.md);
    }

    // ----------------------------------------------------------------------------------------------

    void intake(int orders) throws Exception {
        Seed.DemoShops shops = stack.demoShops();
        stack.etsyLimits(shops.etsyShopId(), 10_000, 100_000_000);
        stack.shopifyLimits(shops.shopifyDomain(), 1_000_000, 100_000);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        Set<String> etsy = new HashSet<>();
        Set<String> shopify = new HashSet<>();
        for (int placed = 0; placed < orders / 2; placed += 500) {
            int count = Math.min(500, orders / 2 - placed);
            etsy.addAll(stack.placeEtsyReceipts(shops.etsyShopId(), count));
            shopify.addAll(stack.placeShopifyOrders(shops.shopifyDomain(), count));
        }
        LocalStack.say("intake: placed " + orders + " orders in " + LocalStack.seconds(t0));
        syncNow("channel-etsy", stack.at.etsy(), shops.etsyShopId());
        boolean all = LocalStack.await("intake: every order in order-service", BOUND,
                () -> present("etsy", shops.etsyShopId(), etsy) + present("shopify", shops.shopifyDomain(), shopify) == orders);
        md.append("## Order intake through the whole stack\n\n")
                .append(orders).append(" orders placed in the sandbox (half in the demo Etsy shop, half in the demo Shopify store, rate limits lifted) ")
                .append("until each is committed in order-service. Latency runs from the marketplace's creation time (Etsy: whole seconds) to ")
                .append("order-service's commit; the Etsy path waits for the next poll (a manual sync is started right after placing), ")
                .append("the Shopify path is the webhook.\n\n")
                .append("| path | orders | committed within | orders/s | p50 (ms) | p99 (ms) | max (ms) |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        row("Etsy (poll)", "etsy", shops.etsyShopId(), etsy, start);
        row("Shopify (webhook)", "shopify", shops.shopifyDomain(), shopify, start);
        try (Connection c = LocalStack.db("oms_order"); PreparedStatement s = c.prepareStatement(
                "select extract(epoch from max(imported_at)) * 1000 from orders where external_order_id = any(?)")) {
            Set<String> both = new HashSet<>(etsy);
            both.addAll(shopify);
            s.setArray(1, c.createArrayOf("varchar", both.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                double seconds = (rs.getDouble(1) - start.toEpochMilli()) / 1000.0;
                md.append("| both | ").append(orders).append(" | ").append(String.format(Locale.ROOT, "%.1f s", seconds)).append(" | ")
                        .append(String.format(Locale.ROOT, "%.0f", orders / seconds)).append(" | | | |\n\n");
            }
        }
        md.append(all ? "" : "Not every order arrived within " + BOUND + ".\n\n")
                .append("Beside the ~1,500 orders/s end-to-end ceiling of Kafka, PostgreSQL, a relay and a consumer sharing these 2 cores; ")
                .append("here each order also passes a connector (marketplace read, its own outbox) and inventory's reservation.\n\n");
    }

    private void row(String label, String channel, String shopId, Set<String> ids, Instant start) throws Exception {
        try (Connection c = LocalStack.db("oms_order"); PreparedStatement s = c.prepareStatement("""
                select count(*), extract(epoch from max(imported_at)) * 1000,
                  percentile_cont(0.5) within group (order by extract(epoch from imported_at - marketplace_created_at) * 1000),
                  percentile_cont(0.99) within group (order by extract(epoch from imported_at - marketplace_created_at) * 1000),
                  max(extract(epoch from imported_at - marketplace_created_at) * 1000)
                from orders where channel = ? and shop_id = ? and external_order_id = any(?)""")) {
            s.setString(1, channel);
            s.setString(2, shopId);
            s.setArray(3, c.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                int count = rs.getInt(1);
                double seconds = (rs.getDouble(2) - start.toEpochMilli()) / 1000.0;
                md.append("| ").append(label).append(" | ").append(count).append(" | ").append(String.format(Locale.ROOT, "%.1f s", seconds))
                        .append(" | ").append(String.format(Locale.ROOT, "%.0f", count / seconds))
                        .append(" | ").append(String.format(Locale.ROOT, "%.0f | %.0f | %.0f", rs.getDouble(3), rs.getDouble(4), rs.getDouble(5))).append(" |\n");
            }
        }
    }

    private int present(String channel, String shopId, Set<String> ids) throws Exception {
        try (Connection c = LocalStack.db("oms_order"); PreparedStatement s = c.prepareStatement(
                "select count(*) from orders where channel = ? and shop_id = ? and external_order_id = any(?)")) {
            s.setString(1, channel);
            s.setString(2, shopId);
            s.setArray(3, c.createArrayOf("varchar", ids.toArray()));
            return LocalStack.single(s);
        }
    }

    /** A manual sync of the connector's shop (channel-core's sync API). */
    private void syncNow(String connector, String base, String marketplaceShopId) throws IOException, InterruptedException {
        for (JsonNode shop : http.get(base + "/api/v1/shops").path("items")) {
            if (marketplaceShopId.equals(shop.path("externalShopId").asText())) {
                http.send("POST", base + "/api/v1/shops/" + shop.path("id").asText() + "/sync", http.object().put("what", "orders"));
                LocalStack.say(connector + ": sync of " + marketplaceShopId + " started");
                return;
            }
        }
        throw new IllegalStateException(connector + " has no shop " + marketplaceShopId + ": ./oms up seeds it");
    }

    // ----------------------------------------------------------------------------------------------

    void limit(int receipts) throws Exception {
        Seed.DemoShops shops = stack.demoShops();
        String shopId = shops.etsyShopId();
        stack.etsyLimits(shopId, 10, 100_000_000);
        http.send("POST", LocalStack.SANDBOX + "/sandbox/etsy/shops/" + shopId + "/reset", http.object());
        Set<String> etsy = new HashSet<>();
        for (int placed = 0; placed < receipts; placed += 1000) {
            etsy.addAll(stack.placeEtsyReceipts(shopId, Math.min(1000, receipts - placed)));
        }
        syncNow("channel-etsy", stack.at.etsy(), shopId);
        LocalStack.await("limit: every Etsy receipt in order-service", BOUND, () -> present("etsy", shopId, etsy) == receipts);
        JsonNode calls = stack.calls("etsy", shopId);
        Rate etsyRate = rate(calls, call -> 1.0);
        long tooMany = count(calls, call -> call.path("status").asInt() == 429);
        stack.etsyLimits(shopId, 10_000, 100_000_000);

        md.append("## Import at the marketplace's limit\n\n")
                .append("Etsy: the demo shop at Etsy's default 10 calls per second imports ").append(receipts)
                .append(" receipts (pages of 100) while the connector also pushes the stock their reservations change. ")
                .append("Calls per second over the whole import, as the sandbox counted them.\n\n")
                .append("| marketplace | calls | over | achieved | limit | ratio (target ≥ 0.9) | 429 / Throttled (target 0) |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n")
                .append(String.format(Locale.ROOT, "| Etsy | %d | %.1f s | %.2f calls/s | 10 calls/s | %.2f (%s) | %d |\n",
                        etsyRate.calls, etsyRate.seconds, etsyRate.perSecond(), etsyRate.perSecond() / 10, etsyRate.perSecond() / 10 >= 0.9 ? "met" : "missed", tooMany));

        String domain = shops.shopifyDomain();
        int orders = Math.max(100, receipts / 4);
        stack.shopifyLimits(domain, 1000, 50);
        Set<String> shopify = new HashSet<>();
        for (int placed = 0; placed < orders; placed += 1000) {
            shopify.addAll(stack.placeShopifyOrders(domain, Math.min(1000, orders - placed)));
        }
        LocalStack.await("limit: every Shopify order in order-service", BOUND, () -> present("shopify", domain, shopify) == orders);
        JsonNode shopifyCalls = stack.calls("shopify", domain);
        Rate points = rate(shopifyCalls, call -> call.path("cost").asDouble());
        long throttled = count(shopifyCalls, call -> call.path("operation").asText().toLowerCase(Locale.ROOT).contains("throttl")
                || call.path("status").asInt() == 429);
        stack.shopifyLimits(domain, 1_000_000, 100_000);
        md.append(String.format(Locale.ROOT, "| Shopify (%d orders, webhooks) | %d | %.1f s | %.1f points/s | 50 points/s (bucket 1,000) | %.2f (%s) | %d |\n\n",
                orders, points.calls, points.seconds, points.perSecond(), points.perSecond() / 50, points.perSecond() / 50 >= 0.9 ? "met" : "missed", throttled));
    }

    private record Rate(long calls, double amount, double seconds) {
        double perSecond() {
            return seconds <= 0 ? 0 : amount / seconds;
        }
    }

    interface Weight {
        double of(JsonNode call);
    }

    interface Test {
        boolean of(JsonNode call);
    }

    /** Calls (weighted: 1 each, or their cost) per second from the first call of the log to the last. */
    private static Rate rate(JsonNode calls, Weight weight) {
        Instant first = null;
        Instant last = null;
        double amount = 0;
        long n = 0;
        for (JsonNode call : calls) {
            Instant time = Instant.parse(call.path("time").asText());
            first = first == null || time.isBefore(first) ? time : first;
            last = last == null || time.isAfter(last) ? time : last;
            amount += weight.of(call);
            n++;
        }
        return first == null ? new Rate(0, 0, 0) : new Rate(n, amount, Duration.between(first, last).toMillis() / 1000.0);
    }

    private static long count(JsonNode calls, Test test) {
        long n = 0;
        for (JsonNode call : calls) {
            n += test.of(call) ? 1 : 0;
        }
        return n;
    }

    // ----------------------------------------------------------------------------------------------

    void coalescing() throws Exception {
        Seed.DemoShops shops = stack.demoShops();
        md.append("## Coalescing: 100 changes of one SKU within a second\n\n")
                .append("100 stock receipts of one unit each for one SKU, 10 at a time, then the marketplace calls that carried the SKU's ")
                .append("quantity until the shop showed the final one.\n\n")
                .append("| shop | changes sent in | calls that wrote the SKU's stock | target | verdict |\n| --- | --- | --- | --- | --- |\n");
        String etsySku = stack.etsyQuantities(shops).keySet().iterator().next();
        coalesce("Etsy", etsySku, "etsy", shops.etsyShopId(), "updateListingInventory", () -> stack.etsyQuantities(shops).get(etsySku));
        String shopifySku = shops.shopify().path("skus").path(0).asText();
        coalesce("Shopify", shopifySku, "shopify", shops.shopifyDomain(), "inventorySetQuantities", () -> stack.shopifyQuantities(shops).get(shopifySku));
        md.append('\n');
    }

    interface Shown {
        Integer get() throws Exception;
    }

    private void coalesce(String label, String sku, String channel, String shop, String writeOperation, Shown shown) throws Exception {
        Instant before = Instant.now();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<JsonNode>> sent = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sent.add(pool.submit(() -> http.send("POST", stack.at.inventory() + "/api/v1/stock/adjustments", http.object().put("type", "receipt")
                        .put("sku", sku).put("warehouse", Seed.WAREHOUSE).put("quantity", 1).put("reason", "coalescing bench"))));
            }
            for (Future<JsonNode> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        String sentIn = LocalStack.seconds(t0);
        int want;
        try (Connection c = LocalStack.db("oms_inventory"); PreparedStatement s = c.prepareStatement(
                "select greatest(on_hand - reserved, 0) from stock where sku = ? and warehouse_code = ?")) {
            s.setString(1, sku);
            s.setString(2, Seed.WAREHOUSE);
            want = LocalStack.single(s);
        }
        boolean shownRight = LocalStack.await("coalescing: " + label + " shows " + want + " of " + sku, Duration.ofMinutes(2),
                () -> Integer.valueOf(want).equals(shown.get()));
        long writes = count(stack.calls(channel, shop), call -> !Instant.parse(call.path("time").asText()).isBefore(before)
                && call.path("operation").asText().contains(writeOperation));
        md.append("| ").append(label).append(" (").append(sku).append(") | ").append(sentIn).append(" | ").append(writes)
                .append(shownRight ? "" : " (the final quantity did not show)").append(" | ≤ 2 | ")
                .append(writes <= 2 && shownRight ? "met" : "missed").append(" |\n");
    }

    // ----------------------------------------------------------------------------------------------

    void footprint() throws IOException {
        md.append("## Footprint of the local stack\n\n")
                .append("Resident memory (VmRSS) of each process after the runs above, and the start time Quarkus logged at its last start ")
                .append("(`./oms up` starts them with `-Xmx512m`).\n\n| process | RSS (MiB) | start time (s) |\n| --- | --- | --- |\n");
        try (var pids = Files.list(runDir.resolve("services"))) {
            for (Path pidFile : pids.sorted().toList()) {
                String name = pidFile.getFileName().toString().replace(".pid", "");
                String pid = Files.readString(pidFile).trim();
                Path status = Path.of("/proc", pid, "status");
                String rss = Files.exists(status) ? Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                        .map(l -> String.valueOf(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)).findFirst().orElse("?") : "not running";
                String started = "?";
                Path log = runDir.resolve("logs").resolve(name + ".log");
                if (Files.exists(log)) {
                    Matcher m = STARTED.matcher(Files.readString(log));
                    while (m.find()) {
                        started = m.group(1);
                    }
                }
                md.append("| ").append(name).append(" | ").append(rss).append(" | ").append(started).append(" |\n");
            }
        }
        md.append('\n');
    }
}
