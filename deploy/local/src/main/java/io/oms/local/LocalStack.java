package io.oms.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running stack of {@code ./oms up} as the bench commands ({@link FaultRun}, {@link StackBench}) see it: the
 * services' APIs, the demo shops read through the marketplaces' own APIs (as any app would), and the services'
 * databases read-only (as an auditor would).
 */
final class LocalStack {

    static final String SANDBOX = "http://127.0.0.1:8090";
    private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/";

    final Seed.Http http = new Seed.Http(SANDBOX, AccessTokens.fromEnvironment(SANDBOX));
    final Seed.Endpoints at = Seed.Endpoints.local(SANDBOX);

    /** The demo shops of {@code ./oms up} (the sandbox keeps them while it runs). */
    Seed.DemoShops demoShops() throws IOException, InterruptedException {
        return new Seed(at).demoShops();
    }

    /** Places orders in the sandbox shops: Etsy receipt ids or Shopify order ids (legacy resource ids). */
    List<String> placeEtsyReceipts(String shopId, int count) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonNode r : http.send("POST", SANDBOX + "/sandbox/etsy/shops/" + shopId + "/receipts", http.object().put("count", count)).path("items")) {
            ids.add(r.path("receiptId").asText());
        }
        return ids;
    }

    List<String> placeShopifyOrders(String domain, int count) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonNode o : http.send("POST", SANDBOX + "/sandbox/shopify/shops/" + domain + "/orders", http.object().put("count", count)).path("items")) {
            ids.add(o.path("legacyResourceId").asText());
        }
        return ids;
    }

    /** Etsy's per-second and per-day limits of a sandbox shop; Shopify's bucket (points) and restore rate (points/s). */
    void etsyLimits(String shopId, int perSecond, int perDay) throws IOException, InterruptedException {
        http.send("PUT", SANDBOX + "/sandbox/etsy/shops/" + shopId + "/limits", http.object().put("limitPerSecond", perSecond).put("limitPerDay", perDay));
    }

    void shopifyLimits(String domain, double bucketSize, double restoreRate) throws IOException, InterruptedException {
        http.send("PUT", SANDBOX + "/sandbox/shopify/shops/" + domain + "/limits", http.object().put("bucketSize", bucketSize).put("restoreRate", restoreRate));
    }

    // ----------------------------------------------------------------------------------------------
    // The marketplaces, through their own APIs
    // ----------------------------------------------------------------------------------------------

    Map<String, String> etsyAuth(Seed.DemoShops shops) throws IOException, InterruptedException {
        String token = http.send("POST", SANDBOX + "/sandbox/etsy/shops/" + shops.etsyShopId() + "/tokens", http.object()).path("accessToken").asText();
        return Map.of("x-api-key", shops.etsy().path("apiKey").asText(), "Authorization", "Bearer " + token);
    }

    /** SKU → the quantity of its offering, over the shop's listings (getListingInventory). */
    Map<String, Integer> etsyQuantities(Seed.DemoShops shops) throws IOException, InterruptedException {
        Map<String, String> auth = etsyAuth(shops);
        Map<String, Integer> quantities = new TreeMap<>();
        for (JsonNode listingId : shops.etsy().path("listingIds")) {
            for (JsonNode product : http.getWith(SANDBOX + "/v3/application/listings/" + listingId.asText() + "/inventory", auth).path("products")) {
                if (!product.path("is_deleted").asBoolean() && !product.path("sku").asText("").isEmpty()) {
                    quantities.put(product.path("sku").asText(), product.path("offerings").path(0).path("quantity").asInt());
                }
            }
        }
        return quantities;
    }

    /** SKU → "available" at the variant's first inventory level. */
    Map<String, Integer> shopifyQuantities(Seed.DemoShops shops) throws IOException, InterruptedException {
        String query = "{ productVariants(first: 250) { nodes { sku inventoryItem { inventoryLevels(first: 1) { nodes { "
                + "quantities(names: [\"available\"]) { quantity } } } } } } }";
        Map<String, Integer> quantities = new TreeMap<>();
        for (JsonNode variant : shopifyGraphql(shops, query).path("data").path("productVariants").path("nodes")) {
            JsonNode level = variant.path("inventoryItem").path("inventoryLevels").path("nodes").path(0);
            if (!variant.path("sku").asText("").isEmpty() && !level.isMissingNode()) {
                quantities.put(variant.path("sku").asText(), level.path("quantities").path(0).path("quantity").asInt());
            }
        }
        return quantities;
    }

    /** What the marketplace shows of an order's shipments (Etsy receipt shipments, Shopify fulfillments' tracking). */
    String shownShipments(Seed.DemoShops shops, String channel, String externalOrderId) throws IOException, InterruptedException {
        if (channel.equals("etsy")) {
            return http.getWith(SANDBOX + "/v3/application/shops/" + shops.etsyShopId() + "/receipts/" + externalOrderId, etsyAuth(shops))
                    .path("shipments").toString();
        }
        return shopifyGraphql(shops, "{ order(id: \"gid://shopify/Order/" + externalOrderId + "\") { fulfillments { trackingInfo { number } } } }").toString();
    }

    JsonNode shopifyGraphql(Seed.DemoShops shops, String query) throws IOException, InterruptedException {
        return http.sendWith("POST", SANDBOX + "/admin/api/2025-01/graphql.json", http.object().put("query", query),
                Map.of("X-Shopify-Access-Token", shops.shopify().path("accessToken").asText(), "X-Shopify-Shop-Domain", shops.shopifyDomain()));
    }

    /** The sandbox's log of the calls a shop received (time, method, path, operation, status, cost), newest last. */
    JsonNode calls(String channel, String shop) throws IOException, InterruptedException {
        return http.get(SANDBOX + "/sandbox/" + channel + "/shops/" + shop + "/calls?limit=10000").path("items");
    }

    // ----------------------------------------------------------------------------------------------
    // The services' databases, read-only
    // ----------------------------------------------------------------------------------------------

    static Connection db(String name) throws SQLException {
        return DriverManager.getConnection(JDBC + name, "postgres", "");
    }

    /** SKU → inventory's available quantity (on hand less reserved, never below 0) in a warehouse, for the SKUs it has. */
    static Map<String, Integer> available(String warehouse, java.util.Collection<String> skus) throws SQLException {
        Map<String, Integer> available = new TreeMap<>();
        try (Connection c = db("oms_inventory"); PreparedStatement s = c.prepareStatement(
                "select sku, greatest(on_hand - reserved, 0) from stock where warehouse_code = ? and sku = any(?)")) {
            s.setString(1, warehouse);
            s.setArray(2, c.createArrayOf("varchar", skus.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    available.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return available;
    }

    static int single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    // ----------------------------------------------------------------------------------------------

    /** {@code ./oms COMMAND NAME} (kill, start), its output on ours; fails unless it succeeded. */
    static void oms(java.nio.file.Path oms, String command, String name) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(oms.toString(), command, name).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("./oms " + command + " " + name + " failed");
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    /** Polls a condition once a second until it holds or the bound passes; a failed read (a part still starting) is "not yet". */
    static boolean await(String what, Duration bound, Check check) {
        long t0 = System.nanoTime();
        long deadline = t0 + bound.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (check.holds()) {
                    say(what + ": yes after " + seconds(t0));
                    return true;
                }
            } catch (Exception e) {
                // a part still recovering: ask again
            }
            sleepQuietly(1_000);
        }
        say(what + ": NOT within " + bound);
        return false;
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String seconds(long t0) {
        return String.format("%.1f s", (System.nanoTime() - t0) / 1e9);
    }

    static void say(String text) {
        System.out.println("bench: " + text);
    }
}
