package io.oms.channel.shopify;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Test steps against the connector's API. */
final class Shops {

    private Shops() {
    }

    /** Connects a sandbox store as a custom app and answers the connector's shop id. */
    static String connect(JsonPath sandboxShop) {
        return given().contentType(ContentType.JSON).body(ShopifySandbox.connectBody(sandboxShop)).post("/api/v1/shops")
                .then().statusCode(201).extract().path("id");
    }

    static List<Map<String, Object>> runs(String shopId) {
        return given().get("/api/v1/shops/" + shopId + "/sync-runs?size=200").then().statusCode(200).extract().path("items");
    }

    /** Whether the shop's first run (the initial sync) succeeded. */
    static boolean initialSyncDone(String shopId) {
        List<Map<String, Object>> runs = runs(shopId);
        return !runs.isEmpty() && "SUCCEEDED".equals(runs.get(runs.size() - 1).get("status"));
    }

    /** Queues a manual sync from the cursor and answers the run id. */
    static String syncNow(String shopId) {
        return given().contentType(ContentType.JSON).body(Map.of("what", "orders"))
                .post("/api/v1/shops/" + shopId + "/sync").then().statusCode(202).extract().path("id");
    }

    static boolean runSucceeded(String shopId, String runId) {
        return runs(shopId).stream().anyMatch(r -> runId.equals(r.get("id")) && "SUCCEEDED".equals(r.get("status")));
    }

    /** Polling only on the longest interval: what happens then is the webhooks' doing (or a manual sync's). */
    static void pollRarely(String shopId) {
        given().contentType(ContentType.JSON).body(Map.of("syncIntervalSeconds", 14400)).patch("/api/v1/shops/" + shopId)
                .then().statusCode(200);
    }
}
