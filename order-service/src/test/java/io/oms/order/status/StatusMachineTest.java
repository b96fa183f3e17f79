package io.oms.order.status;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.EventType;
import io.oms.events.OrderId;
import io.oms.events.Sku;
import io.oms.events.channel.ChannelPushResult;
import io.oms.events.channel.PushKind;
import io.oms.events.fulfilment.ShipmentCreated;
import io.oms.events.inventory.ReservationResult;
import io.oms.events.order.ChannelStatus;
import io.oms.events.order.OrderImported;
import io.oms.events.order.OrderStatus;
import io.oms.events.order.OrderStatusChanged;
import io.oms.order.OrderImportedBuilder;
import io.oms.order.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.oms.order.OrderImportedBuilder.anOrderImported;
import static io.oms.order.intake.OrderIntakeTest.awaitOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class StatusMachineTest {

    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final Clock CLOCK = Clock.systemUTC();

    private final EntityManager entityManager;

    StatusMachineTest(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @BeforeEach
    void consumersJoined() {
        await().atMost(BOUND).until(() -> given().get("/q/health/ready").statusCode() == 200);
        TestKafka.awaitConsumersAssigned();
    }

    @Test
    void newOrderIsPublishedSoInventoryCanReserveIt() {
        try (TestKafka.Reader published = new TestKafka.Reader(EventType.ORDER_STATUS_CHANGED.topic())) {
            OrderImported snapshot = anOrderImported().withLines(2).build();
            TestKafka.send(CloudEvent.of("/test", snapshot, CLOCK));
            String orderId = awaitOrder(snapshot, 1).getString("id");

            OrderStatusChanged changed = awaitPublished(published, orderId, OrderStatus.NEW);
            assertThat(changed.oldStatus()).isNull();
            assertThat(changed.lines()).extracting(OrderStatusChanged.Line::externalLineId).containsExactly("line-1", "line-2");
            assertThat(changed.lines()).extracting(OrderStatusChanged.Line::sku).containsExactly(Sku.of("SKU-1"), Sku.of("SKU-2"));
        }
    }

    @Test
    void reservationResultDecidesNewOrPartialAndALateReservationTurnsPartialIntoNew() {
        String complete = importOrder(anOrderImported());
        String partial = importOrder(anOrderImported().withLines(2));

        send(new ReservationResult(OrderId.of(complete), List.of(line("SKU-1", 1)), List.of(), "WH1"));
        send(new ReservationResult(OrderId.of(partial), List.of(line("SKU-1", 1)), List.of(line("SKU-2", 2)), "WH1"));

        awaitStatus(partial, "PARTIAL");
        JsonPath partialOrder = given().get("/api/v1/orders/" + partial).jsonPath();
        assertThat(partialOrder.getList("missingLines.sku")).containsExactly("SKU-2");
        assertThat(given().get("/api/v1/orders/" + complete).jsonPath().getString("status")).isEqualTo("NEW");

        send(new ReservationResult(OrderId.of(partial), List.of(line("SKU-2", 2)), List.of(), "WH1"));

        awaitStatus(partial, "NEW");
        JsonPath order = given().get("/api/v1/orders/" + partial).jsonPath();
        assertThat(order.getList("statusHistory.to")).containsExactly("NEW", "PARTIAL", "NEW");
        assertThat(order.getList("missingLines")).isEmpty();
        assertThat(order.getString("statusHistory[2].eventId")).isNotNull();
        assertThat(publishedStatuses(partial)).containsExactly("NEW", "PARTIAL", "NEW");
        assertThat(publishedStatuses(complete)).containsExactly("NEW");
    }

    @Test
    void marketplaceCancellationBeforePackingCancelsAndPublishes() {
        try (TestKafka.Reader published = new TestKafka.Reader(EventType.ORDER_STATUS_CHANGED.topic())) {
            OrderImportedBuilder builder = anOrderImported();
            String orderId = importOrder(builder);

            TestKafka.send(CloudEvent.of("/test", builder.withRevision(2).withStatus(ChannelStatus.CANCELLED).build(), CLOCK));

            awaitStatus(orderId, "CANCELLED");
            OrderStatusChanged changed = awaitPublished(published, orderId, OrderStatus.CANCELLED);
            assertThat(changed.oldStatus()).isEqualTo(OrderStatus.NEW);
            JsonPath order = given().get("/api/v1/orders/" + orderId).jsonPath();
            assertThat(order.getString("statusHistory[1].cause")).isEqualTo("marketplace status CANCELLED");
            assertThat(order.getList("exceptions")).isEmpty();
        }
    }

    @Test
    void marketplaceCancellationAfterPackingRaisesCancelAfterPackAndTheStatusStays() {
        OrderImportedBuilder builder = anOrderImported();
        String orderId = importOrder(builder);
        moveTo(orderId, "READY_FOR_PICKING");
        moveTo(orderId, "PACKED");

        TestKafka.send(CloudEvent.of("/test", builder.withRevision(2).withStatus(ChannelStatus.CANCELLED).build(), CLOCK));

        JsonPath order = await().atMost(BOUND).until(() -> given().get("/api/v1/orders/" + orderId).jsonPath(),
                detail -> !detail.getList("exceptions").isEmpty());
        assertThat(order.getString("status")).isEqualTo("PACKED");
        assertThat(order.getString("exceptions[0].code")).isEqualTo("cancel-after-pack");
        assertThat(order.getString("exceptions[0].message")).contains("PACKED");
        assertThat(order.getString("exceptions[0].resolvedAt")).isNull();
        assertThat(order.getLong("revision")).isEqualTo(2);
        assertThat(order.getString("channelStatus")).isEqualTo("CANCELLED");
        assertThat(order.getList("statusHistory.to")).containsExactly("NEW", "READY_FOR_PICKING", "PACKED");
        // A status event would have committed with the exception: nothing told inventory to release the stock.
        assertThat(publishedStatuses(orderId)).containsExactly("NEW", "READY_FOR_PICKING", "PACKED");
    }

    @Test
    void sellerCancellationBeforePackingCancelsAndPublishes() {
        try (TestKafka.Reader published = new TestKafka.Reader(EventType.ORDER_STATUS_CHANGED.topic())) {
            String orderId = importOrder(anOrderImported());
            moveTo(orderId, "READY_FOR_PICKING");

            given().contentType(ContentType.JSON).body(Map.of("reason", "out of stock")).post("/api/v1/orders/" + orderId + "/cancel")
                    .then().statusCode(200).body("status", equalTo("CANCELLED"))
                    .body("statusHistory[2].cause", equalTo("cancelled by the seller: out of stock"));

            OrderStatusChanged changed = awaitPublished(published, orderId, OrderStatus.CANCELLED);
            assertThat(changed.oldStatus()).isEqualTo(OrderStatus.READY_FOR_PICKING);
            assertThat(changed.lines()).extracting(OrderStatusChanged.Line::sku).containsExactly(Sku.of("SKU-1"));
        }
    }

    @Test
    void sellerCancellationAfterPackingIsRefusedWithConflictAndRaisesCancelAfterPack() {
        String orderId = importOrder(anOrderImported());
        moveTo(orderId, "READY_FOR_PICKING");
        moveTo(orderId, "PACKED");

        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/orders/" + orderId + "/cancel")
                .then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("field", equalTo("status"))
                .body("detail", containsString("PACKED"))
                .body("allowedNextStatuses", containsInAnyOrder("READY_TO_SHIP", "IN_TRANSIT"));

        JsonPath order = given().get("/api/v1/orders/" + orderId).jsonPath();
        assertThat(order.getString("status")).isEqualTo("PACKED");
        assertThat(order.getList("exceptions.code")).containsExactly("cancel-after-pack");
        assertThat(order.getString("exceptions[0].message")).contains("cancelled by the seller");
        assertThat(publishedStatuses(orderId)).doesNotContain("CANCELLED");
    }

    @Test
    void unknownOrMalformedIdsAnswerNotFound() {
        String unknown = java.util.UUID.randomUUID().toString();
        given().get("/api/v1/orders/" + unknown).then().statusCode(404).contentType("application/problem+json")
                .body("field", equalTo("id")).body("detail", containsString(unknown));
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/orders/" + unknown + "/cancel")
                .then().statusCode(404).contentType("application/problem+json").body("field", equalTo("id"));
        given().post("/api/v1/orders/" + unknown + "/release").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/orders/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/customers/" + unknown).then().statusCode(404).contentType("application/problem+json")
                .body("field", equalTo("id"));
    }

    @Test
    void malformedRequestsAnswerBadRequestNamingTheField() {
        String orderId = importOrder(anOrderImported());

        given().contentType(ContentType.JSON).body(Map.of("status", "SHIPPED_BY_PIGEON")).post("/api/v1/orders/" + orderId + "/status")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("status"));
        given().contentType(ContentType.JSON).body(Map.of("cause", "no status")).post("/api/v1/orders/" + orderId + "/status")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("status"));
        given().contentType(ContentType.JSON).body(Map.of("channel", "etsy")).post("/api/v1/orders/release")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("shopId"));
        given().queryParam("createdFrom", "yesterday").get("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("createdFrom"));
        given().queryParam("sort", "price,desc").get("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("sort"));
        given().queryParam("size", 0).get("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("size"));
        assertThat(given().get("/api/v1/orders/" + orderId).jsonPath().getString("status")).isEqualTo("NEW");
    }

    @Test
    void heldShopCreatesOrdersOnHoldUntilReleased() {
        String shop = "held-" + System.nanoTime();
        given().contentType(ContentType.JSON).body(Map.of("holdNewOrders", true)).put("/api/v1/shop-settings/etsy/" + shop)
                .then().statusCode(200).body("holdNewOrders", equalTo(true));
        String one = importOrder(anOrderImported().withShop(shop));
        String two = importOrder(anOrderImported().withShop(shop));
        String three = importOrder(anOrderImported().withShop(shop));
        assertThat(List.of(one, two, three)).allSatisfy(id ->
                assertThat(given().get("/api/v1/orders/" + id).jsonPath().getString("status")).isEqualTo("ON_HOLD"));

        given().post("/api/v1/orders/" + one + "/release").then().statusCode(200).body("status", equalTo("NEW"));
        given().contentType(ContentType.JSON).body(Map.of("channel", "etsy", "shopId", shop)).post("/api/v1/orders/release")
                .then().statusCode(200).body("released", equalTo(2));

        assertThat(given().queryParams("shopId", shop, "status", "NEW").get("/api/v1/orders").jsonPath().getInt("total")).isEqualTo(3);
        given().post("/api/v1/orders/" + one + "/release").then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("status")).body("allowedNextStatuses", hasItems("PARTIAL", "CANCELLED"));
    }

    @Test
    void shipmentMovesToReadyToShipAndTheTrackingPushConfirmsInTransit() {
        OrderImported snapshot = anOrderImported().build();
        String orderId = importOrder(snapshot);

        send(shipment(snapshot, orderId, "00340434161094042557"));
        awaitStatus(orderId, "READY_TO_SHIP");
        send(new ChannelPushResult(snapshot.channel(), snapshot.shopId(), PushKind.TRACKING, orderId, true, "DHL 00340434161094042557",
                null, Instant.parse("2026-03-02T10:00:00Z")));

        awaitStatus(orderId, "IN_TRANSIT");
        assertThat(given().get("/api/v1/orders/" + orderId).jsonPath().getList("statusHistory.to"))
                .containsExactly("NEW", "READY_TO_SHIP", "IN_TRANSIT");
    }

    @Test
    void refusedTrackingPushRaisesAnExceptionWithTheMarketplaceMessage() {
        OrderImported snapshot = anOrderImported().build();
        String orderId = importOrder(snapshot);
        send(shipment(snapshot, orderId, "123"));
        awaitStatus(orderId, "READY_TO_SHIP");

        send(new ChannelPushResult(snapshot.channel(), snapshot.shopId(), PushKind.TRACKING, orderId, false, "DHL 123",
                "Etsy takes one tracking code per receipt", Instant.parse("2026-03-02T10:00:00Z")));

        JsonPath order = await().atMost(BOUND).until(() -> given().get("/api/v1/orders/" + orderId).jsonPath(),
                detail -> !detail.getList("exceptions").isEmpty());
        assertThat(order.getString("status")).isEqualTo("READY_TO_SHIP");
        assertThat(order.getString("exceptions[0].code")).isEqualTo("tracking-push-failed");
        assertThat(order.getString("exceptions[0].message")).contains("Etsy takes one tracking code per receipt");
    }

    @Test
    void forbiddenManualTransitionAnswersConflictWithTheAllowedNextStatuses() {
        String orderId = importOrder(anOrderImported());

        given().contentType(ContentType.JSON).body(Map.of("status", "COMPLETED")).post("/api/v1/orders/" + orderId + "/status")
                .then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("field", equalTo("status"))
                .body("allowedNextStatuses", hasItems("PARTIAL", "CANCELLED", "READY_FOR_PICKING"));
    }

    /** The new statuses the service put into its outbox for this order, oldest first (the outbox commits with the change). */
    @SuppressWarnings("unchecked")
    private List<String> publishedStatuses(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select payload ->> 'newStatus' from outbox where aggregateid = ?1 and type = ?2 order by seq", String.class)
                .setParameter(1, orderId).setParameter(2, EventType.ORDER_STATUS_CHANGED.ceType()).getResultList());
    }

    private static ShipmentCreated shipment(OrderImported snapshot, String orderId, String tracking) {
        return new ShipmentCreated("SHP-" + System.nanoTime(), OrderId.of(orderId), snapshot.channel(), snapshot.shopId(),
                snapshot.externalOrderId(), "DHL", tracking, null, List.of(new ShipmentCreated.Line("line-1", Sku.of("SKU-1"), 1)),
                Instant.parse("2026-03-02T09:00:00Z"));
    }

    private static ReservationResult.Line line(String sku, int quantity) {
        return new ReservationResult.Line(null, Sku.of(sku), quantity);
    }

    private static void send(io.oms.events.EventPayload payload) {
        TestKafka.send(CloudEvent.of("/test", (Record & io.oms.events.EventPayload) payload, CLOCK));
    }

    private static String importOrder(OrderImportedBuilder builder) {
        return importOrder(builder.build());
    }

    private static String importOrder(OrderImported snapshot) {
        TestKafka.send(CloudEvent.of("/test", snapshot, CLOCK));
        return awaitOrder(snapshot, snapshot.revision()).getString("id");
    }

    private static void moveTo(String orderId, String status) {
        given().contentType(ContentType.JSON).body(Map.of("status", status)).post("/api/v1/orders/" + orderId + "/status")
                .then().statusCode(200).body("status", equalTo(status));
    }

    private static void awaitStatus(String orderId, String status) {
        await().atMost(BOUND).until(() -> given().get("/api/v1/orders/" + orderId).jsonPath().getString("status"), status::equals);
    }

    private static OrderStatusChanged awaitPublished(TestKafka.Reader reader, String orderId, OrderStatus status) {
        List<ConsumerRecord<String, byte[]>> records = await().atMost(BOUND).until(() -> reader.read(record -> orderId.equals(record.key())
                && decode(record).newStatus() == status), found -> !found.isEmpty());
        return decode(records.get(0));
    }

    private static OrderStatusChanged decode(ConsumerRecord<String, byte[]> record) {
        try {
            return (OrderStatusChanged) TestKafka.codec().decode(record.headers(), record.value()).data();
        } catch (io.oms.events.InvalidEventException e) {
            throw new AssertionError("the service published an invalid event: " + e.reason(), e);
        }
    }
}
