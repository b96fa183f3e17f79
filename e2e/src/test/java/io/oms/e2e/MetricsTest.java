package io.oms.e2e;

import io.oms.local.Seed;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After orders flowed through the stack, {@code GET /q/metrics} of every service (no token: Prometheus scrapes it) lists
 * the metrics that deploy/k8s/README.md documents and its alerts and dashboard use.
 */
@ExtendWith(Stack.class)
class MetricsTest {

    /** Every service publishes through the outbox and consumes through the inbox. */
    private static final List<String> MESSAGING = List.of("oms_outbox_backlog_events", "oms_inbox_events_applied_total",
            "oms_inbox_duplicates_skipped_total", "oms_consumer_lag_records");
    /** What each connector adds. */
    private static final List<String> CONNECTOR = List.of("oms_channel_orders_imported_total", "oms_channel_calls_total",
            "oms_channel_push_queue_depth", "oms_sync_lag_seconds", "oms_channel_shop_needs_reauthentication");

    private static Seed.DemoShops shops;

    @BeforeAll
    static void connectTheDemoShops() throws Exception {
        shops = new Seed(Stack.endpoints()).run();
    }

    @Test
    void everyServiceListsTheDocumentedMetricsAfterOrdersFlowed() {
        String receipt = sandbox().body(Map.of("count", 1)).post("/sandbox/etsy/shops/{shop}/receipts", shops.etsyShopId())
                .then().statusCode(201).extract().path("items[0].receiptId").toString();
        String shopifyOrder = sandbox().body(Map.of("count", 1)).post("/sandbox/shopify/shops/{domain}/orders", shops.shopifyDomain())
                .then().statusCode(201).extract().path("items[0].legacyResourceId").toString();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(externalIds("etsy", shops.etsyShopId())).contains(receipt);
            assertThat(externalIds("shopify", shops.shopifyDomain())).contains(shopifyOrder);
        });

        // The shop gauges (sync lag, re-authentication) are refreshed from the database every 30 s on every replica.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (String service : List.of("order-service", "inventory-service", "fulfilment-service")) {
                assertThat(metrics(service)).as(service + " /q/metrics").contains(MESSAGING);
            }
            for (String connector : List.of("channel-etsy", "channel-shopify")) {
                String metrics = metrics(connector);
                assertThat(metrics).as(connector + " /q/metrics").contains(MESSAGING).contains(CONNECTOR);
                assertThat(metrics).as(connector + ": the imported order is counted")
                        .containsPattern("oms_channel_orders_imported_total\\{[^}]*\\} [1-9]");
            }
            assertThat(metrics("order-service")).as("order-service applied the OrderImported events")
                    .containsPattern("oms_inbox_events_applied_total\\{[^}]*consumer=\"order-service.order-imported\"[^}]*\\} [1-9]");
        });
    }

    private static String metrics(String part) {
        return given().baseUri(Stack.part(part).url()).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static List<String> externalIds(String channel, String shopId) {
        return given().baseUri(Stack.part("order-service").url()).auth().oauth2(Stack.token())
                .queryParam("channel", channel).queryParam("shopId", shopId).queryParam("size", 500)
                .get("/api/v1/orders").then().statusCode(200).extract().path("items.externalOrderId");
    }

    private static io.restassured.specification.RequestSpecification sandbox() {
        return given().baseUri(Stack.part("sandbox").url()).contentType(ContentType.JSON);
    }
}
