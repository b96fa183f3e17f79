package io.oms.fulfilment.documents;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.fulfilment.Kafka;
import io.oms.fulfilment.Orders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static io.oms.fulfilment.Orders.anOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class DocumentsTest {

    @BeforeEach
    void consumersJoined() {
        Kafka.awaitReady();
    }

    @Test
    void theDeliveryNotePdfOpensAndNamesTheTrackingNumberOrderNumberAndAddress() throws IOException {
        Orders.Builder order = anOrder().onShopify().withLines(2).isImported();
        order.releasedForPicking();
        String shipmentId = given().contentType(ContentType.JSON).body(Map.of("carrier", "dpd", "trackingNumber", "01234567890123"))
                .post("/api/v1/orders/{orderId}/shipments", order.id()).then().statusCode(201).extract().path("id");
        String deliveryNote = given().get("/api/v1/shipments/{id}", shipmentId).then().extract().path("deliveryNoteNumber");

        byte[] pdf = given().get("/api/v1/shipments/{id}/delivery-note.pdf", shipmentId)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();

        String text = textOf(pdf);
        assertThat(text).contains("01234567890123", order.id(), order.orderNumber(), deliveryNote,
                "Erika Mustermann", "Hauptstraße 5", "10115 Berlin", "Mug number 2", "DPD");
    }

    @Test
    void theInvoicePdfOpensWithItsOwnNumberTheOrderNumberAndTheTotal() throws IOException {
        Orders.Builder order = anOrder().onEtsy().withLines(2).isImported();
        order.releasedForPicking();
        given().contentType(ContentType.JSON).body(Map.of("carrier", "dhl", "trackingNumber", "INVTRACK1"))
                .post("/api/v1/orders/{orderId}/shipments", order.id()).then().statusCode(201);
        String invoiceNumber = given().get("/api/v1/orders/{orderId}/invoice", order.id()).then().statusCode(200)
                .body("invoiceNumber", startsWith("INV-")).extract().path("invoiceNumber");

        byte[] pdf = given().get("/api/v1/orders/{orderId}/invoice.pdf", order.id())
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();

        assertThat(textOf(pdf)).contains(invoiceNumber, order.id(), order.orderNumber(), "INVTRACK1", "Total: 37.50 EUR");
    }

    @Test
    void aDeliveryNoteIsWrittenEvenWithoutTheMarketplacesOrder() throws IOException {
        Orders.Builder order = anOrder();
        order.releasedForPicking();
        String shipmentId = given().contentType(ContentType.JSON).body(Map.of("carrier", "gls", "trackingNumber", "GLS-77"))
                .post("/api/v1/orders/{orderId}/shipments", order.id()).then().statusCode(201).extract().path("id");

        byte[] pdf = given().get("/api/v1/shipments/{id}/delivery-note.pdf", shipmentId).then().statusCode(200).extract().asByteArray();

        assertThat(textOf(pdf)).contains("GLS-77", order.id(), order.externalOrderId());
    }

    @Test
    void anOrderWithoutShipmentHasNoInvoiceYet() {
        Orders.Builder order = anOrder();
        order.releasedForPicking();

        given().get("/api/v1/orders/{orderId}/invoice.pdf", order.id()).then().statusCode(404)
                .contentType("application/problem+json").body("field", equalTo("orderId"));
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
