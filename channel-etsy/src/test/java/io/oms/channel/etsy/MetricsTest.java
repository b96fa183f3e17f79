package io.oms.channel.etsy;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.events.Sku;
import io.oms.events.inventory.StockChanged;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class MetricsTest {

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

        EtsySandbox.faults(sandboxShop.getLong("shopId"), Map.of("force429", true));
        try {
            Shops.syncNow(id);
            await().atMost(Duration.ofSeconds(120)).until(() -> value("oms_channel_rate_limited_total", shop, null).orElse(0.0) > 0
                    && value("oms_channel_calls_total", shop, "rate_limited").orElse(0.0) > 0);
        } finally {
            EtsySandbox.faults(sandboxShop.getLong("shopId"), Map.of());
        }
    }

    /** A sample of the Prometheus scrape for the shop (and outcome, if given). */
    static Optional<Double> value(String name, String shop, String outcome) {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} ([0-9.eE+-]+|NaN)$").matcher(scrape);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("shop=\"" + shop + "\"") && (outcome == null || labels.contains("outcome=\"" + outcome + "\""))) {
                return Optional.of(m.group(2).equals("NaN") ? Double.NaN : Double.parseDouble(m.group(2)));
            }
        }
        return Optional.empty();
    }
}
