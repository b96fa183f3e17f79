package io.oms.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code bench/replicas [SHOPS] [ORDERS_PER_SHOP]}: two replicas of channel-etsy on one database share the shops, and
 * when one dies the other takes its shops over within the lease expiry, importing no order twice.
 *
 * <p>On the running stack of {@code ./oms up}: starts the second replica ({@code ./oms start channel-etsy-2}), connects
 * SHOPS (default 20) sandbox Etsy shops of its own, waits until the leases are split between the two replicas, places
 * ORDERS_PER_SHOP receipts in each, {@code kill -9}s the second replica and places as many again. Then it counts: how
 * long until every shop was held by the survivor (against {@code oms.channel.lease.ttl}, 30 s), lost receipts (not in
 * order-service), and receipts imported twice (two OrderImported records of one order with the same revision on
 * Kafka, which only two replicas working one shop at once would write).
 */
final class ReplicaRun {

    private static final Duration LEASE_TTL = Duration.ofSeconds(30);
    private static final Duration BOUND = Duration.ofMinutes(10);
    private static final String TOPIC = "oms.order-imported.v1";

    private final LocalStack stack = new LocalStack();
    private final Seed.Http http = stack.http;
    private final Path oms;
    private final int shops;
    private final int ordersPerShop;
    private final ObjectMapper json = new ObjectMapper();

