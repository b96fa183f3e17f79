package io.oms.channel.shopify;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class WebhookImportTest {

    @TestHTTPResource("/webhooks/shopify")
    URL webhooks;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void relayToThisApplication() throws Exception {
        WebhookRelay.target(webhooks.toURI());
    }

    @Test
    void thousandOrdersWithFiftyWebhooksDroppedAndFiftyDuplicatedAreEachImportedOncePerRevision() throws Exception {
        JsonPath store = ShopifySandbox.createShop("thousand-" + UUID.randomUUID().toString().substring(0, 6), 10);
        String domain = store.getString("domain");
        ShopifySandbox.limits(domain, 10000, 1000); // Shopify Plus: reading 1,000 orders back costs about 35,000 points
        String id = Shops.connect(store);
        await().atMost(Duration.ofSeconds(60)).until(() -> Shops.initialSyncDone(id));
        Shops.pollRarely(id);
        Set<Integer> dropped = IntStream.range(0, 50).map(i -> 10 + 20 * i).boxed().collect(Collectors.toSet());
        Set<Integer> duplicated = IntStream.range(1, 51).map(i -> 20 * i).boxed().collect(Collectors.toSet());
        WebhookRelay.plan(domain, new WebhookRelay.Plan(dropped, duplicated));

        ShopifySandbox.createOrders(domain, 1000);

        try (Topic topic = Topic.orders(domain)) {
            // webhooks alone: every order whose delivery was not dropped
            await().atMost(Duration.ofSeconds(240)).until(() -> WebhookRelay.seen(domain) >= 1000 && topic.distinctKeys() >= 950);
            await().atMost(Duration.ofSeconds(60)).until(() -> storedDeliveries(domain) == 950 && pendingDeliveries(domain) == 0);
            assertThat(topic.distinctKeys()).as("the 50 dropped deliveries' orders wait for the poll").isEqualTo(950);

            // the safety net: a poll from the cursor finds the 50 and publishes nothing else again
            String run = Shops.syncNow(id);
            await().atMost(Duration.ofSeconds(180)).until(() -> topic.distinctKeys() >= 1000);
            await().atMost(Duration.ofSeconds(60)).until(() -> Shops.runSucceeded(id, run));

            List<Topic.Record> records = topic.poll();
            assertThat(records.stream().map(Topic.Record::key).distinct()).hasSize(1000);
            assertThat(records).as("one OrderImported per order and revision").hasSize(1000);
            Map<String, Object> manual = Shops.runs(id).stream().filter(r -> run.equals(r.get("id"))).findFirst().orElseThrow();
            assertThat(manual.get("imported")).isEqualTo(50);
        }
        assertThat(WebhookRelay.dropped()).hasSize(50);
        assertThat(WebhookRelay.duplicated()).hasSize(50);
        assertThat(storedDeliveries(domain)).as("a duplicated delivery is stored once").isEqualTo(950);
    }

    @Test
    void aWebhookWithAWrongSignatureGets401AndChangesNothing() throws Exception {
        JsonPath store = ShopifySandbox.createShop("forged-" + UUID.randomUUID().toString().substring(0, 6), 3);
        String domain = store.getString("domain");
        String id = Shops.connect(store);
        await().atMost(Duration.ofSeconds(60)).until(() -> Shops.initialSyncDone(id));
        Shops.pollRarely(id);
        WebhookRelay.plan(domain, new WebhookRelay.Plan(Set.of(1), Set.of())); // the real delivery is lost
        long orderId = ShopifySandbox.createOrders(domain, 1).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> WebhookRelay.seen(domain) >= 1);
        byte[] body = ("{\"id\":" + orderId + ",\"admin_graphql_api_id\":\"gid://shopify/Order/" + orderId + "\"}").getBytes(StandardCharsets.UTF_8);
        String webhookId = UUID.randomUUID().toString();

        given().header("X-Shopify-Shop-Domain", domain).header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Webhook-Id", webhookId).header("X-Shopify-Hmac-SHA256", sign(body, "not-the-secret"))
                .contentType("application/json").body(body).post("/webhooks/shopify")
                .then().statusCode(401).contentType(containsString("application/problem+json"));
        given().header("X-Shopify-Shop-Domain", domain).header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString()).contentType("application/json").body(body)
                .post("/webhooks/shopify").then().statusCode(401);

        assertThat(storedDeliveries(domain)).isZero();
        try (Topic topic = Topic.orders(domain)) {
            String key = "shopify:" + domain + ":" + orderId;
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                    .until(() -> topic.poll().stream().noneMatch(r -> r.key().equals(key)));

            // the same delivery signed with the shop's secret is Shopify's: stored, answered 200, imported
            given().header("X-Shopify-Shop-Domain", domain).header("X-Shopify-Topic", "orders/create")
                    .header("X-Shopify-Webhook-Id", webhookId).header("X-Shopify-Hmac-SHA256", sign(body, store.getString("apiSecret")))
                    .contentType("application/json").body(body).post("/webhooks/shopify").then().statusCode(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> topic.poll().stream().anyMatch(r -> r.key().equals(key)));
        }
        assertThat(storedDeliveries(domain)).isEqualTo(1);
    }

    @Test
    void privacyRequestsAreRecordedAndRedactionRemovesTheStoredPersonalData() throws Exception {
        JsonPath store = ShopifySandbox.createShop("privacy-" + UUID.randomUUID().toString().substring(0, 6), 3);
        String domain = store.getString("domain");
        String id = Shops.connect(store);
        await().atMost(Duration.ofSeconds(60)).until(() -> Shops.initialSyncDone(id));
        List<Long> orders = ShopifySandbox.createOrders(domain, 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> storedDeliveries(domain) == 2 && pendingDeliveries(domain) == 0);
        String secret = store.getString("apiSecret");

        send(domain, "customers/data_request", secret, "{\"shop_domain\":\"" + domain + "\",\"customer\":{\"id\":1,\"email\":\"a@b.c\"},"
                + "\"orders_requested\":[" + orders.get(0) + "],\"data_request\":{\"id\":9}}");
        send(domain, "customers/redact", secret, "{\"shop_domain\":\"" + domain + "\",\"customer\":{\"id\":1,\"email\":\"a@b.c\"},"
                + "\"orders_to_redact\":[" + orders.get(0) + "]}");

        await().atMost(Duration.ofSeconds(60)).until(() -> privacyRequests(domain).size() == 2);
        List<Map<String, Object>> requests = privacyRequests(domain);
        assertThat(requests).anyMatch(r -> "customers/data_request".equals(r.get("topic")) && String.valueOf(r.get("outcome")).startsWith("holds 1 "));
        assertThat(requests).anyMatch(r -> "customers/redact".equals(r.get("topic"))
                && String.valueOf(r.get("outcome")).startsWith("removed the raw bodies of 1 "));
        assertThat(bodiesOf(domain, String.valueOf(orders.get(0)))).isZero();
        assertThat(bodiesOf(domain, String.valueOf(orders.get(1)))).isEqualTo(1);
        try (Topic redactions = new Topic("oms.customer-redaction-requested.v1", "shopify:" + domain)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !redactions.poll().isEmpty());
            assertThat(redactions.poll()).singleElement().satisfies(r -> {
                assertThat(r.value().path("customerEmail").asText()).isEqualTo("a@b.c");
                assertThat(r.value().path("customerIds").get(0).asText()).isEqualTo("1");
                assertThat(r.value().path("externalOrderIds").get(0).asText()).isEqualTo(String.valueOf(orders.get(0)));
            });
        }

        send(domain, "shop/redact", secret, "{\"shop_domain\":\"" + domain + "\",\"shop_id\":1}");
        await().atMost(Duration.ofSeconds(60)).until(() -> privacyRequests(domain).size() == 3);
        assertThat(bodiesOf(domain, String.valueOf(orders.get(1)))).isZero();
        given().get("/api/v1/shops/" + id).then().body("settings.active", equalTo(false));
    }

    @Test
    void appUninstalledMarksTheShopForReauthentication() {
        JsonPath store = ShopifySandbox.createShop("uninstall-" + UUID.randomUUID().toString().substring(0, 6), 3);
        String domain = store.getString("domain");
        String id = Shops.connect(store);

        send(domain, "app/uninstalled", store.getString("apiSecret"), "{\"id\":1,\"myshopify_domain\":\"" + domain + "\"}");

        await().atMost(Duration.ofSeconds(60)).until(() -> "NEEDS_REAUTHENTICATION".equals(given().get("/api/v1/shops/" + id).path("status")));
        given().get("/api/v1/shops/" + id).then().body("statusMessage", containsString("uninstalled"));
    }

    private static void send(String domain, String topic, String secret, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        given().header("X-Shopify-Shop-Domain", domain).header("X-Shopify-Topic", topic)
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString()).header("X-Shopify-Hmac-SHA256", sign(body, secret))
                .contentType("application/json").body(body).post("/webhooks/shopify").then().statusCode(200);
    }

    private static List<Map<String, Object>> privacyRequests(String domain) {
        return given().queryParam("shop", domain).get("/api/v1/privacy-requests").then().statusCode(200).extract().path("items");
    }

    private static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int storedDeliveries(String domain) throws Exception {
        return count("select count(*) from shopify_webhook_delivery where shop_domain = ? and topic like 'orders/%'", domain);
    }

    private int pendingDeliveries(String domain) throws Exception {
        return count("select count(*) from shopify_webhook_delivery where shop_domain = ? and status = 'PENDING'", domain);
    }

    private int bodiesOf(String domain, String orderId) throws Exception {
        return count("select count(*) from shopify_webhook_delivery where shop_domain = ? and order_id = ? and body is not null", domain, orderId);
    }

    private int count(String sql, String... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setString(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
