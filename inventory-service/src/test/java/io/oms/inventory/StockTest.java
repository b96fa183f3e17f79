package io.oms.inventory;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.events.CloudEventCodec;
import io.oms.events.EventType;
import io.oms.events.inventory.StockChanged;
import io.oms.inventory.stock.Adjustment;
import io.oms.inventory.stock.Adjustments;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;

import static io.oms.inventory.Api.adjust;
import static io.oms.inventory.Api.anItem;
import static io.oms.inventory.Api.createWarehouse;
import static io.oms.inventory.Api.putItem;
import static io.oms.inventory.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class StockTest {

    @Inject
    CloudEventCodec codec;
    @Inject
    Adjustments adjustments;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void warehousesAreCreatedListedAndOneIsPrimary() {
        String first = createWarehouse(unique("WH"), false);
        String second = createWarehouse(unique("WH"), false);

        given().when().post("/api/v1/warehouses/{code}/primary", second).then().statusCode(200).body("primary", equalTo(true));

        given().when().get("/api/v1/warehouses").then().statusCode(200)
                .body("items.find { it.code == '" + second + "' }.primary", equalTo(true))
                .body("items.find { it.code == '" + first + "' }.primary", equalTo(false))
                .body("items.findAll { it.primary }.size()", equalTo(1));
        given().contentType("application/json").body(java.util.Map.of("code", first, "name", "again"))
                .when().post("/api/v1/warehouses").then().statusCode(409).body("field", equalTo("code"));
    }

    @Test
    void adjustmentsChangeOnHandAndTheItemShowsAvailabilityPerWarehouse() {
        String sku = unique("STK");
        String north = createWarehouse(unique("N"), false);
        String south = createWarehouse(unique("S"), false);
        putItem(sku, anItem("Stocked")).statusCode(201);

        adjust("receipt", sku, north, 10).statusCode(201).body("stock.onHand", equalTo(10)).body("entry.kind", equalTo("receipt"));
        adjust("correction", sku, north, -3).statusCode(201).body("stock.onHand", equalTo(7));
        adjust("count", sku, south, 4).statusCode(201).body("stock.available", equalTo(4));

        given().when().get("/api/v1/items/{sku}", sku).then().statusCode(200)
                .body("stock.find { it.warehouseCode == '" + north + "' }.onHand", equalTo(7))
                .body("stock.find { it.warehouseCode == '" + north + "' }.available", equalTo(7))
                .body("stock.find { it.warehouseCode == '" + south + "' }.available", equalTo(4))
                .body("totalAvailable", equalTo(11));
        given().queryParam("sku", sku).when().get("/api/v1/stock/ledger").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.kind", hasItem("count"));
    }

    @Test
    void aCorrectionBelowZeroIsAConflictAndChangesNothing() {
        String sku = unique("NEG");
        String warehouse = createWarehouse(unique("W"), false);
        putItem(sku, anItem("Few")).statusCode(201);
        adjust("receipt", sku, warehouse, 2).statusCode(201);

        adjust("correction", sku, warehouse, -3).statusCode(409)
                .contentType("application/problem+json").body("field", equalTo("quantity"));
        adjust("receipt", unique("NOPE"), warehouse, 1).statusCode(404).body("field", equalTo("sku"));
        adjust("receipt", sku, unique("NOWH"), 1).statusCode(404).body("field", equalTo("warehouse"));
        adjust("refill", sku, warehouse, 1).statusCode(400).body("field", equalTo("type"));

        given().when().get("/api/v1/items/{sku}", sku).then().body("stock[0].onHand", equalTo(2));
    }

    @Test
    void everyStockChangeEndsInAStockChangedWithTheLatestValueAndAGrowingVersion() {
        String sku = unique("EVT");
        String warehouse = createWarehouse(unique("E"), false);
        putItem(sku, anItem("Evented")).statusCode(201);
        try (KafkaTopics.Reader<StockChanged> stock = new KafkaTopics.Reader<>(bootstrapServers, codec, EventType.STOCK_CHANGED)) {
            adjust("receipt", sku, warehouse, 5).statusCode(201);
            await().atMost(Duration.ofSeconds(60)).until(() -> !stock.read(sku).isEmpty());
            adjust("correction", sku, warehouse, -2).statusCode(201);

            await().atMost(Duration.ofSeconds(60)).until(() -> last(stock.read(sku)).totalAvailable() == 3);
            List<StockChanged> published = stock.read(sku);
            assertThat(published).extracting(StockChanged::version).isSorted().doesNotHaveDuplicates();
            assertThat(last(published).warehouses()).containsExactly(new StockChanged.WarehouseStock(warehouse, 3));
        }
    }

    @Test
    void aThousandAdjustmentsWithinASecondPublishFarFewerEventsAndTheLastCarriesTheFinalValue() throws Exception {
        String sku = unique("BURST");
        String warehouse = createWarehouse(unique("B"), false);
        putItem(sku, anItem("Bursty")).statusCode(201);
        try (KafkaTopics.Reader<StockChanged> stock = new KafkaTopics.Reader<>(bootstrapServers, codec, EventType.STOCK_CHANGED)) {
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<Adjustments.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                outcomes.add(writers.submit(() -> adjustments.apply(new Adjustment(Adjustment.Kind.RECEIPT, sku, warehouse, 1, "burst", null))));
            }
            for (Future<Adjustments.Outcome> outcome : outcomes) {
                assertThat(outcome.get()).isInstanceOf(Adjustments.Applied.class);
            }
            writers.shutdown();

            await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<StockChanged> published = stock.read(sku);
                return !published.isEmpty() && last(published).totalAvailable() == 1000;
            });
            List<StockChanged> published = stock.read(sku);
            assertThat(published.size()).as("StockChanged events for 1000 adjustments").isLessThan(100);
            assertThat(published).extracting(StockChanged::version).isSorted().doesNotHaveDuplicates();
            assertThat(published).extracting(StockChanged::totalAvailable).isSorted();
        }
        given().when().get("/api/v1/items/{sku}", sku).then().body("totalAvailable", equalTo(1000));
    }

    static StockChanged last(List<StockChanged> events) {
        return events.isEmpty() ? new StockChanged(io.oms.events.Sku.of("none"), List.of(), -1, -1) : events.get(events.size() - 1);
    }
}