    ReplicaRun(Path oms, int shops, int ordersPerShop) {
        this.oms = oms;
        this.shops = shops;
        this.ordersPerShop = ordersPerShop;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ReplicaRun <path of ./oms> [shops] [ordersPerShop]");
            System.exit(2);
        }
        int shops = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int orders = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        System.exit(new ReplicaRun(Path.of(args[0]), shops, orders).run() ? 0 : 1);
    }

    boolean run() throws Exception {
        Seed seed = new Seed(stack.at);
        LocalStack.oms(oms, "start", "channel-etsy-2");
        Map<String, String> sandboxShops = new LinkedHashMap<>(); // marketplace shop id -> name
        for (int i = 1; i <= shops; i++) {
            String name = String.format("Replica%02d", i);
            JsonNode shop = sandboxShop(name);
            String shopId = shop.path("shopId").asText();
            stack.etsyLimits(shopId, 10_000, 100_000_000);
            seed.connectEtsy(shop, name, Seed.WAREHOUSE);
            sandboxShops.put(shopId, name);
        }
        TopicReader imported = TopicReader.mark(TopicReader.localBootstrap(), List.of(TOPIC));

        boolean split = LocalStack.await("replicas: the shops split between two replicas", Duration.ofMinutes(3), () -> {
            Map<String, Integer> held = heldByOwner();
            int workable = workableShops();
            return held.size() == 2 && held.values().stream().allMatch(n -> n >= workable / 3);
        });
        Map<String, Integer> before = heldByOwner();
        Map<String, Set<String>> placed = new HashMap<>();
        place(sandboxShops.keySet(), placed);
        LocalStack.await("replicas: the first receipts in order-service", BOUND, () -> missing(placed) == 0);

        LocalStack.oms(oms, "kill", "channel-etsy-2");
        long killedAt = System.nanoTime();
        place(sandboxShops.keySet(), placed);
        // The dead replica is the owner whose leases stop being renewed; the survivor holds every shop once they expire.
        String[] survivor = {null};
        boolean takenOver = LocalStack.await("replicas: every shop held by the surviving replica", Duration.ofMinutes(3), () -> {
            Map<String, Integer> held = heldByOwner();
            int workable = workableShops();
            if (held.size() == 1) {
                survivor[0] = held.keySet().iterator().next();
                return held.get(survivor[0]) == workable;
            }
            return false;
        });
        double takeover = (System.nanoTime() - killedAt) / 1e9;
        boolean allImported = LocalStack.await("replicas: every receipt in order-service", BOUND, () -> missing(placed) == 0);
        int lost = missing(placed);
        Map<String, Integer> twice = importedTwice(imported, sandboxShops.keySet());
        int duplicated = twice.values().stream().mapToInt(Integer::intValue).sum();

        boolean passed = split && takenOver && takeover <= LEASE_TTL.toSeconds() + 15 && lost == 0 && duplicated == 0;
        StringBuilder md = new StringBuilder();
        md.append("### replicas: two channel-etsy replicas, ").append(shops).append(" shops, ").append(ordersPerShop * 2).append(" receipts each\n\n")
                .append("| what | value |\n| --- | --- |\n")
                .append("| shops held per replica before the kill (every workable shop of channel-etsy) | ").append(before.values()).append(split ? "" : " (not split)").append(" |\n")
                .append("| receipts placed (half before, half after the kill) | ").append(placed.values().stream().mapToInt(Set::size).sum()).append(" |\n")
                .append(String.format(java.util.Locale.ROOT, "| every shop held by the survivor after the kill -9 | %s (lease ttl %d s, tick 2 s) |%n",
                        takenOver ? String.format(java.util.Locale.ROOT, "%.1f s", takeover) : "not within 3 min", LEASE_TTL.toSeconds()))
                .append("| **lost receipts** (placed, not in order-service) | ").append(lost).append(allImported ? "" : " (not settled)").append(" |\n")
                .append("| **receipts imported twice** (one order, one revision, two OrderImported records) | ").append(duplicated)
                .append(twice.isEmpty() ? "" : " " + twice).append(" |\n")
                .append("\n**Verdict: ").append(passed ? "PASS" : "FAIL").append("** (lost ").append(lost).append(", duplicated ").append(duplicated).append(")\n");
        System.out.println();
        System.out.println(md);
        return passed;
    }

    private JsonNode sandboxShop(String name) throws IOException, InterruptedException {
        for (JsonNode shop : http.get(LocalStack.SANDBOX + "/sandbox/etsy/shops").path("items")) {
            if (name.equals(shop.path("name").asText()) || name.equals(shop.path("shopName").asText())) {
                return http.get(LocalStack.SANDBOX + "/sandbox/etsy/shops/" + shop.path("shopId").asText());
            }
        }
        return http.send("POST", LocalStack.SANDBOX + "/sandbox/etsy/shops",
                http.object().put("name", name).put("listings", 3).put("stock", 100_000).put("currency", "EUR"));
    }

    private void place(Set<String> shopIds, Map<String, Set<String>> placed) throws IOException, InterruptedException {
        for (String shopId : shopIds) {
            placed.computeIfAbsent(shopId, s -> new HashSet<>()).addAll(stack.placeEtsyReceipts(shopId, ordersPerShop));
        }
    }

    private int missing(Map<String, Set<String>> placed) throws Exception {
        int missing = 0;
        try (Connection c = LocalStack.db("oms_order"); PreparedStatement s = c.prepareStatement(
                "select count(distinct external_order_id) from orders where channel = 'etsy' and shop_id = ? and external_order_id = any(?)")) {
            for (Map.Entry<String, Set<String>> shop : placed.entrySet()) {
                s.setString(1, shop.getKey());
                s.setArray(2, c.createArrayOf("varchar", shop.getValue().toArray()));
                missing += shop.getValue().size() - LocalStack.single(s);
            }
        }
        return missing;
    }

    /** Owner → shops whose lease it holds now (unexpired). */
    private static Map<String, Integer> heldByOwner() throws Exception {
        Map<String, Integer> held = new TreeMap<>();
        try (Connection c = LocalStack.db("oms_channel_etsy"); PreparedStatement s = c.prepareStatement(
                "select owner, count(*) from channel_shop_lease where owner is not null and expires_at > now() group by owner");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                held.put(rs.getString(1), rs.getInt(2));
            }
        }
        return held;
    }

    private static int workableShops() throws Exception {
        try (Connection c = LocalStack.db("oms_channel_etsy"); PreparedStatement s = c.prepareStatement(
                "select count(*) from channel_shop where active and status = 'CONNECTED'")) {
            return LocalStack.single(s);
        }
    }

    /** Order key → extra OrderImported records with a revision already seen, for the run's shops. */
    private Map<String, Integer> importedTwice(TopicReader imported, Set<String> shopIds) throws Exception {
        Set<String> prefixes = new HashSet<>();
        shopIds.forEach(id -> prefixes.add("etsy:" + id + ":"));
        Map<String, Integer> extra = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : imported.read(r -> r.key() != null && prefixes.stream().anyMatch(p -> r.key().startsWith(p)))) {
            JsonNode payload = json.readTree(record.value());
            String keyAndRevision = record.key() + "#" + payload.path("revision").asText();
            if (!seen.add(keyAndRevision)) {
                extra.merge(record.key(), 1, Integer::sum);
            }
        }
        return extra;
    }
}
