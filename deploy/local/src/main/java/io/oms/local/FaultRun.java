package io.oms.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bench/fault TARGET [ORDERS] [DOWN_SECONDS]}: a crash in the middle of real work on the running local stack
 * ({@code ./oms up}), then the counts that say whether anything was lost or done twice.
 *
 * <p>While ORDERS orders (half in the demo Etsy shop, half in the demo Shopify store, marketplace limits lifted) are
 * placed in the sandbox, stock receipts are booked in inventory-service and a sample of the reserved orders is picked,
 * packed and shipped with a tracking number. When a third of the orders is in order-service, TARGET (a service, {@code kafka} or
 * {@code postgres}; {@code none} for a baseline) is killed with {@code kill -9} (PostgreSQL: stopped {@code -m
 * immediate}), left down DOWN_SECONDS and started again through {@code ./oms start}.
 *
 * <p>Then, within a bound, the system must settle: every placed order exists exactly once in order-service, its status
 * history holds no event twice, inventory's reserved stock equals the sum of its open reservations (nothing reserved
 * twice), each demo shop shows inventory's available quantity for every SKU, and every shipment's tracking number is
 * on the marketplace order. The verdict prints lost and duplicated counts (target 0 and 0) as a Markdown block that
 * {@code bench/fault} appends to {@code bench/REPORT.md}.
 */
final class FaultRun {

    private static final int PLACED_PER_CALL = 100;
    /** How long the system may take to settle after the run, per condition ({@code BENCH_FAULT_SETTLE_MINUTES}). */
    private static final Duration SETTLE = Duration.ofMinutes(Long.parseLong(System.getenv().getOrDefault("BENCH_FAULT_SETTLE_MINUTES", "10")));

    private final LocalStack stack = new LocalStack();
    private final Seed.Http http = stack.http;
    private final Seed.Endpoints at = stack.at;
    private final Path oms;
    private final String target;
    private final int orders;
    private final int downSeconds;

    private final Set<String> placedEtsy = ConcurrentHashMap.newKeySet();
    private final Set<String> placedShopify = ConcurrentHashMap.newKeySet();
    /** order id in order-service → the tracking number it was shipped with. */
    private final Map<String, Shipped> shipped = new ConcurrentHashMap<>();
    private final AtomicInteger stockChanges = new AtomicInteger();
    private final AtomicInteger operatorRetries = new AtomicInteger();

    record Shipped(String channel, String externalOrderId, String tracking) {
    }

