package io.oms.fulfilment.intake;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.events.order.OrderStatus;
import io.oms.fulfilment.Kafka;
import io.oms.fulfilment.Orders;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.oms.fulfilment.Orders.anOrder;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class OrderReleaseTest {

    @BeforeEach
    void consumersJoined() {
        Kafka.awaitReady();
    }

    @Test
    void readyForPickingCreatesAFulfilmentOrderWithTheOrdersLinesChannelAndShop() {
        Orders.Builder order = anOrder().onEtsy().withLines(2);

        String fulfilmentId = order.releasedForPicking();

        given().get("/api/v1/fulfilments/{id}", fulfilmentId).then().statusCode(200)
                .body("orderId", equalTo(order.id()))
                .body("channel", equalTo("etsy"))
                .body("shopId", equalTo(order.shopId()))
                .body("externalOrderId", equalTo(order.externalOrderId()))
                .body("state", equalTo("OPEN"))
                .body("lines.size()", equalTo(2))
                .body("lines[1].externalLineId", equalTo(order.externalOrderId() + "-L2"))
                .body("lines[1].sku", equalTo("SKU-2"))
                .body("lines[1].quantity", equalTo(2));
    }

    @Test
    void newOrdersWaitForReadyForPickingUnlessAutoReleaseIsConfigured() {
        Orders.Builder waiting = anOrder();

        waiting.moves(null, OrderStatus.NEW);

        given().queryParam("orderId", waiting.id()).get("/api/v1/fulfilments").then().body("total", equalTo(0));
    }

    @Test
    void aSecondReadyForPickingDoesNotCreateASecondFulfilmentOrder() {
        Orders.Builder order = anOrder();
        String first = order.releasedForPicking();

        order.moves(OrderStatus.PARTIAL, OrderStatus.READY_FOR_PICKING);

        given().queryParam("orderId", order.id()).get("/api/v1/fulfilments").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(first));
    }

    @Test
    void cancellationBeforePackingCancelsTheFulfilmentOrder() {
        Orders.Builder order = anOrder();
        String fulfilmentId = order.releasedForPicking();
        given().post("/api/v1/fulfilments/{id}/pick", fulfilmentId).then().statusCode(200);

        order.moves(OrderStatus.READY_FOR_PICKING, OrderStatus.CANCELLED);

        given().get("/api/v1/fulfilments/{id}", fulfilmentId)
                .then().body("state", equalTo("CANCELLED")).body("needsAttention", equalTo(false));
        given().post("/api/v1/fulfilments/{id}/pack", fulfilmentId).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("CANCELLED"));
    }

    @Test
    void cancellationAfterPackingFlagsTheFulfilmentOrderForAnOperator() {
        Orders.Builder order = anOrder();
        String fulfilmentId = order.releasedForPicking();
        given().post("/api/v1/fulfilments/{id}/pick", fulfilmentId).then().statusCode(200);
        given().post("/api/v1/fulfilments/{id}/pack", fulfilmentId).then().statusCode(200).body("state", equalTo("PACKED"));

        order.moves(OrderStatus.PACKED, OrderStatus.CANCEL_IN_PROCESS);

        given().get("/api/v1/fulfilments/{id}", fulfilmentId)
                .then().body("needsAttention", equalTo(true))
                .body("state", equalTo("PACKED"))
                .body("attentionReason", containsString("cancelled"));
        given().queryParam("needsAttention", true).queryParam("orderId", order.id()).get("/api/v1/fulfilments")
                .then().body("total", equalTo(1));

        given().contentType("application/json").body(java.util.Map.of("note", "parcel stopped at the dock"))
                .post("/api/v1/fulfilments/{id}/resolve-attention", fulfilmentId).then().statusCode(200)
                .body("needsAttention", equalTo(false));
        given().contentType("application/json").body(java.util.Map.of("note", "again"))
                .post("/api/v1/fulfilments/{id}/resolve-attention", fulfilmentId).then().statusCode(409);
    }

    @Test
    void cancellationOfAnOrderNeverReleasedChangesNothing() {
        Orders.Builder order = anOrder();

        order.moves(OrderStatus.NEW, OrderStatus.CANCELLED);

        given().queryParam("orderId", order.id()).get("/api/v1/fulfilments").then()
                .body("total", equalTo(0)).body("items[0]", nullValue());
    }
}
