package io.oms.channel.shopify;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.oms.channel.shopify.client.ShopifyClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class OrderImportTest {

    @TestHTTPResource("/webhooks/shopify")
    URL webhooks;

    @Inject
    ShopifyClient client;

    @BeforeEach
    void relayToThisApplication() throws Exception {
        WebhookRelay.target(webhooks.toURI());
    }

    @Test
    void theInitialSyncImportsEveryOrderAsAFullSnapshot() {
        JsonPath store = ShopifySandbox.createShop("poll-" + UUID.randomUUID().toString().substring(0, 6), 5);
        String domain = store.getString("domain");
        List<Long> orders = ShopifySandbox.createOrders(domain, 60); // before connecting: no webhooks, polling finds them

        String id = Shops.connect(store);

        try (Topic topic = Topic.orders(domain)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> topic.distinctKeys() >= 60);
            await().atMost(Duration.ofSeconds(60)).until(() -> Shops.initialSyncDone(id));
            List<Topic.Record> records = topic.poll();
            assertThat(records).hasSize(60);

            long orderId = orders.get(7);
            JsonNode snapshot = records.stream().filter(r -> r.key().equals("shopify:" + domain + ":" + orderId)).findFirst()
                    .orElseThrow().value();
            JsonPath expected = ShopifySandbox.graphql(store, """
                    query($id: ID!) { order(id: $id) { name email updatedAt currencyCode
                      totalPriceSet { shopMoney { amount } } subtotalPriceSet { shopMoney { amount } }
                      totalShippingPriceSet { shopMoney { amount } }
                      shippingAddress { city countryCodeV2 zip }
                      lineItems(first: 10) { nodes { id sku quantity variant { id } originalUnitPriceSet { shopMoney { amount } } } } } }
                    """, Map.of("id", "gid://shopify/Order/" + orderId)).setRootPath("data.order");

            assertThat(snapshot.path("channel").asText()).isEqualTo("shopify");
            assertThat(snapshot.path("shopId").asText()).isEqualTo(domain);
            assertThat(snapshot.path("externalOrderNumber").asText()).isEqualTo(expected.getString("name"));
            assertThat(snapshot.path("buyer").path("email").asText()).isEqualTo(expected.getString("email"));
            assertThat(snapshot.path("channelStatus").asText()).isEqualTo("PAID");
            assertThat(snapshot.path("marketplaceStatus").asText()).isEqualTo("PAID/UNFULFILLED");
            assertThat(snapshot.path("paid").asBoolean()).isTrue();
            assertThat(snapshot.path("totals").path("currency").asText()).isEqualTo(expected.getString("currencyCode"));
            assertThat(new BigDecimal(snapshot.path("totals").path("total").asText()))
                    .isEqualByComparingTo(expected.getString("totalPriceSet.shopMoney.amount"));
            assertThat(new BigDecimal(snapshot.path("totals").path("shipping").asText()))
                    .isEqualByComparingTo(expected.getString("totalShippingPriceSet.shopMoney.amount"));
            assertThat(snapshot.path("shippingAddress").path("city").asText()).isEqualTo(expected.getString("shippingAddress.city"));
            assertThat(snapshot.path("billingAddress").path("countryCode").asText()).isEqualTo(expected.getString("shippingAddress.countryCodeV2"));
            assertThat(snapshot.path("updatedAt").asText()).isNotBlank();
            List<Map<String, Object>> lines = expected.getList("lineItems.nodes");
            assertThat(snapshot.path("lines")).hasSize(lines.size());
            JsonNode firstLine = snapshot.path("lines").get(0);
            assertThat(firstLine.path("externalLineId").asText()).isEqualTo(expected.getString("lineItems.nodes[0].id").replaceAll(".*/", ""));
            assertThat(firstLine.path("sku").asText()).isEqualTo(expected.getString("lineItems.nodes[0].sku"));
            assertThat(firstLine.path("listingId").asText()).isEqualTo(expected.getString("lineItems.nodes[0].variant.id").replaceAll(".*/", ""));
            assertThat(firstLine.path("quantity").asInt()).isEqualTo(expected.getInt("lineItems.nodes[0].quantity"));
            assertThat(new BigDecimal(firstLine.path("unitPrice").asText()))
                    .isEqualByComparingTo(expected.getString("lineItems.nodes[0].originalUnitPriceSet.shopMoney.amount"));
        }
        List<Map<String, Object>> calls = ShopifySandbox.calls(domain);
        assertThat(calls).anyMatch(c -> "OrdersPage".equals(c.get("operation")));
        assertThat(calls).noneMatch(c -> Integer.valueOf(429).equals(c.get("status")));
        assertThat(client.throttledAnswers(domain)).as("the cost budget waits instead of being throttled").isZero();
    }

    @Test
    void aCancellationArrivesThroughItsWebhookAsANewRevision() {
        JsonPath store = ShopifySandbox.createShop("cancel-" + UUID.randomUUID().toString().substring(0, 6), 5);
        String domain = store.getString("domain");
        String id = Shops.connect(store);
        await().atMost(Duration.ofSeconds(60)).until(() -> Shops.initialSyncDone(id));
        Shops.pollRarely(id);
        long orderId = ShopifySandbox.createOrders(domain, 3).get(1);
        String key = "shopify:" + domain + ":" + orderId;

        try (Topic topic = Topic.orders(domain)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> topic.poll().stream().anyMatch(r -> r.key().equals(key)));
            long first = topic.poll().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow().revision();

            ShopifySandbox.cancel(domain, orderId);

            await().atMost(Duration.ofSeconds(60)).until(() -> topic.poll().stream()
                    .anyMatch(r -> r.key().equals(key) && r.value().path("channelStatus").asText().equals("CANCELLED")));
            List<Topic.Record> revisions = topic.poll().stream().filter(r -> r.key().equals(key)).toList();
            assertThat(revisions).hasSize(2);
            assertThat(revisions.get(1).revision()).isGreaterThan(first);
            assertThat(revisions.get(1).value().path("marketplaceStatus").asText()).isEqualTo("PAID/UNFULFILLED/CANCELLED:CUSTOMER");
            assertThat(revisions.get(1).value().path("lines").get(0).path("quantity").asInt()).isPositive();
        }
    }
}
