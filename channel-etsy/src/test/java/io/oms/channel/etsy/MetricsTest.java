package io.oms.channel.etsy;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.events.Sku;
import io.oms.channel.core.metrics.ShopGauges;
import io.oms.events.inventory.StockChanged;
import io.oms.testsupport.PrometheusText;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class MetricsTest {

    @Inject
    ShopGauges gauges;

    @Test
    void perShopMetricsCountImportsCallsAndRateLimitsAndShowLagAndQueueDepth() {
        JsonPath sandboxShop = EtsySandbox.createShop("Metrics" + UUID.randomUUID().toString().substring(0, 6), 3, 50);
        String shop = String.valueOf(sandboxShop.getLong("shopId"));
        EtsySandbox.createReceipts(sandboxShop.getLong("shopId"), 3);
        String id = Shops.connect(sandboxShop);
        Map<String, String> listingOfSku = StockPushTest.awaitDiscovery(id, 7);
        await().atMost(Duration.ofSeconds(120)).until(() -> Shops.initialSyncDone(id));
        Events.consumersReady();
        Events.publish("/inventory-service", new StockChanged(Sku.of(listingOfSku.keySet().iterator().next()), List.of(), 5, 1));

        await().atMost(Duration.ofSeconds(120)).until(() -> value("oms_channel_orders_imported_total", shop, null).orElse(0.0) >= 3.0
                && value("oms_channel_calls_total", shop, "success").orElse(0.0) > 0
                && value("oms_channel_push_queue_depth", shop, null).isPresent()
                && value("oms_sync_lag_seconds", shop, null).isPresent());
        assertThat(value("oms_channel_orders_imported_total", shop, null)).contains(3.0);
        assertThat(sample("oms_channel_calls_total", Map.of("channel", "etsy", "shop", shop, "outcome", "success", "status", "2xx")))
                .hasValueSatisfying(calls -> assertThat(calls).isPositive());

        EtsySandbox.faults(sandboxShop.getLong("shopId"), Map.of("force429", true));
        try {
            Shops.syncNow(id);
            await().atMost(Duration.ofSeconds(120)).until(() -> value("oms_channel_rate_limited_total", shop, null).orElse(0.0) > 0
                    && sample("oms_channel_calls_total", Map.of("shop", shop, "outcome", "rate_limited", "status", "429")).orElse(0.0) > 0);
        } finally {
            EtsySandbox.faults(sandboxShop.getLong("shopId"), Map.of());
        }
    }

    @Test
    void aShopWhoseAuthorizationWasRevokedShowsAsNeedingReauthenticationOnEveryReplica() {
        JsonPath sandboxShop = EtsySandbox.createShop("Reauth" + UUID.randomUUID().toString().substring(0, 6));
        String shop = String.valueOf(sandboxShop.getLong("shopId"));
        String id = Shops.connect(sandboxShop);
        await().atMost(Duration.ofSeconds(120)).until(() -> Shops.initialSyncDone(id));
        gauges.refresh();
        assertThat(value("oms_channel_shop_needs_reauthentication", shop, null)).contains(0.0);
        assertThat(value("oms_sync_lag_seconds", shop, null)).as("lag, read from the shop's cursor").isPresent();

        EtsySandbox.faults(sandboxShop.getLong("shopId"), Map.of("revokeTokens", true));
        try {
            Shops.syncNow(id);
            await().atMost(Duration.ofSeconds(60)).until(() -> "NEEDS_REAUTHENTICATION".equals(given().get("/api/v1/shops/" + id).path("status")));

            gauges.refresh();

            assertThat(value("oms_channel_shop_needs_reauthentication", shop, null)).contains(1.0);
        } finally {
            EtsySandbox.faults(sandboxShop.getLong("shopId"), Map.of());
        }
    }

    /** A sample of the Prometheus scrape for the shop (and outcome, if given); several samples are summed. */
    static Optional<Double> value(String name, String shop, String outcome) {
        return sample(name, outcome == null ? Map.of("shop", shop) : Map.of("shop", shop, "outcome", outcome));
    }

    static Optional<Double> sample(String name, Map<String, String> labels) {
        return PrometheusText.value(given().get("/q/metrics").then().statusCode(200).extract().asString(), name, labels);
    }
}
