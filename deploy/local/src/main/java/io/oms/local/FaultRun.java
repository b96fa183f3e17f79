package io.oms.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
    private final java.time.Instant started = java.time.Instant.now();
    /** The bad-events target's injector (null for the others). */
    private final BadEvents badEvents;

    /** Marketplace faults: the sandbox's fault settings each target puts on both demo shops for the outage. */
    static final Map<String, String> MARKETPLACE_FAULTS = Map.of(
            "marketplace-5xx", "{\"errorRate\":0.3,\"errorStatus\":500}",
            "marketplace-latency", "{\"latencyMs\":2500}",
            "marketplace-429", "{\"force429\":true}",
            "marketplace-malformed", "{\"malformedBodies\":true}");
    /** Etsy access tokens that expire every minute, from the fault until the run has settled. */
    static final String EXPIRING_TOKENS = "marketplace-tokens";
    static final String BAD_EVENTS = "bad-events";
    static final int BAD_EVENTS_PER_TOPIC = 1_000;

    record Shipped(String channel, String externalOrderId, String tracking) {
    }

    FaultRun(Path oms, String target, int orders, int downSeconds) throws IOException {
        this.oms = oms;
        this.target = target;
        this.orders = orders;
        this.downSeconds = downSeconds;
        this.badEvents = target.equals(BAD_EVENTS)
                ? new BadEvents(TopicReader.localBootstrap(),
                        oms.toAbsolutePath().getParent().getParent().getParent().resolve("events/asyncapi.yaml"))
                : null;
    }

    /** Outage length when none is given: a crash 5 s, marketplace faults 60 s (an Etsy poll interval: the sync meets them). */
    static int defaultDownSeconds(String target) {
        return target.startsWith("marketplace-") ? 60 : 5;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FaultRun <path of ./oms> <target: none|order-service|inventory-service|fulfilment-service|"
                    + "channel-etsy|channel-shopify|kafka|postgres|marketplace-5xx|marketplace-latency|marketplace-429|"
                    + "marketplace-malformed|marketplace-tokens|bad-events> [orders] [downSeconds]");
            System.exit(2);
        }
        int orders = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int down = args.length > 3 && !args[3].isBlank() ? Integer.parseInt(args[3]) : defaultDownSeconds(args[1]);
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

        topUpStock(skus);
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
        if (target.equals(EXPIRING_TOKENS)) {
            http.send("PUT", LocalStack.SANDBOX + "/sandbox/etsy/shops/" + etsyShop + "/limits", http.object().put("accessTokenLifetimeSeconds", 0));
        }
        List<BadEvents.Outcome> deadLetters = List.of();
        if (badEvents != null) {
            LocalStack.await("every bad record in the dead-letter topics", SETTLE,
                    () -> badEvents.outcomes().stream().allMatch(BadEvents.Outcome::complete));
            deadLetters = badEvents.outcomes();
        }
        boolean deadLettersRight = deadLetters.stream().allMatch(BadEvents.Outcome::complete);
        List<String> notReady = notReady();

        int lost = missing(etsyShop, domain);
        int duplicateOrders = duplicateOrders(etsyShop, domain);
        int historyTwice = historyEventsTwice(etsyShop, domain);
        int reservedTwice = reservationsTwice();
        Map<String, String> stockWrong = stockMismatches(shops, skus);
        List<String> untracked = untracked(shops);
        boolean passed = lost == 0 && duplicateOrders == 0 && historyTwice == 0 && reservedTwice == 0 && stockWrong.isEmpty() && untracked.isEmpty()
                && deadLettersRight && notReady.isEmpty();
        String verdict = passed ? "PASS" : "FAIL";
        StringBuilder md = new StringBuilder();
        md.append("### fault: ").append(target).append(" (").append(orders).append(" orders, ").append(describeFault()).append(")\n\n");
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
        if (MARKETPLACE_FAULTS.containsKey(target) || target.equals(EXPIRING_TOKENS)) {
            md.append("| marketplace answers during the run: errors (5xx) / rate-limited (429, Throttled) / token refreshes | ")
                    .append(marketplaceAnswers(shops)).append(" |\n");
        }
        md.append("| services not ready at the end (a consumer or process stopped) | ").append(notReady.isEmpty() ? "0" : notReady.toString()).append(" |\n");
        md.append("| settled within ").append(SETTLE.toMinutes()).append(" min | ")
                .append(allImported && allTracked && stockRight ? "yes" : "no").append(" (total ").append(LocalStack.seconds(t0)).append(") |\n");
        if (badEvents != null) {
            md.append("\nBad records: ").append(BAD_EVENTS_PER_TOPIC).append(" per topic (half not JSON, half schema-invalid CloudEvents), ")
                    .append("each expected once per consumer group in the topic's `.dlq` with a reason.\n\n")
                    .append("| topic | consumer groups | dead letters / expected | distinct records | with reason | reasons (one of each kind) |\n| --- | --- | --- | --- | --- | --- |\n");
            for (BadEvents.Outcome o : deadLetters) {
                md.append("| ").append(o.topic()).append(" | ").append(String.join(", ", o.groups())).append(" | ").append(o.deadLetters())
                        .append(" / ").append(o.expected()).append(o.complete() ? "" : " **missing**").append(" | ").append(o.distinctRecords())
                        .append(" | ").append(o.withReason()).append(" | ").append(o.sampleReasons().replace("|", "\\|")).append(" |\n");
            }
        }
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
            if (MARKETPLACE_FAULTS.containsKey(target)) {
                say(target + " on both demo shops for " + downSeconds + " s, with " + present + " of " + orders + " orders in order-service");
                String faults = MARKETPLACE_FAULTS.get(target);
                marketplaceFaults(etsyShop, domain, faults);
                Thread.sleep(downSeconds * 1000L); // the outage itself: how long the marketplace misbehaves
                marketplaceFaults(etsyShop, domain, "{}");
            } else if (target.equals(EXPIRING_TOKENS)) {
                say("Etsy access tokens of shop " + etsyShop + " expire every minute from now until the run has settled");
                http.send("PUT", LocalStack.SANDBOX + "/sandbox/etsy/shops/" + etsyShop + "/limits", http.object().put("accessTokenLifetimeSeconds", 60));
            } else if (badEvents != null) {
                say(BAD_EVENTS_PER_TOPIC + " bad records into each of " + badEvents.topics().size() + " topics, with " + present + " of " + orders
                        + " orders in order-service");
                badEvents.markDeadLetterEnds();
                badEvents.inject(BAD_EVENTS_PER_TOPIC);
            } else {
                say("crash of " + target + " with " + present + " of " + orders + " orders in order-service");
                oms("kill", target);
                Thread.sleep(downSeconds * 1000L); // the outage itself: how long the part stays down
                oms("start", target);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the fault could not be injected: " + e.getMessage(), e);
        }
    }

    private String describeFault() {
        if (target.equals(EXPIRING_TOKENS)) {
            return "Etsy access tokens living 60 s";
        }
        if (badEvents != null) {
            return BAD_EVENTS_PER_TOPIC + " bad records per topic";
        }
        if (MARKETPLACE_FAULTS.containsKey(target)) {
            return MARKETPLACE_FAULTS.get(target) + " for " + downSeconds + " s";
        }
        return "down " + downSeconds + " s";
    }

    private void marketplaceFaults(String etsyShop, String domain, String faults) throws IOException, InterruptedException {
        http.sendText("PUT", LocalStack.SANDBOX + "/sandbox/etsy/shops/" + etsyShop + "/faults", "application/json", faults);
        http.sendText("PUT", LocalStack.SANDBOX + "/sandbox/shopify/shops/" + domain + "/faults", "application/json", faults);
    }

    /** What the marketplaces answered the connectors during the run, from the sandbox's call logs. */
    private String marketplaceAnswers(Seed.DemoShops shops) throws IOException, InterruptedException {
        StringBuilder out = new StringBuilder();
        for (String[] shop : new String[][] {{"etsy", shops.etsyShopId(), "Etsy"}, {"shopify", shops.shopifyDomain(), "Shopify"}}) {
            int errors = 0;
            int limited = 0;
            int refreshes = 0;
            for (JsonNode call : stack.calls(shop[0], shop[1])) {
                if (java.time.Instant.parse(call.path("time").asText()).isBefore(started)) {
                    continue;
                }
                int status = call.path("status").asInt();
                String operation = call.path("operation").asText().toLowerCase(java.util.Locale.ROOT);
                errors += status >= 500 ? 1 : 0;
                limited += status == 429 || operation.contains("throttl") ? 1 : 0;
                refreshes += call.path("path").asText().contains("/oauth/token") ? 1 : 0;
            }
            out.append(out.length() == 0 ? "" : "; ").append(shop[2]).append(' ').append(errors).append(" / ").append(limited).append(" / ").append(refreshes);
        }
        return out.append(" (calls since the run started, of the last 10,000 the sandbox logs per shop)").toString();
    }

    /** Services whose readiness check does not answer 200 (their consumers are part of it). */
    private List<String> notReady() {
        List<String> down = new ArrayList<>();
        for (String[] service : new String[][] {{"order-service", at.orders()}, {"inventory-service", at.inventory()},
                {"fulfilment-service", at.fulfilment()}, {"channel-etsy", at.etsy()}, {"channel-shopify", at.shopify()}}) {
            try {
                if (http.status(service[1] + "/q/health/ready") != 200) {
                    down.add(service[0]);
                }
            } catch (Exception e) {
                down.add(service[0]);
            }
        }
        return down;
    }

    private void oms(String command, String name) throws IOException, InterruptedException {
        LocalStack.oms(oms, command, name);
    }

    /**
     * Before the run: enough stock that most orders are reserved in full (NEW) and so can be shipped, about three units
     * per order line spread over the SKUs; what earlier runs used up is booked again.
     */
    private void topUpStock(List<String> skus) throws Exception {
        int wanted = Math.max(10, orders * 3 / skus.size());
        Map<String, Integer> available = LocalStack.available(Seed.WAREHOUSE, skus);
        int booked = 0;
        for (String sku : skus) {
            int missing = wanted - available.getOrDefault(sku, 0);
            if (missing > 0) {
                http.send("POST", at.inventory() + "/api/v1/stock/adjustments", http.object().put("type", "receipt").put("sku", sku)
                        .put("warehouse", Seed.WAREHOUSE).put("quantity", missing).put("reason", "fault run: stock for the run"));
                booked += missing;
            }
        }
        say("stock topped up: " + booked + " units, so that each of " + skus.size() + " SKUs has " + wanted + " available");
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
        Map<String, Integer> available = LocalStack.available(Seed.WAREHOUSE, skus);
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
