package io.oms.sandbox.shopify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShopifyWebhookTest {

    static final String SUBSCRIBE = """
            mutation Subscribe($topic: WebhookSubscriptionTopic!, $sub: WebhookSubscriptionInput!) {
              webhookSubscriptionCreate(topic: $topic, webhookSubscription: $sub) {
                webhookSubscription { id topic endpoint { __typename ... on WebhookHttpEndpoint { callbackUrl } } }
                userErrors { field message }
              }
            }""";

    private static String subscribe(ShopifyStoreFixture store, String topic, String box) {
        String url = "http://localhost:" + RestAssured.port + "/test/webhooks/" + box;
        store.graphql(SUBSCRIBE, Map.of("topic", topic, "sub", Map.of("callbackUrl", url, "format", "JSON")))
                .body("errors", org.hamcrest.Matchers.nullValue())
                .body("data.webhookSubscriptionCreate.userErrors", hasSize(0))
                .body("data.webhookSubscriptionCreate.webhookSubscription.topic", equalTo(topic));
        return url;
    }

    private static boolean verifies(WebhookReceiver.Delivery d, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal(d.body());
        byte[] given = Base64.getDecoder().decode(d.header("X-Shopify-Hmac-SHA256"));
        return MessageDigest.isEqual(expected, given);
    }

    @Test
    void orderWebhooksAreSignedWithTheAppSecret() throws Exception {
        ShopifyStoreFixture store = ShopifyStoreFixture.create();
        String box = "signed-" + UUID.randomUUID();
        subscribe(store, "ORDERS_CREATE", box);
        subscribe(store, "ORDERS_CANCELLED", box);
        String orderId = store.orders(1).getString("items[0].legacyResourceId");

        await().atMost(Duration.ofSeconds(10)).until(() -> WebhookReceiver.received(box).size() == 1);
        WebhookReceiver.Delivery created = WebhookReceiver.received(box).get(0);
        assertThat(verifies(created, store.apiSecret())).isTrue();
        assertThat(verifies(created, "not-the-secret")).isFalse();
        assertThat(created.header("X-Shopify-Topic")).isEqualTo("orders/create");
        assertThat(created.header("X-Shopify-Shop-Domain")).isEqualTo(store.domain());
        assertThat(created.header("X-Shopify-Webhook-Id")).isNotBlank();
        assertThat(created.header("X-Shopify-Triggered-At")).isNotBlank();
        assertThat(JsonPath.from(new String(created.body(), StandardCharsets.UTF_8)).getString("id"))
                .isEqualTo(orderId);

        given().post("/sandbox/shopify/shops/" + store.domain() + "/orders/" + orderId + "/cancel").then()
                .statusCode(200).body("cancelled", equalTo(true));
        await().atMost(Duration.ofSeconds(10)).until(() -> WebhookReceiver.received(box).size() == 2);
        assertThat(WebhookReceiver.received(box).get(1).header("X-Shopify-Topic")).isEqualTo("orders/cancelled");
    }

    @Test
    void aDuplicateDeliveryCarriesTheSameWebhookId() {
        ShopifyStoreFixture store = ShopifyStoreFixture.create();
        String box = "dup-" + UUID.randomUUID();
        subscribe(store, "ORDERS_CREATE", box);
        given().contentType(ContentType.JSON).body(Map.of("duplicateWebhooks", true))
                .put("/sandbox/shopify/shops/" + store.domain() + "/faults").then().statusCode(200);
        store.orders(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> WebhookReceiver.received(box).size() == 2);
        List<WebhookReceiver.Delivery> both = WebhookReceiver.received(box);
        assertThat(both.get(0).header("X-Shopify-Webhook-Id")).isEqualTo(both.get(1).header("X-Shopify-Webhook-Id"));
        assertThat(both.get(0).body()).isEqualTo(both.get(1).body());
    }

    @Test
    void aFailedDeliveryIsRetried() {
        ShopifyStoreFixture store = ShopifyStoreFixture.create();
        String box = "flaky-" + UUID.randomUUID();
        subscribe(store, "ORDERS_CREATE", box);
        store.orders(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/sandbox/shopify/shops/" + store.domain()
                + "/webhooks").jsonPath().getInt("total") == 2);
        assertThat(WebhookReceiver.received(box)).hasSize(1);
        given().get("/sandbox/shopify/shops/" + store.domain() + "/webhooks").then().statusCode(200)
                .body("items.status", org.hamcrest.Matchers.contains(503, 200))
                .body("items.attempt", org.hamcrest.Matchers.contains(1, 2));
    }
}
