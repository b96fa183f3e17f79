package io.oms.channel.shopify;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.channel.core.metrics.ShopGauges;
import io.oms.testsupport.PrometheusText;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.lessThan;

/** The per-store series on /q/metrics: imports, calls by outcome and status, Throttled answers, lag, re-authentication. */
@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class MetricsTest {

    @Inject
    ShopGauges gauges;

    @Test
    void perStoreMetricsCountImportsCallsAndThrottledAnswers() {
        JsonPath store = ShopifySandbox.createShop("metrics-" + UUID.randomUUID().toString().substring(0, 6), 2);
        String domain = store.getString("domain");
        ShopifySandbox.createOrders(domain, 3);
        String id = Shops.connect(store);
        await().atMost(Duration.ofSeconds(120)).until(() -> Shops.initialSyncDone(id));

        await().atMost(Duration.ofSeconds(60)).until(() -> sample("oms_channel_orders_imported_total", Map.of("shop", domain)).orElse(0.0) >= 3.0);
        assertThat(sample("oms_channel_orders_imported_total", Map.of("channel", "shopify", "shop", domain))).contains(3.0);
        assertThat(sample("oms_channel_calls_total", Map.of("shop", domain, "outcome", "success", "status", "200")))
                .hasValueSatisfying(calls -> assertThat(calls).isPositive());
        gauges.refresh();
        assertThat(sample("oms_sync_lag_seconds", Map.of("shop", domain))).isPresent();
        assertThat(sample("oms_channel_shop_needs_reauthentication", Map.of("shop", domain))).contains(0.0);

        faults(domain, Map.of("force429", true));
        try {
            Shops.syncNow(id);
            await().atMost(Duration.ofSeconds(120)).until(() -> sample("oms_channel_rate_limited_total", Map.of("shop", domain)).orElse(0.0) > 0
                    && sample("oms_channel_calls_total", Map.of("shop", domain, "outcome", "rate_limited")).orElse(0.0) > 0);
        } finally {
            faults(domain, Map.of());
        }
    }

    @Test
    void aStoreWhoseTokenWasRevokedShowsAsNeedingReauthentication() {
        JsonPath store = ShopifySandbox.createShop("reauth-" + UUID.randomUUID().toString().substring(0, 6), 2);
        String domain = store.getString("domain");
        String id = Shops.connect(store);
        await().atMost(Duration.ofSeconds(120)).until(() -> Shops.initialSyncDone(id));
        faults(domain, Map.of("revokeTokens", true));
        try {
            Shops.syncNow(id);
            await().atMost(Duration.ofSeconds(60)).until(() -> "NEEDS_REAUTHENTICATION".equals(given().get("/api/v1/shops/" + id).path("status")));

            gauges.refresh();

            assertThat(sample("oms_channel_shop_needs_reauthentication", Map.of("channel", "shopify", "shop", domain))).contains(1.0);
            assertThat(sample("oms_channel_calls_total", Map.of("shop", domain, "outcome", "client_error", "status", "401")))
                    .hasValueSatisfying(calls -> assertThat(calls).isPositive());
        } finally {
            faults(domain, Map.of());
        }
    }

    private static Optional<Double> sample(String name, Map<String, String> labels) {
        return PrometheusText.value(given().get("/q/metrics").then().statusCode(200).extract().asString(), name, labels);
    }

    private static void faults(String domain, Map<String, Object> faults) {
        RestAssured.given().baseUri(ShopifySandbox.baseUrl()).contentType("application/json").body(faults)
                .put("/sandbox/shopify/shops/" + domain + "/faults").then().statusCode(lessThan(300));
    }
}
