package io.oms.channel.etsy;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.channel.core.sync.ShopWorkers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class OrderImportTest {

    @Inject
    ShopWorkers workers;

    @Test
    void thousandPaidReceiptsBecomeExactlyThousandOrderImportedEventsAlsoWhenStoppedInTheMiddle() {
        JsonPath sandboxShop = EtsySandbox.createShop("Thousand" + UUID.randomUUID().toString().substring(0, 6));
        long shopId = sandboxShop.getLong("shopId");
        EtsySandbox.createReceipts(shopId, 1000);
        EtsySandbox.faults(shopId, Map.of("latencyMs", 700)); // slow pages, so the stop lands in the middle

        String id = given().contentType(ContentType.JSON).body(EtsySandbox.connectBody(sandboxShop)).post("/api/v1/shops")
                .then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(120)).until(() -> run(id).getInt("imported") >= 200);
        workers.stop();
        JsonPath stopped = run(id);
        try {
            assertThat(stopped.getString("status")).isEqualTo("RUNNING");
            assertThat(stopped.getInt("imported")).isBetween(200, 999);
        } finally {
            workers.start();
        }

        await().atMost(Duration.ofSeconds(180)).until(() -> run(id).getString("status").equals("SUCCEEDED"));
        JsonPath done = run(id);
        assertThat(done.getInt("imported")).isEqualTo(1000);
        assertThat(done.getInt("failed")).isZero();
        assertThat(done.getString("trigger")).isEqualTo("INITIAL");
        given().get("/api/v1/shops/" + id).then().body("orderCursor", org.hamcrest.Matchers.notNullValue());

        try (OrderTopic topic = new OrderTopic(shopId)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> topic.poll().stream().map(OrderTopic.Imported::key).distinct().count() >= 1000);
            List<OrderTopic.Imported> records = topic.poll();
            Set<String> keys = records.stream().map(OrderTopic.Imported::key).collect(Collectors.toSet());
            Set<String> keyRevisions = records.stream().map(r -> r.key() + "@" + r.revision()).collect(Collectors.toSet());
            assertThat(keys).hasSize(1000);
            assertThat(keyRevisions).as("no duplicate per key and revision").hasSize(records.size());
            assertThat(records).hasSize(1000);

            var first = records.get(0).value();
            assertThat(first.path("channel").asText()).isEqualTo("etsy");
            assertThat(first.path("shopId").asText()).isEqualTo(String.valueOf(shopId));
            assertThat(first.path("paid").asBoolean()).isTrue();
            assertThat(first.path("channelStatus").asText()).isEqualTo("PAID");
            assertThat(first.path("lines").size()).as(first.toString()).isGreaterThan(0);
            assertThat(new java.math.BigDecimal(first.path("lines").get(0).path("unitPrice").asText())).isPositive();
            assertThat(first.path("totals").path("currency").asText()).isEqualTo("EUR");
            assertThat(first.path("shippingAddress").path("countryCode").asText()).hasSize(2);
            assertThat(first.path("revision").asLong()).isPositive();
        }
    }

    @Test
    void withThirtyPercentServerErrorsEveryReceiptIsStillImportedOnce() {
        JsonPath sandboxShop = EtsySandbox.createShop("Faulty" + UUID.randomUUID().toString().substring(0, 6));
        long shopId = sandboxShop.getLong("shopId");
        String id = Shops.connect(sandboxShop);
        await().atMost(Duration.ofSeconds(60)).until(() -> Shops.initialSyncDone(id));
        // Faults first, then the receipts and the sync that must read them: every page call of the sync
        // meets the 30% error rate (about 23 calls, so the chance that none fails is below 0.1%).
        EtsySandbox.faults(shopId, Map.of("errorRate", 0.3, "errorStatus", 500));
        EtsySandbox.createReceipts(shopId, 2000);

        try (OrderTopic topic = new OrderTopic(shopId)) {
            String run = Shops.syncNow(id);
            await().atMost(Duration.ofSeconds(180)).until(() -> topic.poll().stream().map(OrderTopic.Imported::key).distinct().count() >= 2000);
            await().atMost(Duration.ofSeconds(60)).until(() -> Shops.runHasStatus(id, run, "SUCCEEDED"));
            assertThat(topic.poll()).hasSize(2000);
        }
        List<Integer> statuses = io.restassured.RestAssured.given().baseUri(EtsySandbox.baseUrl())
                .get("/sandbox/etsy/shops/" + shopId + "/calls").then().extract().path("items.status");
        assertThat(statuses).contains(500);
    }

    @Test
    void aManualSyncOfUnchangedReceiptsPublishesNothingAgain() {
        JsonPath sandboxShop = EtsySandbox.createShop("Replay" + UUID.randomUUID().toString().substring(0, 6));
        long shopId = sandboxShop.getLong("shopId");
        EtsySandbox.createReceipts(shopId, 30);
        String id = given().contentType(ContentType.JSON).body(EtsySandbox.connectBody(sandboxShop)).post("/api/v1/shops")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> run(id).getString("status").equals("SUCCEEDED"));

        String manual = given().contentType(ContentType.JSON)
                .body(Map.of("what", "orders", "from", "2020-01-01T00:00:00Z", "to", "2100-01-01T00:00:00Z"))
                .post("/api/v1/shops/" + id + "/sync")
                .then().statusCode(202).body("status", equalTo("PENDING")).body("trigger", equalTo("MANUAL"))
                .extract().path("id");

        await().atMost(Duration.ofSeconds(60)).until(() -> runById(id, manual).getString("status").equals("SUCCEEDED"));
        JsonPath replay = runById(id, manual);
        assertThat(replay.getInt("imported")).isZero();
        assertThat(replay.getInt("skipped")).isEqualTo(30);
    }

    @Test
    void aCancellationReachesKafkaAsANewSnapshotWithinOneRecheckCycle() {
        JsonPath sandboxShop = EtsySandbox.createShop("Cancel" + UUID.randomUUID().toString().substring(0, 6));
        long shopId = sandboxShop.getLong("shopId");
        List<Long> receipts = EtsySandbox.createReceipts(shopId, 5);
        String id = Shops.connect(sandboxShop);
        await().atMost(Duration.ofSeconds(60)).until(() -> Shops.initialSyncDone(id));
        long cancelled = receipts.get(2);
        String key = "etsy:" + shopId + ":" + cancelled;

        try (OrderTopic topic = new OrderTopic(shopId)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> topic.poll().stream().anyMatch(r -> r.key().equals(key)));
            long firstRevision = topic.poll().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow().revision();

            EtsySandbox.cancel(shopId, cancelled);

            // the cursor never reports it (Etsy leaves cancelled receipts out of min_last_modified): the re-check does
            await().atMost(Duration.ofSeconds(90)).until(() -> topic.poll().stream()
                    .anyMatch(r -> r.key().equals(key) && r.value().path("channelStatus").asText().equals("CANCELLED")));
            List<OrderTopic.Imported> revisions = topic.poll().stream().filter(r -> r.key().equals(key)).toList();
            assertThat(revisions).hasSize(2);
            assertThat(revisions.get(1).revision()).isGreaterThan(firstRevision);
            assertThat(revisions.get(1).value().path("marketplaceStatus").asText()).isEqualTo("canceled");
        }
        assertThat(Shops.runs(id)).anyMatch(r -> "RECHECK".equals(r.get("trigger")) && "SUCCEEDED".equals(r.get("status")));
    }

    @Test
    void aTimeFrameWithoutFromIsRefusedNamingTheField() {
        JsonPath sandboxShop = EtsySandbox.createShop("Frame" + UUID.randomUUID().toString().substring(0, 6));
        String id = given().contentType(ContentType.JSON).body(EtsySandbox.connectBody(sandboxShop)).post("/api/v1/shops")
                .then().statusCode(201).extract().path("id");

        given().contentType(ContentType.JSON).body(Map.of("to", "2100-01-01T00:00:00Z"))
                .post("/api/v1/shops/" + id + "/sync")
                .then().statusCode(400).body("field", equalTo("from"));
    }

    /** The shop's oldest run (the initial one). */
    private static JsonPath run(String shopId) {
        List<Map<String, Object>> items = given().get("/api/v1/shops/" + shopId + "/sync-runs?size=200").then().statusCode(200)
                .extract().path("items");
        if (items.isEmpty()) {
            return JsonPath.from("{\"imported\": 0, \"status\": \"NONE\"}");
        }
        return new JsonPath(toJson(items.get(items.size() - 1)));
    }

    private static JsonPath runById(String shopId, String runId) {
        List<Map<String, Object>> items = given().get("/api/v1/shops/" + shopId + "/sync-runs?size=200").then().statusCode(200)
                .extract().path("items");
        return new JsonPath(toJson(items.stream().filter(r -> runId.equals(r.get("id"))).findFirst().orElseThrow()));
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
