package io.oms.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Seeds the local stack for `./oms up`: a demo Etsy shop and a demo Shopify store in the sandbox (with listings and
 * stock), the warehouse and the matching items and stock in inventory-service. Running it again finds what is there
 * and creates only what is missing.
 *
 * <p>Then it connects them to the connectors as an operator would: the Etsy shop through the OAuth 2.0 flow with PKCE
 * (the sandbox's consent page answers at once), the Shopify store with its Admin API token. {@code demo N} places N
 * orders in each and follows them: imported, reserved, picked, packed, shipped, tracking confirmed by the marketplace.
 *
 * <p>Usage: {@code Seed <sandboxUrl> [demo N]}; the services are looked for on their local ports.
 */
public final class Seed {

    /** Where the sandbox and each service answer. */
    public record Endpoints(String sandbox, String orders, String inventory, String fulfilment, String etsy, String shopify) {

        /** The local stack's ports (DESIGN section 11). */
        static Endpoints local(String sandbox) {
            return new Endpoints(sandbox, "http://127.0.0.1:8081", "http://127.0.0.1:8082", "http://127.0.0.1:8083",
                    "http://127.0.0.1:8084", "http://127.0.0.1:8085");
        }
    }

    /** The demo shops as the sandbox describes them (ids, credentials, SKUs). */
    public record DemoShops(JsonNode etsy, JsonNode shopify) {
        public String etsyShopId() {
            return etsy.path("shopId").asText();
        }

        public String shopifyDomain() {
            return shopify.path("domain").asText();
        }
    }

    static final String ETSY_SHOP_NAME = "DemoCrafts";
    static final String SHOPIFY_STORE_NAME = "demo-store";
    static final String WAREHOUSE = "MAIN";
    static final int STOCK_PER_SKU = 50;

    private final Endpoints at;
    private final String sandbox;
    private final Http http;

    public Seed(Endpoints at) {
        this.at = at;
        this.sandbox = at.sandbox();
        this.http = new Http(sandbox, AccessTokens.fromEnvironment(sandbox));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Seed <sandboxUrl>");
            System.exit(2);
        }
        Seed seed = new Seed(Endpoints.local(args[0]));
        if (args.length >= 2 && args[1].equals("demo")) {
            new Demo(seed.http, seed.at).run(args.length >= 3 ? Integer.parseInt(args[2]) : 5, seed.demoShops());
        } else {
            seed.run();
        }
    }

    /** The demo shops in the sandbox, created when missing (without connecting them). */
    public DemoShops demoShops() throws IOException, InterruptedException {
        return new DemoShops(etsyShop(), shopifyStore());
    }

    /** Everything `./oms up` seeds: shops, inventory, connections, warehouse mapping. Answers the shops. */
    public DemoShops run() throws IOException, InterruptedException {
        JsonNode etsy = etsyShop();
        JsonNode shopify = shopifyStore();
        Set<String> skus = new LinkedHashSet<>(etsySkus(etsy));
        shopify.path("skus").forEach(sku -> skus.add(sku.asText()));
        inventory(skus, WAREHOUSE, "Main warehouse", STOCK_PER_SKU);
        say("sandbox: Etsy shop " + etsy.path("shopId").asText() + " (" + ETSY_SHOP_NAME + "), Shopify store "
                + shopify.path("domain").asText() + "; inventory: " + skus.size() + " items with " + STOCK_PER_SKU + " each in " + WAREHOUSE);
        connectEtsy(etsy, ETSY_SHOP_NAME, WAREHOUSE);
        connectShopify(shopify, SHOPIFY_STORE_NAME, WAREHOUSE);
        return new DemoShops(etsy, shopify);
    }

    /**
     * The operator's OAuth flow: start at the connector, log in at the (sandbox's) consent page, land on the callback;
     * the shop is fed by {@code warehouse}. Answers the connector's shop id.
     */
    String connectEtsy(JsonNode shop, String name, String warehouse) throws IOException, InterruptedException {
        String shopId = shop.path("shopId").asText();
        String known = connected(at.etsy(), shopId);
        if (known != null) {
            say("Etsy shop " + shopId + " is connected already");
            return known;
        }
        JsonNode started = http.send("POST", at.etsy() + "/api/v1/shops/oauth/authorize", http.object().put("name", name)
                .put("shopId", shopId).put("keystring", shop.path("keystring").asText()).put("sharedSecret", shop.path("sharedSecret").asText()));
        String callback = http.redirectOf(started.path("authorizeUrl").asText());
        JsonNode connectedShop = http.get(callback);
        warehouseFeeds("etsy", shopId, at.etsy(), connectedShop.path("id").asText(), warehouse);
        // The listings (and so the SKUs whose stock goes to the shop) are known from now on, not from the first push.
        http.send("POST", at.etsy() + "/api/v1/shops/" + connectedShop.path("id").asText() + "/listings/discover", http.object());
        say("Etsy shop " + shopId + " connected through OAuth (connector shop " + connectedShop.path("id").asText() + ")");
        return connectedShop.path("id").asText();
    }

    /** The Shopify store with its Admin API token, fed by {@code warehouse}. Answers the connector's shop id. */
    String connectShopify(JsonNode store, String name, String warehouse) throws IOException, InterruptedException {
        String domain = store.path("domain").asText();
        String known = connected(at.shopify(), domain);
        if (known != null) {
            say("Shopify store " + domain + " is connected already");
            return known;
        }
        JsonNode connectedShop = http.send("POST", at.shopify() + "/api/v1/shops", http.object().put("name", name).put("domain", domain)
                .put("accessToken", store.path("accessToken").asText()).put("apiSecret", store.path("apiSecret").asText()));
        warehouseFeeds("shopify", domain, at.shopify(), connectedShop.path("id").asText(), warehouse);
        say("Shopify store " + domain + " connected with its Admin API token (connector shop " + connectedShop.path("id").asText() + ")");
        return connectedShop.path("id").asText();
    }

    /**
     * Connected and answering: the sandbox forgets its tokens when it stops, so a shop the connector kept from an earlier
     * run fails its connection test and is connected again (the connector updates the shop it has).
     */
    private String connected(String connector, String marketplaceShopId) throws IOException, InterruptedException {
        for (JsonNode shop : http.get(connector + "/api/v1/shops?size=500").path("items")) {
            if (marketplaceShopId.equals(shop.path("externalShopId").asText())) {
                JsonNode check = http.send("POST", connector + "/api/v1/shops/" + shop.path("id").asText() + "/test-connection", http.object());
                return check.path("result").asText().startsWith("Connection: success") ? shop.path("id").asText() : null;
            }
        }
        return null;
    }

    /** The shop's orders are reserved in the warehouse (inventory) and the shop shows that warehouse's stock (connector). */
    private void warehouseFeeds(String channel, String shopId, String connector, String connectorShopId, String warehouse)
            throws IOException, InterruptedException {
        http.send("PUT", at.inventory() + "/api/v1/channel-warehouses/" + channel + "/" + shopId, http.object().put("warehouseCode", warehouse));
        http.send("PATCH", connector + "/api/v1/shops/" + connectorShopId, http.object().put("warehouse", warehouse));
    }

    private JsonNode etsyShop() throws IOException, InterruptedException {
        for (JsonNode shop : http.get(sandbox + "/sandbox/etsy/shops").path("items")) {
            if (ETSY_SHOP_NAME.equals(shop.path("name").asText()) || ETSY_SHOP_NAME.equals(shop.path("shopName").asText())) {
                return http.get(sandbox + "/sandbox/etsy/shops/" + shop.path("shopId").asText());
            }
        }
        ObjectNode request = http.object().put("name", ETSY_SHOP_NAME).put("listings", 10).put("stock", STOCK_PER_SKU).put("currency", "EUR");
        return http.send("POST", sandbox + "/sandbox/etsy/shops", request);
    }

    /** Etsy names SKUs per listing product: read them as any app would, through getListingInventory. */
    private Set<String> etsySkus(JsonNode shop) throws IOException, InterruptedException {
        String accessToken = shop.path("accessToken").asText("");
        if (accessToken.isEmpty()) {
            accessToken = http.send("POST", sandbox + "/sandbox/etsy/shops/" + shop.path("shopId").asText() + "/tokens", http.object())
                    .path("accessToken").asText();
        }
        Set<String> skus = new LinkedHashSet<>();
        for (JsonNode listingId : shop.path("listingIds")) {
            JsonNode inventory = http.getWith(sandbox + "/v3/application/listings/" + listingId.asText() + "/inventory",
                    Map.of("x-api-key", shop.path("apiKey").asText(), "Authorization", "Bearer " + accessToken));
            for (JsonNode product : inventory.path("products")) {
                if (!product.path("is_deleted").asBoolean() && !product.path("sku").asText("").isEmpty()) {
                    skus.add(product.path("sku").asText());
                }
            }
        }
        return skus;
    }

    private JsonNode shopifyStore() throws IOException, InterruptedException {
        for (JsonNode shop : http.get(sandbox + "/sandbox/shopify/shops").path("items")) {
            if (shop.path("domain").asText().equals(SHOPIFY_STORE_NAME + ".myshopify.com")) {
                return http.get(sandbox + "/sandbox/shopify/shops/" + shop.path("domain").asText());
            }
        }
        ObjectNode request = http.object().put("name", SHOPIFY_STORE_NAME).put("products", 8).put("stock", STOCK_PER_SKU).put("currency", "EUR");
        return http.send("POST", sandbox + "/sandbox/shopify/shops", request);
    }

    /**
     * The warehouse (created when missing; the first one is primary) and an item with {@code onHand} units in it for
     * every SKU that inventory does not know yet, through the CSV import.
     */
    void inventory(Set<String> skus, String warehouseCode, String warehouseName, int onHand) throws IOException, InterruptedException {
        String inventory = at.inventory();
        boolean hasWarehouse = false;
        JsonNode warehouses = http.get(inventory + "/api/v1/warehouses").path("items");
        for (JsonNode warehouse : warehouses) {
            hasWarehouse |= warehouseCode.equals(warehouse.path("code").asText());
        }
        if (!hasWarehouse) {
            http.send("POST", inventory + "/api/v1/warehouses", http.object().put("code", warehouseCode).put("name", warehouseName)
                    .put("primary", warehouses.isEmpty()));
        }
        StringBuilder csv = new StringBuilder("sku,name,price,currency,warehouse,onHand\n");
        int row = 0;
        for (String sku : skus) {
            if (http.status(inventory + "/api/v1/items/" + sku) == 404) {
                csv.append(sku).append(",Demo item ").append(++row).append(",19.90,EUR,").append(warehouseCode).append(',').append(onHand).append('\n');
            }
        }
        if (row > 0) {
            http.sendText("POST", inventory + "/api/v1/items/import", "text/csv", csv.toString());
        }
    }

    static void say(String text) {
        System.out.println("oms: seed: " + text);
    }

    /**
     * JSON over HTTP with the JDK's client; a non-2xx answer is an error that names the call. Calls to the services carry
     * a bearer token ({@link AccessTokens}); calls to the sandbox do not need one.
     */
    static final class Http {

        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final ObjectMapper json = new ObjectMapper();
        private final String sandbox;
        private final AccessTokens tokens;

        Http(String sandbox, AccessTokens tokens) {
            this.sandbox = sandbox;
            this.tokens = tokens;
        }

        private HttpRequest.Builder authorized(HttpRequest.Builder request, String url) {
            return url.startsWith(sandbox) ? request : request.header("Authorization", tokens.authorization());
        }

        ObjectNode object() {
            return json.createObjectNode();
        }

        JsonNode get(String url) throws IOException, InterruptedException {
            return sendText("GET", url, null, null);
        }

        JsonNode getWith(String url, Map<String, String> headers) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
            headers.forEach(request::header);
            if (!headers.containsKey("Authorization")) {
                authorized(request, url);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        }

        /** The Location of a redirect (a consent page that answers at once). */
        String redirectOf(String url) throws IOException, InterruptedException {
            HttpResponse<Void> response = client.send(authorized(HttpRequest.newBuilder(URI.create(url)), url)
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.headers().firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException(url + " answered " + response.statusCode() + " without a redirect"));
        }

        int status(String url) throws IOException, InterruptedException {
            return client.send(authorized(HttpRequest.newBuilder(URI.create(url)), url).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        JsonNode send(String method, String url, JsonNode body) throws IOException, InterruptedException {
            return sendText(method, url, "application/json", json.writeValueAsString(body));
        }

        /** JSON with extra headers (a marketplace's own credentials). */
        JsonNode sendWith(String method, String url, JsonNode body, Map<String, String> headers) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            headers.forEach(request::header);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        }

        JsonNode sendText(String method, String url, String contentType, String body) throws IOException, InterruptedException {
            HttpRequest.Builder request = authorized(HttpRequest.newBuilder(URI.create(url)), url).timeout(Duration.ofSeconds(60));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        }
    }
}
