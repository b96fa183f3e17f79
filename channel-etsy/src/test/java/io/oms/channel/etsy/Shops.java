package io.oms.channel.etsy;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;

/** Test steps against the connector's API. */
final class Shops {

    private Shops() {
    }

    /** Connects a sandbox shop and answers the connector's shop id. */
    static String connect(JsonPath sandboxShop) {
        return given().contentType(ContentType.JSON).body(EtsySandbox.connectBody(sandboxShop)).post("/api/v1/shops")
                .then().statusCode(201).extract().path("id");
    }

    /** The shop's runs, newest first. */
    static List<Map<String, Object>> runs(String shopId) {
        return given().get("/api/v1/shops/" + shopId + "/sync-runs?size=200").then().statusCode(200).extract().path("items");
    }

    static Optional<Map<String, Object>> run(String shopId, String runId) {
        return runs(shopId).stream().filter(r -> runId.equals(r.get("id"))).findFirst();
    }

    static boolean runHasStatus(String shopId, String runId, String status) {
        return run(shopId, runId).map(r -> status.equals(r.get("status"))).orElse(false);
    }

    /** Whether the shop's first run (the initial sync) is done. */
    static boolean initialSyncDone(String shopId) {
        List<Map<String, Object>> runs = runs(shopId);
        return !runs.isEmpty() && "SUCCEEDED".equals(runs.get(runs.size() - 1).get("status"));
    }

    /** Queues a manual sync from the cursor and answers the run id. */
    static String syncNow(String shopId) {
        return given().contentType(ContentType.JSON).body(Map.of("what", "orders"))
                .post("/api/v1/shops/" + shopId + "/sync").then().statusCode(202).extract().path("id");
    }
}
