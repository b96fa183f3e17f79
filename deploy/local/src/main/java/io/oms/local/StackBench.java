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
import java.util.Map;
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
 *   the standard plan's bucket importing N/4 orders (100 to 200: each costs about 35 points, so the bucket imports about 1.4 a second): points per second over the restore rate and Throttled answers.</li>
 *   <li>{@code coalescing}: 100 stock changes of one SKU within a second: the marketplace calls that pushed it (target at
 *   most 2 per shop).</li>
 *   <li>{@code fanout}: about N SKUs (default 1,000) listed in one Etsy shop and about N in one Shopify store (shops of
 *   their own, fed by a warehouse of their own) changed at once by one stock-count import: time until each shop shows
 *   every new quantity, against the marketplace's floor (Etsy: listings ÷ 10 calls per second; Shopify: the cost of
 *   the writes beyond the bucket ÷ the restore rate); target at most 1.2 × the floor.</li>
 *   <li>{@code initial-sync}: an Etsy shop of its own with N receipts (default 50,000) created over 90 days, connected at
 *   Etsy's 10 calls per second: time until every receipt is in order-service, calls made, against the floor of N ÷ 100
 *   pages at 10 per second.</li>
 *   <li>{@code footprint}: resident memory and start time of each process of the stack.</li>
 * </ul>
 */
final class StackBench {

    private static final Duration BOUND = Duration.ofMinutes(15);
    /** Etsy's stock write, as the sandbox logs it (the OpenAPI operation id). */
    private static final String ETSY_STOCK_WRITE = "updateListingInventory";
    /**
     * Shopify's stock write: the sandbox logs a GraphQL call under the operation's name, and channel-shopify names its
     * {@code inventorySetQuantities} mutation {@code SetAvailable} (ShopifyDocuments).
     */
    private static final String SHOPIFY_STOCK_WRITE = "SetAvailable";
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    private final LocalStack stack = new LocalStack();
    private final Seed.Http http = stack.http;
    private final Seed.Endpoints at = stack.at;
    private final Path runDir;
    private final StringBuilder md = new StringBuilder();

