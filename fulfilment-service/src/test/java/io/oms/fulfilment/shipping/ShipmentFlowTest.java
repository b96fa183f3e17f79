package io.oms.fulfilment.shipping;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.events.EventType;
import io.oms.events.fulfilment.ShipmentCreated;
import io.oms.fulfilment.Kafka;
import io.oms.fulfilment.Orders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.oms.fulfilment.Orders.anOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class ShipmentFlowTest {

    private Kafka.Reader published;

    @BeforeEach
    void readShipments() {
        Kafka.awaitReady();
        published = new Kafka.Reader(EventType.SHIPMENT_CREATED.topic());
    }

    @AfterEach
    void close() {
        published.close();
    }

    @Test
    void anOrderIsPickedPackedAndShippedAndShipmentCreatedCarriesCarrierTrackingAndLines() {
        Orders.Builder order = anOrder().onEtsy().withLines(2);
        String fulfilmentId = order.releasedForPicking();

        given().post("/api/v1/fulfilments/{id}/pick", fulfilmentId).then().statusCode(200).body("state", equalTo("PICKED"));
        given().post("/api/v1/fulfilments/{id}/pack", fulfilmentId).then().statusCode(200).body("state", equalTo("PACKED"));
        given().contentType(ContentType.JSON)
                .body(Map.of("carrier", "DHL", "trackingNumber", "JD0146000012345"))
                .post("/api/v1/orders/{orderId}/shipments", order.id())
                .then().statusCode(201)
                .body("carrier", equalTo("dhl"))
                .body("trackingUrl", containsString("JD0146000012345"))
                .body("deliveryNoteNumber", startsWith("DN-"));

        List<ShipmentCreated> events = awaitShipments(order.id(), 1);
        ShipmentCreated shipped = events.get(0);
        assertThat(shipped.carrier()).isEqualTo("dhl");
        assertThat(shipped.trackingNumber()).isEqualTo("JD0146000012345");
        assertThat(shipped.trackingUrl()).isEqualTo(
                "https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?tracking-id=JD0146000012345");
        assertThat(shipped.channel().value()).isEqualTo("etsy");
        assertThat(shipped.shopId().value()).isEqualTo(order.shopId());
        assertThat(shipped.externalOrderId()).isEqualTo(order.externalOrderId());
        assertThat(shipped.lines()).extracting(ShipmentCreated.Line::externalLineId, l -> l.sku().value(), ShipmentCreated.Line::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(order.externalOrderId() + "-L1", "SKU-1", 1),
                        org.assertj.core.groups.Tuple.tuple(order.externalOrderId() + "-L2", "SKU-2", 2));
        given().get("/api/v1/fulfilments/{id}", fulfilmentId).then().body("state", equalTo("SHIPPED"));
    }

    @Test
    void aTrackingUrlGivenByTheCallerIsKept() {
        Orders.Builder order = anOrder();
        order.releasedForPicking();

        given().contentType(ContentType.JSON)
                .body(Map.of("carrier", "ups", "trackingNumber", "1Z999", "trackingUrl", "https://example.org/t/1Z999"))
                .post("/api/v1/orders/{orderId}/shipments", order.id())
                .then().statusCode(201).body("trackingUrl", equalTo("https://example.org/t/1Z999"));

        assertThat(awaitShipments(order.id(), 1).get(0).trackingUrl()).isEqualTo("https://example.org/t/1Z999");
    }

    @Test
    void aPartialEtsyShipmentIsRefusedWithTheReasonAndNothingIsPublished() {
        Orders.Builder order = anOrder().onEtsy().withLines(2);
        order.releasedForPicking();

        given().contentType(ContentType.JSON)
                .body(Map.of("carrier", "dhl", "trackingNumber", "PARTIAL-1",
                        "lines", List.of(Map.of("externalLineId", order.externalOrderId() + "-L1"))))
                .post("/api/v1/orders/{orderId}/shipments", order.id())
                .then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("field", equalTo("lines"))
                .body("detail", containsString("Etsy takes exactly one shipment"));
        // The whole order then ships: the refused shipment, had it reached the outbox, would come first on the key.
        given().contentType(ContentType.JSON).body(Map.of("carrier", "dhl", "trackingNumber", "WHOLE-1"))
                .post("/api/v1/orders/{orderId}/shipments", order.id()).then().statusCode(201);

        List<ShipmentCreated> events = awaitShipments(order.id(), 1);
        assertThat(events).extracting(ShipmentCreated::trackingNumber).containsExactly("WHOLE-1");
    }

    @Test
    void aSecondEtsyShipmentIsRefusedWithTheReason() {
        Orders.Builder order = anOrder().onEtsy().withLines(1);
        order.releasedForPicking();
        given().contentType(ContentType.JSON).body(Map.of("carrier", "dhl", "trackingNumber", "FIRST-1"))
                .post("/api/v1/orders/{orderId}/shipments", order.id()).then().statusCode(201);

        given().contentType(ContentType.JSON).body(Map.of("carrier", "dhl", "trackingNumber", "SECOND-1"))
                .post("/api/v1/orders/{orderId}/shipments", order.id())
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("exactly one shipment"))
                .body("detail", containsString("FIRST-1"));
    }

    @Test
    void aPartialShopifyShipmentIsPublishedForThoseLines() {
        Orders.Builder order = anOrder().onShopify().withLines(3);
        String fulfilmentId = order.releasedForPicking();

        given().contentType(ContentType.JSON)
                .body(Map.of("carrier", "ups", "trackingNumber", "1ZPART1",
                        "lines", List.of(Map.of("externalLineId", order.externalOrderId() + "-L2"),
                                Map.of("sku", "SKU-3", "quantity", 1))))
                .post("/api/v1/orders/{orderId}/shipments", order.id())
                .then().statusCode(201);

        ShipmentCreated shipped = awaitShipments(order.id(), 1).get(0);
        assertThat(shipped.lines()).extracting(ShipmentCreated.Line::externalLineId, ShipmentCreated.Line::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(order.externalOrderId() + "-L2", 2),
                        org.assertj.core.groups.Tuple.tuple(order.externalOrderId() + "-L3", 1));
        given().get("/api/v1/fulfilments/{id}", fulfilmentId).then()
                .body("state", equalTo("PARTIALLY_SHIPPED"))
                .body("lines[2].shippedQuantity", equalTo(1));

        given().contentType(ContentType.JSON).body(Map.of("carrier", "ups", "trackingNumber", "1ZPART2"))
                .post("/api/v1/orders/{orderId}/shipments", order.id()).then().statusCode(201);
        ShipmentCreated rest = awaitShipments(order.id(), 2).get(1);
        assertThat(rest.lines()).extracting(ShipmentCreated.Line::externalLineId, ShipmentCreated.Line::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(order.externalOrderId() + "-L1", 1),
                        org.assertj.core.groups.Tuple.tuple(order.externalOrderId() + "-L3", 2));
        given().get("/api/v1/fulfilments/{id}", fulfilmentId).then().body("state", equalTo("SHIPPED"));
        given().get("/api/v1/orders/{orderId}/shipments", order.id()).then().body("total", equalTo(2));
    }

    @Test
    void moreThanIsLeftOfALineIsRefusedNamingTheField() {
        Orders.Builder order = anOrder().onShopify().withLines(2);
        order.releasedForPicking();

        given().contentType(ContentType.JSON)
                .body(Map.of("carrier", "ups", "trackingNumber", "1ZTOOMANY",
                        "lines", List.of(Map.of("sku", "SKU-2", "quantity", 3))))
                .post("/api/v1/orders/{orderId}/shipments", order.id())
                .then().statusCode(422).body("field", equalTo("lines[0].quantity"))
                .body("detail", containsString("2 left to ship"));
    }

    @Test
    void anUnknownCarrierIsRefusedNamingTheField() {
        Orders.Builder order = anOrder();
        order.releasedForPicking();

        given().contentType(ContentType.JSON).body(Map.of("carrier", "pigeon-post", "trackingNumber", "P1"))
                .post("/api/v1/orders/{orderId}/shipments", order.id())
                .then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("carrier"))
                .body("detail", containsString("pigeon-post"));
    }

    @Test
    void aMissingTrackingNumberIsABadRequestNamingTheField() {
        Orders.Builder order = anOrder();
        order.releasedForPicking();

        given().contentType(ContentType.JSON).body(Map.of("carrier", "dhl"))
                .post("/api/v1/orders/{orderId}/shipments", order.id())
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("trackingNumber"));
    }

    @Test
    void anOrderNotReleasedCannotShip() {
        given().contentType(ContentType.JSON).body(Map.of("carrier", "dhl", "trackingNumber", "X1"))
                .post("/api/v1/orders/{orderId}/shipments", "never-released")
                .then().statusCode(404).contentType("application/problem+json").body("field", equalTo("orderId"));
    }

    @Test
    void packingBeforePickingIsAConflict() {
        String fulfilmentId = anOrder().releasedForPicking();

        given().post("/api/v1/fulfilments/{id}/pack", fulfilmentId).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("OPEN"));
    }

    @Test
    void deliveryCannotBeMarkedHere() {
        Orders.Builder order = anOrder();
        order.releasedForPicking();

        given().post("/api/v1/orders/{orderId}/delivered", order.id()).then().statusCode(404);
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet().findAll { it.contains('delivered') }", org.hamcrest.Matchers.empty())
                .body("components.schemas.FulfilmentState.enum", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("DELIVERED")));
    }

    private List<ShipmentCreated> awaitShipments(String orderId, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> published.<ShipmentCreated>payloadsWithKey(orderId).size() >= count);
        return published.payloadsWithKey(orderId);
    }
}
