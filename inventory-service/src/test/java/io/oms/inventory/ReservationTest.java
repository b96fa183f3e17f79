package io.oms.inventory;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.events.Channel;
import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.EventType;
import io.oms.events.OrderId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import io.oms.events.fulfilment.ShipmentCreated;
import io.oms.events.inventory.ReservationResult;
import io.oms.events.inventory.StockChanged;
import io.oms.events.order.OrderStatus;
import io.oms.events.order.OrderStatusChanged;
import io.oms.inventory.reservation.ReservationService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.oms.inventory.Api.adjust;
import static io.oms.inventory.Api.anItem;
import static io.oms.inventory.Api.createWarehouse;
import static io.oms.inventory.Api.putItem;
import static io.oms.inventory.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class ReservationTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @Inject
    CloudEventCodec codec;
    @Inject
    Clock clock;
    @Inject
    ReservationService reservations;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaTopics.Reader<ReservationResult> results;
    private String shop;
    private String warehouse;

    @BeforeEach
    void consumersJoinedAndAShopWithItsWarehouse() {
        await().atMost(BOUND).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        results = new KafkaTopics.Reader<>(bootstrapServers, codec, EventType.RESERVATION_RESULT);
        shop = unique("shop");
        warehouse = createWarehouse(unique("R"), false);
        given().contentType(ContentType.JSON).body(Map.of("warehouseCode", warehouse))
                .when().put("/api/v1/channel-warehouses/etsy/{shop}", shop).then().statusCode(200);
    }

    @AfterEach
    void close() {
        results.close();
    }

    @Test
    void aNewOrderReservesWhatIsAvailableInItsShopsWarehouseAndReportsTheRest() {
        String mug = stocked("MUG", 5);
        String cup = stocked("CUP", 1);
        String order = unique("ORD");

        send(newOrder(order, shop, line("l1", mug, 3), line("l2", cup, 2)));

        ReservationResult result = awaitResult(order, 1);
        assertThat(result.reservedLines()).containsExactly(new ReservationResult.Line("l1", Sku.of(mug), 3),
                new ReservationResult.Line("l2", Sku.of(cup), 1));
        assertThat(result.missingLines()).containsExactly(new ReservationResult.Line("l2", Sku.of(cup), 1));
        assertThat(result.warehouseCode()).isEqualTo(warehouse);
        given().when().get("/api/v1/items/{sku}", mug).then()
                .body("stock[0].onHand", equalTo(5)).body("stock[0].reserved", equalTo(3)).body("stock[0].available", equalTo(2));
    }

    @Test
    void stockArrivingIsReservedForWaitingOrdersOldestFirst() {
        String sku = stocked("WAIT", 0);
        String older = unique("OLD");
        String newer = unique("NEW");
        send(newOrder(older, shop, line("a", sku, 2)));
        awaitResult(older, 1);
        send(newOrder(newer, shop, line("b", sku, 2)));
        awaitResult(newer, 1);

        adjust("receipt", sku, warehouse, 3).statusCode(201);

        ReservationResult first = awaitResult(older, 2);
        ReservationResult second = awaitResult(newer, 2);
        assertThat(first.complete()).isTrue();
        assertThat(first.reservedLines()).containsExactly(new ReservationResult.Line("a", Sku.of(sku), 2));
        assertThat(second.reservedLines()).containsExactly(new ReservationResult.Line("b", Sku.of(sku), 1));
        assertThat(second.missingLines()).containsExactly(new ReservationResult.Line("b", Sku.of(sku), 1));
    }

    @Test
    void cancellationReleasesShipmentConsumesAndTheLedgerAddsUp() {
        String sku = stocked("FLOW", 10);
        String shipped = unique("SHIP");
        String cancelled = unique("CANC");
        send(newOrder(shipped, shop, line("s", sku, 4)));
        send(newOrder(cancelled, shop, line("c", sku, 3)));
        awaitResult(shipped, 1);
        awaitResult(cancelled, 1);
        assertStock(sku, 10, 7);

        send(statusChange(cancelled, OrderStatus.NEW, OrderStatus.CANCELLED, line("c", sku, 3)));
        await().atMost(BOUND).untilAsserted(() -> assertStock(sku, 10, 4));

        send(CloudEvent.of("/fulfilment-service", new ShipmentCreated(unique("SHP"), OrderId.of(shipped), Channel.ETSY, ShopId.of(shop),
                "ext-" + shipped, "dhl", "TRK1", null, List.of(new ShipmentCreated.Line("s", Sku.of(sku), 3)), clock.instant()), clock));
        await().atMost(BOUND).untilAsserted(() -> assertStock(sku, 7, 1));

        JsonPath ledger = given().queryParam("sku", sku).when().get("/api/v1/stock/ledger").then().statusCode(200).extract().jsonPath();
        List<Integer> onHandDeltas = ledger.getList("items.onHandDelta", Integer.class);
        List<Integer> reservedDeltas = ledger.getList("items.reservedDelta", Integer.class);
        assertThat(onHandDeltas.stream().mapToInt(Integer::intValue).sum()).isEqualTo(7);
        assertThat(reservedDeltas.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        assertThat(ledger.getList("items.kind", String.class)).containsExactly("receipt", "reservation", "reservation", "release", "shipment");
        given().when().get("/api/v1/reservations/{order}", shipped).then().statusCode(200)
                .body("reservedLines[0].quantity", equalTo(4)).body("missingLines.size()", equalTo(0));
    }

    @Test
    void anOrderOfAShopWithoutMappingReservesInThePrimaryWarehouse() {
        String primary = createWarehouse(unique("P"), true);
        String sku = unique("PRIM");
        putItem(sku, anItem("In the primary")).statusCode(201);
        adjust("receipt", sku, primary, 2).statusCode(201);
        String order = unique("ORD");

        send(newOrder(order, unique("unmapped"), line("x", sku, 1)));

        ReservationResult result = awaitResult(order, 1);
        assertThat(result.warehouseCode()).isEqualTo(primary);
        assertThat(result.complete()).isTrue();
    }

    @Test
    void aHundredOrdersForFiftyUnitsReserveExactlyFiftyAndTheLastStockChangedSaysZero() {
        String sku = stocked("LAST", 50);
        try (KafkaTopics.Reader<StockChanged> stock = new KafkaTopics.Reader<>(bootstrapServers, codec, EventType.STOCK_CHANGED)) {
            List<String> orders = new ArrayList<>();
            List<CloudEvent<OrderStatusChanged>> events = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String order = unique("RACE");
                orders.add(order);
                events.add(newOrder(order, shop, line("l", sku, 1)));
            }
            KafkaTopics.send(bootstrapServers, codec, events);

            await().atMost(BOUND).until(() -> orders.stream().allMatch(order -> !results.read(order).isEmpty()));
            int reserved = 0;
            int missing = 0;
            for (String order : orders) {
                ReservationResult result = results.read(order).get(0);
                reserved += result.reservedLines().stream().mapToInt(ReservationResult.Line::quantity).sum();
                missing += result.missingLines().stream().mapToInt(ReservationResult.Line::quantity).sum();
            }
            assertThat(reserved).isEqualTo(50);
            assertThat(missing).isEqualTo(50);
            assertStock(sku, 50, 50);
            await().atMost(BOUND).until(() -> {
                List<StockChanged> published = stock.read(sku);
                return !published.isEmpty() && published.get(published.size() - 1).totalAvailable() == 0;
            });
            assertThat(stock.read(sku)).allMatch(event -> event.totalAvailable() >= 0);
        }
    }

    @Test
    void aSaleOfASkuWithNoStockLeftRepublishesItsStockSoTheShopsShowOurCountAgain() {
        String sku = stocked("GONE", 1);
        try (KafkaTopics.Reader<StockChanged> stock = new KafkaTopics.Reader<>(bootstrapServers, codec, EventType.STOCK_CHANGED)) {
            String first = unique("SOLD");
            send(newOrder(first, shop, line("l", sku, 1)));
            awaitResult(first, 1);
            await().atMost(BOUND).until(() -> stock.read(sku).stream().anyMatch(event -> event.totalAvailable() == 0));
            long versionAtZero = stock.read(sku).stream().filter(event -> event.totalAvailable() == 0)
                    .mapToLong(StockChanged::version).max().orElseThrow();

            // The marketplace sold it once more (it counts down on its own): nothing is reserved, nothing changes here,
            // and still a newer StockChanged says 0, so the connectors set the shops back to our count.
            String oversold = unique("OVER");
            send(newOrder(oversold, shop, line("l", sku, 1)));
            assertThat(awaitResult(oversold, 1).missingLines()).containsExactly(new ReservationResult.Line("l", Sku.of(sku), 1));
            await().atMost(BOUND).until(() -> stock.read(sku).stream()
                    .anyMatch(event -> event.version() > versionAtZero && event.totalAvailable() == 0));
            assertStock(sku, 1, 1);
        }
    }

    @Test
    void concurrentReservationsAndReceiptsReserveExactlyTheStockThereIs() throws Exception {
        String sku = stocked("RACE", 50);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            OrderStatusChanged order = newOrder(unique("CONC"), shop, line("l", sku, 1)).data();
            done.add(writers.submit(() -> reservations.reserve(order)));
            if (i % 10 == 0) {
                done.add(writers.submit(() -> adjust("receipt", sku, warehouse, 1).statusCode(201)));
            }
        }
        for (Future<?> future : done) {
            future.get();
        }
        writers.shutdown();

        // 10 receipts arrived among 100 orders: exactly the 60 units there are were reserved, none twice
        JsonPath item = given().when().get("/api/v1/items/{sku}", sku).then().extract().jsonPath();
        assertThat(item.getInt("stock[0].onHand")).isEqualTo(60);
        assertThat(item.getInt("stock[0].reserved")).isEqualTo(60);
        assertThat(item.getInt("stock[0].available")).isZero();
        JsonPath ledger = given().queryParam("sku", sku).queryParam("size", 500).when().get("/api/v1/stock/ledger").then().extract().jsonPath();
        int reservedInLedger = ledger.getList("items.reservedDelta", Integer.class).stream().mapToInt(Integer::intValue).sum();
        assertThat(reservedInLedger).isEqualTo(item.getInt("stock[0].reserved"));
    }

    private String stocked(String prefix, int onHand) {
        String sku = unique(prefix);
        putItem(sku, anItem(prefix)).statusCode(201);
        if (onHand > 0) {
            adjust("receipt", sku, warehouse, onHand).statusCode(201);
        }
        return sku;
    }

    private void assertStock(String sku, int onHand, int reserved) {
        given().when().get("/api/v1/items/{sku}", sku).then().statusCode(200)
                .body("stock.find { it.warehouseCode == '" + warehouse + "' }.onHand", equalTo(onHand))
                .body("stock.find { it.warehouseCode == '" + warehouse + "' }.reserved", equalTo(reserved));
    }

    private ReservationResult awaitResult(String order, int count) {
        await().atMost(BOUND).until(() -> results.read(order).size() >= count);
        return results.read(order).get(count - 1);
    }

    private void send(CloudEvent<?> event) {
        KafkaTopics.send(bootstrapServers, codec, List.of(event));
    }

    private static OrderStatusChanged.Line line(String lineId, String sku, int quantity) {
        return new OrderStatusChanged.Line(lineId, "ext-" + lineId, Sku.of(sku), quantity);
    }

    private CloudEvent<OrderStatusChanged> newOrder(String order, String shopId, OrderStatusChanged.Line... lines) {
        return statusChange(order, shopId, null, OrderStatus.NEW, lines);
    }

    private CloudEvent<OrderStatusChanged> statusChange(String order, OrderStatus from, OrderStatus to, OrderStatusChanged.Line... lines) {
        return statusChange(order, shop, from, to, lines);
    }

    private CloudEvent<OrderStatusChanged> statusChange(String order, String shopId, OrderStatus from, OrderStatus to,
            OrderStatusChanged.Line... lines) {
        return CloudEvent.of("/order-service", new OrderStatusChanged(OrderId.of(order), Channel.ETSY, ShopId.of(shopId), "ext-" + order,
                from, to, List.of(lines), clock.instant()), clock);
    }
}
