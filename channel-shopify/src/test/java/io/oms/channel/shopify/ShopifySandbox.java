package io.oms.channel.shopify;

import io.oms.testsupport.SandboxProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.lessThan;

/**
 * Runs the packaged sandbox ({@code ../sandbox/target/quarkus-app/quarkus-run.jar}, built by the reactor before this
 * module) as a child process on a free port, and the {@link WebhookRelay} in front of the connector's webhook
 * endpoint. The connector learns only {@code shopify.api-base-url} (as SHOPIFY_API_BASE_URL would) and
 * {@code shopify.webhooks.address} (the relay). Also the tests' handle on the sandbox's control API.
 */
public class ShopifySandbox implements QuarkusTestResourceLifecycleManager {

    private static volatile String baseUrl;
    private SandboxProcess sandbox;

    @Override
    public Map<String, String> start() {
        sandbox = SandboxProcess.start("shopify-sandbox");
        baseUrl = sandbox.baseUrl();
        String relay = WebhookRelay.start();
        return Map.of("shopify.api-base-url", baseUrl, "shopify.webhooks.address", relay);
    }

    @Override
    public void stop() {
        WebhookRelay.stop();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    public static String baseUrl() {
        return baseUrl;
    }

    /** A new sandbox store: the control API's answer (domain, accessToken, clientId, clientSecret, apiSecret, skus, ...). */
    public static JsonPath createShop(String name, int products) {
        return RestAssured.given().baseUri(baseUrl).contentType("application/json")
                .body(Map.of("name", name, "products", products, "stock", 100000, "currency", "EUR"))
                .post("/sandbox/shopify/shops").then().statusCode(lessThan(300)).extract().jsonPath();
    }

    /** A new sandbox store with several locations (the first is the primary one). */
    public static JsonPath createShop(String name, int products, int locations) {
        return RestAssured.given().baseUri(baseUrl).contentType("application/json")
                .body(Map.of("name", name, "products", products, "stock", 100000, "currency", "EUR", "locations", locations))
                .post("/sandbox/shopify/shops").then().statusCode(lessThan(300)).extract().jsonPath();
    }

    /** Creates paid, unfulfilled orders (orders/create goes to subscribers); answers their numeric ids (up to 1000). */
    public static List<Long> createOrders(String domain, int count) {
        return RestAssured.given().baseUri(baseUrl).contentType("application/json").body(Map.of("count", count))
                .post("/sandbox/shopify/shops/" + domain + "/orders").then().statusCode(lessThan(300))
                .extract().jsonPath().getList("items.legacyResourceId", Long.class);
    }

    public static void cancel(String domain, long orderId) {
        RestAssured.given().baseUri(baseUrl).post("/sandbox/shopify/shops/" + domain + "/orders/" + orderId + "/cancel")
                .then().statusCode(lessThan(300));
    }

    public static void limits(String domain, int bucketSize, int restoreRate) {
        RestAssured.given().baseUri(baseUrl).contentType("application/json").body(Map.of("bucketSize", bucketSize, "restoreRate", restoreRate))
                .put("/sandbox/shopify/shops/" + domain + "/limits").then().statusCode(lessThan(300));
    }

    /** The sandbox's log of GraphQL calls of the store: {time, method, path, operation, status, cost}. */
    public static List<Map<String, Object>> calls(String domain) {
        return RestAssured.given().baseUri(baseUrl).get("/sandbox/shopify/shops/" + domain + "/calls?limit=10000")
                .then().statusCode(200).extract().path("items");
    }

    /** Runs a GraphQL document against the store as the app (to look at what the connector did). */
    public static JsonPath graphql(JsonPath shop, String query, Map<String, Object> variables) {
        // The test reads with the shop's own token, so it shares the shop's cost bucket with the connector (which may
        // be syncing right then): a Throttled answer is waited out, as any app must.
        JsonPath[] answer = new JsonPath[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(500)).until(() -> {
            answer[0] = RestAssured.given().baseUri(baseUrl).contentType("application/json")
                    .header("X-Shopify-Shop-Domain", shop.getString("domain"))
                    .header("X-Shopify-Access-Token", shop.getString("accessToken"))
                    .body(Map.of("query", query, "variables", variables))
                    .post("/admin/api/2025-01/graphql.json").then().statusCode(200).extract().jsonPath();
            List<Object> throttled = answer[0].getList("errors.findAll { it.extensions?.code == 'THROTTLED' }");
            return throttled == null || throttled.isEmpty();
        });
        return answer[0];
    }

    /** The body for POST /api/v1/shops of a custom app (access token and API secret). */
    public static Map<String, Object> connectBody(JsonPath shop) {
        return Map.of("domain", shop.getString("domain"), "accessToken", shop.getString("accessToken"),
                "apiSecret", shop.getString("apiSecret"));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