    StackBench(Path runDir) {
        this.runDir = runDir;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: StackBench <deploy/local/.run> <intake|limit|coalescing|fanout|initial-sync|footprint>[,...] [N]");
            System.exit(2);
        }
        StackBench bench = new StackBench(Path.of(args[0]));
        Integer n = args.length > 2 ? Integer.valueOf(args[2]) : null;
        for (String scenario : args[1].split(",")) {
            try {
                bench.run(scenario, n);
            } catch (Exception e) {
                // one scenario's failure is reported, and the others still run and report
                LocalStack.say(scenario + " failed: " + e);
                bench.md.append("## ").append(scenario).append(": failed\n\n").append(e).append("\n\n");
            }
        }
        System.out.println();
        System.out.println(bench.md);
    }

    private void run(String scenario, Integer n) throws Exception {
        switch (scenario) {
            case "intake" -> intake(n == null ? 10_000 : n);
            case "limit" -> limit(n == null ? 20_000 : n);
            case "coalescing" -> coalescing();
            case "fanout" -> fanout(n == null ? 1_000 : n);
            case "initial-sync" -> initialSync(n == null ? 50_000 : n);
            case "footprint" -> footprint();
            default -> {
                System.err.println("unknown scenario '" + scenario + "'");
                System.exit(2);
            }
        }
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
        for (JsonNode shop : http.get(base + "/api/v1/shops?size=500").path("items")) {
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
        // Each order costs the connector about 35 points (read by id after its webhook), so the standard bucket imports about
        // 1.4 orders a second: 200 orders keep it at its limit for about two minutes, enough for the ratio.
        int orders = Math.min(200, Math.max(100, receipts / 4));
        stack.shopifyLimits(domain, 1000, 50);
        // only this part's calls count (the store's log also holds the calls of earlier scenarios)
        http.send("POST", LocalStack.SANDBOX + "/sandbox/shopify/shops/" + domain + "/reset", http.object());
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
        // the sandbox's stock views: reading through the marketplace APIs would spend the shops' own limits
        coalesce("Etsy", etsySku, "etsy", shops.etsyShopId(), ETSY_STOCK_WRITE, () -> shownStock("etsy", shops.etsyShopId()).get(etsySku));
        String shopifySku = shops.shopify().path("skus").path(0).asText();
        coalesce("Shopify", shopifySku, "shopify", shops.shopifyDomain(), SHOPIFY_STOCK_WRITE, () -> shownStock("shopify", shops.shopifyDomain()).get(shopifySku));
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
                && call.path("operation").asText().equals(writeOperation));
        md.append("| ").append(label).append(" (").append(sku).append(") | ").append(sentIn).append(" | ").append(writes)
                .append(shownRight ? "" : " (the final quantity did not show)").append(" | ≤ 2 | ")
                .append(writes <= 2 && shownRight ? "met" : "missed").append(" |\n");
    }


    // ----------------------------------------------------------------------------------------------

    static final String FANOUT_WAREHOUSE = "FANOUT";

    void fanout(int skus) throws Exception {
        // Etsy listings alternate 1 and 3 SKUs (about 7 per 3 listings); Shopify products 1 and 3 (2 on average).
        int listings = Math.max(1, skus * 3 / 7);
        int products = Math.max(1, skus / 2);
        Seed seed = new Seed(at);
        JsonNode etsy = sandboxShop("etsy", "FanoutCrafts", http.object().put("name", "FanoutCrafts").put("listings", listings).put("stock", 20)
                .put("currency", "EUR"));
        JsonNode shopify = sandboxShop("shopify", "fanout-store", http.object().put("name", "fanout-store").put("products", products).put("stock", 20)
                .put("currency", "EUR"));
        String etsyShop = etsy.path("shopId").asText();
        String domain = shopify.path("domain").asText();
        stack.etsyLimits(etsyShop, 10_000, 100_000_000);
        stack.shopifyLimits(domain, 1_000_000, 100_000);
        Map<String, Integer> etsyShown = shownStock("etsy", etsyShop);
        Map<String, Integer> shopifyShown = shownStock("shopify", domain);
        Set<String> all = new java.util.TreeSet<>(etsyShown.keySet());
        all.addAll(shopifyShown.keySet());
        seed.inventory(all, FANOUT_WAREHOUSE, "Fan-out bench warehouse", 20);
        String etsyConnected = seed.connectEtsy(etsy, "FanoutCrafts", FANOUT_WAREHOUSE);
        String shopifyConnected = seed.connectShopify(shopify, "fanout-store", FANOUT_WAREHOUSE);
        LocalStack.await("fanout: channel-etsy knows the listings of " + etsyShop, BOUND,
                () -> http.get(at.etsy() + "/api/v1/shops/" + etsyConnected + "/listings").path("total").asInt() >= etsyShown.size());
        // The setup's own pushes (inventory's current stock) end before the measured change starts.
        int before = countOnHand(all);
        LocalStack.await("fanout: the shops show inventory's stock and their push queues are empty", BOUND,
                () -> queued("oms_channel_etsy", etsyConnected) + queued("oms_channel_shopify", shopifyConnected) == 0
                        && mismatches(shownStock("etsy", etsyShop), available(all)) == 0
                        && mismatches(shownStock("shopify", domain), available(all)) == 0);

        stack.etsyLimits(etsyShop, 10, 100_000_000);
        stack.shopifyLimits(domain, 1000, 50);
        http.send("POST", LocalStack.SANDBOX + "/sandbox/etsy/shops/" + etsyShop + "/reset", http.object());
        http.send("POST", LocalStack.SANDBOX + "/sandbox/shopify/shops/" + domain + "/reset", http.object());
        int next = before + 7;
        // The import's required columns as Seed wrote them (name, price and currency unchanged), and the new count.
        StringBuilder csv = new StringBuilder("sku,name,price,currency,warehouse,onHand\n");
        int row = 0;
        for (String sku : all) {
            csv.append(sku).append(",Demo item ").append(++row).append(",19.90,EUR,").append(FANOUT_WAREHOUSE).append(',').append(next).append('\n');
        }
        long sent = System.nanoTime();
        JsonNode report = http.sendText("POST", at.inventory() + "/api/v1/items/import", "text/csv", csv.toString());
        String imported = LocalStack.seconds(sent);
        // The change exists once the import has committed (its answer): the clock of the fan-out starts there.
        long t0 = System.nanoTime();
        LocalStack.say("fanout: " + all.size() + " SKUs counted at " + next + " in " + imported + " (" + report.path("updated").asInt() + " updated)");
        Map<String, Integer> want = available(all);
        double[] etsySeconds = {-1};
        double[] shopifySeconds = {-1};
        LocalStack.await("fanout: both shops show every new quantity", BOUND, () -> {
            if (etsySeconds[0] < 0 && mismatches(shownStock("etsy", etsyShop), want) == 0) {
                etsySeconds[0] = (System.nanoTime() - t0) / 1e9;
            }
            if (shopifySeconds[0] < 0 && mismatches(shownStock("shopify", domain), want) == 0) {
                shopifySeconds[0] = (System.nanoTime() - t0) / 1e9;
            }
            return etsySeconds[0] >= 0 && shopifySeconds[0] >= 0;
        });
        JsonNode etsyCalls = stack.calls("etsy", etsyShop);
        JsonNode shopifyCalls = stack.calls("shopify", domain);
        long etsyWrites = count(etsyCalls, call -> call.path("operation").asText().equals(ETSY_STOCK_WRITE));
        long etsy429 = count(etsyCalls, call -> call.path("status").asInt() == 429);
        long shopifyWrites = count(shopifyCalls, call -> call.path("operation").asText().equals(SHOPIFY_STOCK_WRITE));
        double shopifyCost = 0;
        for (JsonNode call : shopifyCalls) {
            shopifyCost += call.path("cost").asDouble();
        }
        long throttled = count(shopifyCalls, call -> call.path("operation").asText().toLowerCase(Locale.ROOT).contains("throttl"));
        double etsyFloor = listings / 10.0;
        double shopifyFloor = Math.max(0, (shopifyCost - 1000) / 50.0);
        stack.etsyLimits(etsyShop, 10_000, 100_000_000);
        stack.shopifyLimits(domain, 1_000_000, 100_000);

        md.append("## Stock fan-out: ").append(all.size()).append(" SKUs changed at once\n\n")
                .append("One stock-count import (`POST /api/v1/items/import`, answered in ").append(imported).append(") sets a new on-hand quantity for ")
                .append(etsyShown.size()).append(" SKUs on ").append(listings).append(" listings of an Etsy shop at Etsy's 10 calls per second and ")
                .append(shopifyShown.size()).append(" SKUs of a Shopify store at the standard bucket (1,000 points, 50 restored per second). ")
                .append("Time from the import's answer (the change committed) until the marketplace's own stock shows every new quantity (polled once a second), against the floor ")
                .append("the marketplace's limit sets. For comparison, Anchanto's help pages give 1,000 SKUs per 15 minutes (900 s).\n\n")
                .append("| shop | SKUs | writes | all shown after | floor | ratio (target ≤ 1.2) | 429 / Throttled |\n| --- | --- | --- | --- | --- | --- | --- |\n")
                .append(String.format(Locale.ROOT, "| Etsy (%d listings) | %d | %d updateListingInventory | %s | %.1f s (listings ÷ 10/s) | %s | %d |%n",
                        listings, etsyShown.size(), etsyWrites, shown(etsySeconds[0]), etsyFloor, ratio(etsySeconds[0], etsyFloor), etsy429))
                .append(String.format(Locale.ROOT, "| Shopify | %d | %d inventorySetQuantities (%.0f points in all calls) | %s | %.1f s (points beyond the bucket ÷ 50/s) | %s | %d |%n%n",
                        shopifyShown.size(), shopifyWrites, shopifyCost, shown(shopifySeconds[0]), shopifyFloor,
                        shopifyFloor < 1 ? "floor under 1 s: the bucket holds the whole change, so the time is the pipeline's own" : ratio(shopifySeconds[0], shopifyFloor),
                        throttled));
    }

    private static String shown(double seconds) {
        return seconds < 0 ? "not within " + BOUND.toMinutes() + " min" : String.format(Locale.ROOT, "%.1f s", seconds);
    }

    private static String ratio(double seconds, double floor) {
        if (seconds < 0) {
            return "missed (not shown)";
        }
        double ratio = seconds / floor;
        return String.format(Locale.ROOT, "%.2f (%s)", ratio, ratio <= 1.2 ? "met" : "missed");
    }

    /** A sandbox shop or store by name, created when missing (an earlier run's is reused). */
    private JsonNode sandboxShop(String channel, String name, JsonNode create) throws IOException, InterruptedException {
        for (JsonNode shop : http.get(LocalStack.SANDBOX + "/sandbox/" + channel + "/shops").path("items")) {
            String key = channel.equals("etsy") ? shop.path("shopId").asText() : shop.path("domain").asText();
            if (name.equals(shop.path("name").asText()) || name.equals(shop.path("shopName").asText()) || key.equals(name + ".myshopify.com")) {
                return http.get(LocalStack.SANDBOX + "/sandbox/" + channel + "/shops/" + key);
            }
        }
        return http.send("POST", LocalStack.SANDBOX + "/sandbox/" + channel + "/shops", create);
    }

    /** SKU → the quantity the shop shows (the sandbox's view, outside the rate limit). */
    private Map<String, Integer> shownStock(String channel, String shop) throws IOException, InterruptedException {
        Map<String, Integer> shown = new java.util.TreeMap<>();
        http.get(LocalStack.SANDBOX + "/sandbox/" + channel + "/shops/" + shop + "/stock").path("items").fields()
                .forEachRemaining(e -> shown.put(e.getKey(), e.getValue().asInt()));
        return shown;
    }

    /** SKU → inventory's available quantity in the fan-out warehouse. */
    private static Map<String, Integer> available(Set<String> skus) throws Exception {
        return LocalStack.available(FANOUT_WAREHOUSE, skus);
    }

    private static int countOnHand(Set<String> skus) throws Exception {
        try (Connection c = LocalStack.db("oms_inventory"); PreparedStatement s = c.prepareStatement(
                "select coalesce(max(on_hand), 0) from stock where warehouse_code = ? and sku = any(?)")) {
            s.setString(1, FANOUT_WAREHOUSE);
            s.setArray(2, c.createArrayOf("varchar", skus.toArray()));
            return LocalStack.single(s);
        }
    }

    private static int mismatches(Map<String, Integer> shown, Map<String, Integer> want) {
        int wrong = 0;
        for (Map.Entry<String, Integer> sku : shown.entrySet()) {
            wrong += sku.getValue().equals(want.get(sku.getKey())) ? 0 : 1;
        }
        return wrong;
    }

    private static int queued(String database, String connectorShopId) throws Exception {
        try (Connection c = LocalStack.db(database); PreparedStatement s = c.prepareStatement(
                "select count(*) from channel_push_queue where shop_id = ?::uuid")) {
            s.setString(1, connectorShopId);
            return LocalStack.single(s);
        }
    }

    // ----------------------------------------------------------------------------------------------

    void initialSync(int receipts) throws Exception {
        Seed seed = new Seed(at);
        String name = "History" + receipts;
        JsonNode etsy = sandboxShop("etsy", name, http.object().put("name", name).put("listings", 20).put("stock", receipts * 3).put("currency", "EUR"));
        String shopId = etsy.path("shopId").asText();
        String existing = connectorShop(at.etsy(), shopId);
        if (existing != null) {
            md.append("## Initial sync\n\nThe shop ").append(name).append(" was connected by an earlier run; its initial sync is over. ")
                    .append("Start a fresh sandbox (`./oms down`, `./oms up`) to measure it again.\n\n");
            return;
        }
        stack.etsyLimits(shopId, 10_000, 100_000_000);
        Set<String> ids = new HashSet<>();
        for (int placed = 0; placed < receipts; placed += 10_000) {
            int count = Math.min(10_000, receipts - placed);
            JsonNode created = http.send("POST", LocalStack.SANDBOX + "/sandbox/etsy/shops/" + shopId + "/receipts",
                    http.object().put("count", count).put("spreadDays", 90));
            LocalStack.say("initial-sync: " + (placed + created.path("total").asInt()) + " receipts");
        }
        http.get(LocalStack.SANDBOX + "/sandbox/etsy/shops/" + shopId + "/receipts?limit=" + receipts).path("items")
                .forEach(r -> ids.add(r.path("receiptId").asText()));
        stack.etsyLimits(shopId, 10, 100_000_000);
        http.send("POST", LocalStack.SANDBOX + "/sandbox/etsy/shops/" + shopId + "/reset", http.object());
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        seed.connectEtsy(etsy, name, Seed.WAREHOUSE);
        boolean all = LocalStack.await("initial-sync: every receipt in order-service", Duration.ofMinutes(30),
                () -> present("etsy", shopId, ids) >= ids.size());
        double seconds = (System.nanoTime() - t0) / 1e9;
        JsonNode calls = stack.calls("etsy", shopId);
        long pages = count(calls, call -> call.path("operation").asText().equals("getShopReceipts"));
        long tooMany = count(calls, call -> call.path("status").asInt() == 429);
        Rate rate = rate(calls, call -> 1.0);
        double floor = Math.ceil(ids.size() / 100.0) / 10.0;
        double lastPage = 0;
        for (JsonNode call : calls) {
            if (call.path("operation").asText().equals("getShopReceipts")) {
                lastPage = Math.max(lastPage, Duration.between(start, Instant.parse(call.path("time").asText())).toMillis() / 1000.0);
            }
        }
        stack.etsyLimits(shopId, 10_000, 100_000_000);
        md.append("## Initial sync: ").append(ids.size()).append(" receipts over 90 days\n\n")
                .append("An Etsy shop with ").append(ids.size()).append(" receipts created evenly over the past 90 days is connected (OAuth) at Etsy's ")
                .append("10 calls per second; the connector's first run reads the 90-day history in pages of 100. Floor: ")
                .append((int) Math.ceil(ids.size() / 100.0)).append(" pages at 10 per second.\n\n")
                .append("| receipts | in order-service after | last page read after | floor | ratio (pages) | calls (getShopReceipts) | calls/s | 429 |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n")
                .append(String.format(Locale.ROOT, "| %d | %s | %.1f s | %.1f s | %.2f | %d (%d) | %.2f | %d |%n%n", ids.size(),
                        all ? String.format(Locale.ROOT, "%.1f s", seconds) : "not within 30 min", lastPage, floor, lastPage / floor,
                        rate.calls, pages, rate.perSecond(), tooMany))
                .append("Order-service commits what the pages bring at its own intake rate (see the intake benchmarks), so the second column ")
                .append("is bound by that, the third by Etsy's limit.\n\n");
    }

    private String connectorShop(String connector, String marketplaceShopId) throws IOException, InterruptedException {
        for (JsonNode shop : http.get(connector + "/api/v1/shops?size=500").path("items")) {
            if (marketplaceShopId.equals(shop.path("externalShopId").asText())) {
                return shop.path("id").asText();
            }
        }
        return null;
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
