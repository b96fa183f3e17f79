package io.oms.channel.etsy;

import io.oms.testsupport.SandboxProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;


/**
 * Runs the packaged sandbox ({@code ../sandbox/target/quarkus-app/quarkus-run.jar}, built by the reactor
 * before this module) as a child process on a free port, and points the connector at it through
 * {@code etsy.api-base-url} only, as ETSY_API_BASE_URL would. Also the tests' handle on its control API.
 */
public class EtsySandbox implements QuarkusTestResourceLifecycleManager {

    private static volatile String baseUrl;
    private SandboxProcess sandbox;

    @Override
    public Map<String, String> start() {
        sandbox = SandboxProcess.start("etsy-sandbox");
        baseUrl = sandbox.baseUrl();
        return Map.of("etsy.api-base-url", baseUrl, "etsy.authorize-url", baseUrl + "/oauth/connect");
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** The sandbox's address (its control API lives under /sandbox). */
    public static String baseUrl() {
        return baseUrl;
    }

    /** A new sandbox Etsy shop: the control API's answer (shopId, keystring, sharedSecret, refreshToken, ...). */
    public static JsonPath createShop(String name) {
        return RestAssured.given().baseUri(baseUrl).contentType("application/json")
                .body(Map.of("name", name, "listings", 5, "stock", 100000, "currency", "EUR"))
                .post("/sandbox/etsy/shops").then().statusCode(org.hamcrest.Matchers.lessThan(300)).extract().jsonPath();
    }

    /** A new sandbox Etsy shop with {@code listings} listings of {@code stock} each (a third without variations, the rest with three). */
    public static JsonPath createShop(String name, int listings, int stock) {
        return RestAssured.given().baseUri(baseUrl).contentType("application/json")
                .body(Map.of("name", name, "listings", listings, "stock", stock, "currency", "EUR"))
                .post("/sandbox/etsy/shops").then().statusCode(org.hamcrest.Matchers.lessThan(300)).extract().jsonPath();
    }

    /** The shop's calls as the sandbox logged them (time, method, path, operation, status), oldest first. */
    public static List<Map<String, Object>> calls(long shopId) {
        return RestAssured.given().baseUri(baseUrl).get("/sandbox/etsy/shops/" + shopId + "/calls?limit=10000")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Headers to call Etsy's own API as the shop's owner, with a token of the test's own (not the connector's). */
    public static Map<String, String> ownerHeaders(JsonPath shop) {
        JsonPath tokens = RestAssured.given().baseUri(baseUrl).post("/sandbox/etsy/shops/" + shop.getLong("shopId") + "/tokens")
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath();
        return Map.of("x-api-key", shop.getString("apiKey"), "Authorization", "Bearer " + tokens.getString("accessToken"));
    }

    /** A request to Etsy's API with the given owner headers. */
    public static io.restassured.specification.RequestSpecification etsy(Map<String, String> ownerHeaders) {
        return RestAssured.given().baseUri(baseUrl).headers(ownerHeaders);
    }

    /** Creates paid receipts; answers their ids (up to the first 1000). */
    public static List<Long> createReceipts(long shopId, int count) {
        return RestAssured.given().baseUri(baseUrl).contentType("application/json").body(Map.of("count", count))
                .post("/sandbox/etsy/shops/" + shopId + "/receipts").then().statusCode(org.hamcrest.Matchers.lessThan(300))
                .extract().jsonPath().getList("items.receiptId", Long.class);
    }

    /** Creates paid receipts created (and last changed) at random times over the past {@code spreadDays}; answers their ids (up to the first 1000). */
    public static List<Long> createReceipts(long shopId, int count, int spreadDays) {
        return RestAssured.given().baseUri(baseUrl).contentType("application/json").body(Map.of("count", count, "spreadDays", spreadDays))
                .post("/sandbox/etsy/shops/" + shopId + "/receipts").then().statusCode(org.hamcrest.Matchers.lessThan(300))
                .extract().jsonPath().getList("items.receiptId", Long.class);
    }

    /** The buyer cancels the receipt. */
    public static void cancel(long shopId, long receiptId) {
        RestAssured.given().baseUri(baseUrl).post("/sandbox/etsy/shops/" + shopId + "/receipts/" + receiptId + "/cancel")
                .then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    public static void faults(long shopId, Map<String, Object> faults) {
        RestAssured.given().baseUri(baseUrl).contentType("application/json").body(faults)
                .put("/sandbox/etsy/shops/" + shopId + "/faults").then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    /** The body for POST /api/v1/shops made of a sandbox shop's answer. */
    public static Map<String, Object> connectBody(JsonPath shop) {
        return Map.of("shopId", shop.getLong("shopId"), "keystring", shop.getString("keystring"),
                "sharedSecret", shop.getString("sharedSecret"), "refreshToken", shop.getString("refreshToken"));
    }

}