    FaultRun(Path oms, String target, int orders, int downSeconds) {
        this.oms = oms;
        this.target = target;
        this.orders = orders;
        this.downSeconds = downSeconds;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FaultRun <path of ./oms> <target: none|order-service|inventory-service|fulfilment-service|"
                    + "channel-etsy|channel-shopify|kafka|postgres> [orders] [downSeconds]");
            System.exit(2);
        }
        int orders = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int down = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        boolean passed = new FaultRun(Path.of(args[0]), args[1], orders, down).run();
        System.exit(passed ? 0 : 1);
    }

    boolean run() throws Exception {
        Seed.DemoShops shops = stack.demoShops();
        String etsyShop = shops.etsyShopId();
        String domain = shops.shopifyDomain();
        stack.etsyLimits(etsyShop, 10_000, 100_000_000);
        stack.shopifyLimits(domain, 1_000_000, 100_000);
        List<String> skus = skus(shops);
        say("target " + target + ", " + orders + " orders (" + orders / 2 + " per shop), down " + downSeconds + " s, "
                + skus.size() + " SKUs; Etsy shop " + etsyShop + ", Shopify store " + domain);

        AtomicBoolean placing = new AtomicBoolean(true);
        Thread shipper = new Thread(() -> shipSample(placing), "shipper");
        shipper.start();
        Thread fault = null;
        long t0 = System.nanoTime();
        int perShop = orders / 2;
        for (int placed = 0; placed < perShop; placed += PLACED_PER_CALL) {
            int count = Math.min(PLACED_PER_CALL, perShop - placed);
            placedEtsy.addAll(stack.placeEtsyReceipts(etsyShop, count));
            placedShopify.addAll(stack.placeShopifyOrders(domain, count));
            receiveStock(skus);
            if (fault == null) {
                fault = new Thread(() -> crashAndRestart(etsyShop, domain), "fault");
                fault.start();
            }
        }
        say("placed " + (placedEtsy.size() + placedShopify.size()) + " orders in " + LocalStack.seconds(t0));
        if (fault != null) {
            fault.join();
        }
        placing.set(false);
        shipper.join();

        // Settling: everything the run did must arrive, within a bound.
        boolean allImported = LocalStack.await("every order in order-service", SETTLE, () -> missing(etsyShop, domain) == 0);
        boolean allTracked = LocalStack.await("every shipment's tracking on the marketplace", SETTLE, () -> untracked(shops).isEmpty());
        boolean stockRight = LocalStack.await("every shop showing inventory's available stock", SETTLE, () -> stockMismatches(shops, skus).isEmpty());

        int lost = missing(etsyShop, domain);
        int duplicateOrders = duplicateOrders(etsyShop, domain);
        int historyTwice = historyEventsTwice(etsyShop, domain);
        int reservedTwice = reservationsTwice();
        Map<String, String> stockWrong = stockMismatches(shops, skus);
        List<String> untracked = untracked(shops);
        boolean passed = lost == 0 && duplicateOrders == 0 && historyTwice == 0 && reservedTwice == 0 && stockWrong.isEmpty() && untracked.isEmpty();
        String verdict = passed ? "PASS" : "FAIL";
        StringBuilder md = new StringBuilder();
        md.append("### fault: ").append(target).append(" (").append(orders).append(" orders, down ").append(downSeconds).append(" s)\n\n");
        md.append("| what | count |\n| --- | --- |\n");
        md.append("| orders placed (Etsy + Shopify) | ").append(placedEtsy.size()).append(" + ").append(placedShopify.size()).append(" |\n");
        md.append("| stock receipts booked during the run | ").append(stockChanges.get()).append(" |\n");
        md.append("| orders shipped during the run | ").append(shipped.size()).append(" |\n");
        md.append("| operator calls retried (refused while the target was down) | ").append(operatorRetries.get()).append(" |\n");
        md.append("| **lost orders** (placed, not in order-service) | ").append(lost).append(" |\n");
        md.append("| **duplicated orders** (an external order id twice) | ").append(duplicateOrders).append(" |\n");
        md.append("| status history events applied twice | ").append(historyTwice).append(" |\n");
        md.append("| SKUs whose reserved stock differs from the open reservations | ").append(reservedTwice).append(" |\n");
        md.append("| shop SKUs not showing inventory's available stock | ").append(stockWrong.size()).append(stockWrong.isEmpty() ? "" : " " + stockWrong).append(" |\n");
        md.append("| shipments without their tracking on the marketplace | ").append(untracked.size()).append(" |\n");
        md.append("| settled within ").append(SETTLE.toMinutes()).append(" min | ")
                .append(allImported && allTracked && stockRight ? "yes" : "no").append(" (total ").append(LocalStack.seconds(t0)).append(") |\n");
        md.append("\n**Verdict: ").append(verdict).append("** (lost ").append(lost).append(", duplicated ")
                .append(duplicateOrders + historyTwice + reservedTwice).append(")\n");
        System.out.println();
        System.out.println(md);
        return passed;
    }

    // ----------------------------------------------------------------------------------------------
    // The work that flows during the run
    // ----------------------------------------------------------------------------------------------

    /** In the middle of the intake: once a third of the orders is in order-service (or a minute has passed), the crash. */
    private void crashAndRestart(String etsyShop, String domain) {
        if (target.equals("none")) {
            return;
        }
        try {
            long giveUpAt = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            int present = 0;
            while (System.nanoTime() < giveUpAt && (present = orders - missingOf(orders, etsyShop, domain)) < orders / 3) {
                Thread.sleep(100); // polling the intake's progress
            }
            say("crash of " + target + " with " + present + " of " + orders + " orders in order-service");
            oms("kill", target);
            Thread.sleep(downSeconds * 1000L); // the outage itself: how long the part stays down
            oms("start", target);
        } catch (Exception e) {
            throw new IllegalStateException("the fault could not be injected: " + e.getMessage(), e);
        }
    }

    private void oms(String command, String name) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(oms.toString(), command, name).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("./oms " + command + " " + name + " failed");
        }
    }

    /** A receipt of a few units of a random SKU, as the warehouse books them; refused calls are retried later. */
    private void receiveStock(List<String> skus) {
        String sku = skus.get(ThreadLocalRandom.current().nextInt(skus.size()));
        try {
            http.send("POST", at.inventory() + "/api/v1/stock/adjustments", http.object().put("type", "receipt").put("sku", sku)
                    .put("warehouse", Seed.WAREHOUSE).put("quantity", 3).put("reason", "fault run receipt"));
            stockChanges.incrementAndGet();
        } catch (Exception e) {
            operatorRetries.incrementAndGet();
        }
    }

    /**
     * Ships about one order in a hundred (at least ten), alternating the channels, as an operator would: a call refused
     * by a part that is down is retried. Gives up five minutes after the last order was placed (too few reserved orders).
     */
    private void shipSample(AtomicBoolean placing) {
        int wanted = Math.max(10, orders / 100);
        Set<String> started = new HashSet<>();
        long giveUpAt = Long.MAX_VALUE;
        while (shipped.size() < wanted) {
            if (!placing.get() && giveUpAt == Long.MAX_VALUE) {
                giveUpAt = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            }
            if (System.nanoTime() > giveUpAt) {
                say("shipper: " + shipped.size() + " of " + wanted + " shipped; no more reserved orders came");
                return;
            }
            try {
                String next = nextToShip(shipped.size() % 2 == 0 ? "etsy" : "shopify", started);
                if (next == null) {
                    next = nextToShip(shipped.size() % 2 == 0 ? "shopify" : "etsy", started);
                }
                if (next == null) {
                    Thread.sleep(500); // nothing of ours reserved yet: look again shortly
                    continue;
                }
                started.add(next);
                ship(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                operatorRetries.incrementAndGet();
                LocalStack.sleepQuietly(1_000);
            }
        }
    }

    private String nextToShip(String channel, Set<String> started) throws IOException, InterruptedException {
        Set<String> ours = channel.equals("etsy") ? placedEtsy : placedShopify;
        for (JsonNode order : http.get(at.orders() + "/api/v1/orders?status=NEW&size=100&channel=" + channel).path("items")) {
            if (ours.contains(order.path("externalOrderId").asText()) && !started.contains(order.path("id").asText())) {
                return order.path("id").asText();
            }
        }
        return null;
    }

    /** Release, pick, pack, ship: each step is checked against the current state first, so a retried step is not done twice. */
    private void ship(String orderId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode order = http.get(at.orders() + "/api/v1/orders/" + orderId);
                if (order.path("status").asText().equals("NEW")) {
                    http.send("POST", at.orders() + "/api/v1/orders/" + orderId + "/status",
                            http.object().put("status", "READY_FOR_PICKING").put("cause", "fault run"));
                }
                JsonNode items = http.get(at.fulfilment() + "/api/v1/fulfilments?orderId=" + orderId).path("items");
                if (items.isEmpty()) {
                    Thread.sleep(200); // the release travels through Kafka to fulfilment-service
                    continue;
                }
                JsonNode fulfilment = items.get(0);
                String id = fulfilment.path("id").asText();
                switch (fulfilment.path("state").asText()) {
                    case "OPEN" -> http.send("POST", at.fulfilment() + "/api/v1/fulfilments/" + id + "/pick", http.object());
                    case "PICKED" -> http.send("POST", at.fulfilment() + "/api/v1/fulfilments/" + id + "/pack", http.object());
                    case "PACKED" -> {
                        String tracking = "FAULT" + System.nanoTime();
                        http.send("POST", at.fulfilment() + "/api/v1/orders/" + orderId + "/shipments",
                                http.object().put("carrier", "dhl").put("trackingNumber", tracking));
                        shipped.put(orderId, new Shipped(order.path("channel").asText(), order.path("externalOrderId").asText(), tracking));
                        return;
                    }
                    default -> {
                        return; // shipped already (a retried call that had been applied) or cancelled
                    }
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                operatorRetries.incrementAndGet();
                LocalStack.sleepQuietly(1_000);
            }
        }
    }

    // ----------------------------------------------------------------------------------------------
    // What the verdict counts
    // ----------------------------------------------------------------------------------------------

    private int missing(String etsyShop, String domain) throws SQLException {
        return missingOf(placedEtsy.size() + placedShopify.size(), etsyShop, domain);
    }

    private int missingOf(int expected, String etsyShop, String domain) throws SQLException {
        return expected - present("etsy", etsyShop, Set.copyOf(placedEtsy)) - present("shopify", domain, Set.copyOf(placedShopify));
    }

    private int present(String channel, String shopId, Set<String> externalIds) throws SQLException {
        try (Connection c = LocalStack.db("oms_order"); PreparedStatement s = c.prepareStatement(
                "select count(distinct external_order_id) from orders where channel = ? and shop_id = ? and external_order_id = any(?)")) {
            s.setString(1, channel);
            s.setString(2, shopId);
            s.setArray(3, c.createArrayOf("varchar", externalIds.toArray()));
            return LocalStack.single(s);
        }
    }

    private int duplicateOrders(String etsyShop, String domain) throws SQLException {
        try (Connection c = LocalStack.db("oms_order"); PreparedStatement s = c.prepareStatement("""
                select count(*) from (select 1 from orders where (channel = 'etsy' and shop_id = ?) or (channel = 'shopify' and shop_id = ?)
                group by channel, shop_id, external_order_id having count(*) > 1) twice""")) {
            s.setString(1, etsyShop);
            s.setString(2, domain);
            return LocalStack.single(s);
        }
    }

    /** An event (OrderImported, ReservationResult, ...) that moved an order's status twice. */
    private int historyEventsTwice(String etsyShop, String domain) throws SQLException {
        try (Connection c = LocalStack.db("oms_order"); PreparedStatement s = c.prepareStatement("""
                select count(*) from (select 1 from order_status_history h join orders o on o.id = h.order_id
                where h.event_id is not null and ((o.channel = 'etsy' and o.shop_id = ?) or (o.channel = 'shopify' and o.shop_id = ?))
                group by h.order_id, h.event_id, h.to_status having count(*) > 1) twice""")) {
            s.setString(1, etsyShop);
            s.setString(2, domain);
            return LocalStack.single(s);
        }
    }

    /** SKUs whose reserved stock is not the sum of the open orders' reserved lines: a reservation applied twice or lost. */
    private int reservationsTwice() throws SQLException {
        try (Connection c = LocalStack.db("oms_inventory"); PreparedStatement s = c.prepareStatement("""
                select count(*) from stock st left join (
                  select l.sku, o.warehouse_code, sum(l.reserved) reserved from reservation_line l
                  join reserved_order o on o.order_id = l.order_id where o.status = 'OPEN' group by l.sku, o.warehouse_code
                ) r on r.sku = st.sku and r.warehouse_code = st.warehouse_code
                where st.reserved <> coalesce(r.reserved, 0)""")) {
            return LocalStack.single(s);
        }
    }

    /** SKU → "shop shows X, inventory Y" for every SKU of a demo shop that does not show inventory's available stock. */
    private Map<String, String> stockMismatches(Seed.DemoShops shops, List<String> skus) throws Exception {
        Map<String, Integer> available = new TreeMap<>();
        try (Connection c = LocalStack.db("oms_inventory"); PreparedStatement s = c.prepareStatement(
                "select sku, greatest(on_hand - reserved, 0) from stock where warehouse_code = ? and sku = any(?)")) {
            s.setString(1, Seed.WAREHOUSE);
            s.setArray(2, c.createArrayOf("varchar", skus.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    available.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        Map<String, String> wrong = new TreeMap<>();
        Map<String, Integer> etsy = stack.etsyQuantities(shops);
        Map<String, Integer> shopify = stack.shopifyQuantities(shops);
        for (String sku : skus) {
            Integer want = available.get(sku);
            compare(wrong, "etsy", sku, etsy, want);
            compare(wrong, "shopify", sku, shopify, want);
        }
        return wrong;
    }

    private static void compare(Map<String, String> wrong, String channel, String sku, Map<String, Integer> shown, Integer want) {
        if (shown.containsKey(sku) && !shown.get(sku).equals(want)) {
            wrong.put(channel + ":" + sku, "shows " + shown.get(sku) + ", inventory " + want);
        }
    }

    /** Shipments whose tracking number the marketplace does not show on the order. */
    private List<String> untracked(Seed.DemoShops shops) throws IOException, InterruptedException {
        List<String> missing = new ArrayList<>();
        for (Shipped s : shipped.values()) {
            if (!stack.shownShipments(shops, s.channel(), s.externalOrderId()).contains(s.tracking())) {
                missing.add(s.channel() + ":" + s.externalOrderId());
            }
        }
        return missing;
    }

    // ----------------------------------------------------------------------------------------------

    private List<String> skus(Seed.DemoShops shops) throws IOException, InterruptedException {
        Set<String> skus = new java.util.LinkedHashSet<>(stack.etsyQuantities(shops).keySet());
        shops.shopify().path("skus").forEach(sku -> skus.add(sku.asText()));
        return List.copyOf(skus);
    }

    private static void say(String text) {
        System.out.println("fault: " + text);
    }
}
