package io.oms.fulfilment.api;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.fulfilment.Kafka;
import io.oms.fulfilment.Orders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.oms.fulfilment.Orders.anOrder;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class ReferenceDataApiTest {

    @Test
    void commonCarriersAreSeededWithTrackingUrlTemplates() {
        given().get("/api/v1/carriers").then().statusCode(200)
                .body("items.code", hasItems("dhl", "dpd", "ups", "fedex", "usps", "gls", "hermes", "royal-mail"))
                .body("total", greaterThanOrEqualTo(10));
        given().get("/api/v1/carriers/ups").then().statusCode(200)
                .body("name", equalTo("UPS")).body("trackingUrlTemplate", containsString("{trackingNumber}"));
    }

    @Test
    void anAddedCarrierCanBeShippedWithAndFillsItsTrackingUrl() {
        String code = "c-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Local Courier", "trackingUrlTemplate", "https://courier.example/t?n={trackingNumber}"))
                .put("/api/v1/carriers/{code}", code).then().statusCode(200).body("code", equalTo(code));
        Kafka.awaitReady();
        Orders.Builder order = anOrder();
        order.releasedForPicking();

        given().contentType(ContentType.JSON).body(Map.of("carrier", code, "trackingNumber", "LC 42"))
                .post("/api/v1/orders/{orderId}/shipments", order.id())
                .then().statusCode(201).body("trackingUrl", equalTo("https://courier.example/t?n=LC+42"));
    }

    @Test
    void aCarrierTemplateWithoutThePlaceholderIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Broken", "trackingUrlTemplate", "https://x.example/"))
                .put("/api/v1/carriers/broken").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("trackingUrlTemplate"));
    }

    @Test
    void aCarrierCodeOutsideTheAllowedLettersIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Upper"))
                .put("/api/v1/carriers/{code}", "UPPER_case").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("code"));
    }

    @Test
    void aShippingMethodMapsToACarrierAndServiceAndCanBeChangedAndRemoved() {
        String method = "Express " + UUID.randomUUID().toString().substring(0, 6);
        given().contentType(ContentType.JSON).body(Map.of("carrier", "DHL", "service", "Paket"))
                .put("/api/v1/shipping-methods/etsy/{method}", method).then().statusCode(200)
                .body("carrier", equalTo("dhl")).body("service", equalTo("Paket"));
        given().contentType(ContentType.JSON).body(Map.of("carrier", "dpd", "service", "Express 12"))
                .put("/api/v1/shipping-methods/etsy/{method}", method).then().statusCode(200);

        given().get("/api/v1/shipping-methods/etsy/{method}", method).then().statusCode(200)
                .body("carrier", equalTo("dpd")).body("service", equalTo("Express 12"));
        given().queryParam("channel", "etsy").get("/api/v1/shipping-methods").then()
                .body("items.shippingMethod", hasItems(method));

        given().delete("/api/v1/shipping-methods/etsy/{method}", method).then().statusCode(204);
        given().get("/api/v1/shipping-methods/etsy/{method}", method).then().statusCode(404);
    }

    @Test
    void aShipmentWithoutCarrierTakesTheCarrierOfTheOrdersShippingMethod() {
        Kafka.awaitReady();
        String method = "Paket " + UUID.randomUUID().toString().substring(0, 6);
        given().contentType(ContentType.JSON).body(Map.of("carrier", "hermes", "service", "Paket S"))
                .put("/api/v1/shipping-methods/shopify/{method}", method).then().statusCode(200);
        Orders.Builder order = anOrder().onShopify().withShippingMethod(method).isImported();
        order.releasedForPicking();

        given().contentType(ContentType.JSON).body(Map.of("trackingNumber", "H-1"))
                .post("/api/v1/orders/{orderId}/shipments", order.id())
                .then().statusCode(201).body("carrier", equalTo("hermes")).body("service", equalTo("Paket S"));
    }

    @Test
    void aShipmentWithoutCarrierAndWithoutMappingIsRefusedNamingTheField() {
        Kafka.awaitReady();
        Orders.Builder order = anOrder().onShopify().withShippingMethod("Unmapped " + UUID.randomUUID()).isImported();
        order.releasedForPicking();

        given().contentType(ContentType.JSON).body(Map.of("trackingNumber", "H-2"))
                .post("/api/v1/orders/{orderId}/shipments", order.id())
                .then().statusCode(422).body("field", equalTo("carrier")).body("detail", containsString("Unmapped"));
    }

    @Test
    void aShippingMethodCannotMapToAnUnknownCarrier() {
        given().contentType(ContentType.JSON).body(Map.of("carrier", "nobody"))
                .put("/api/v1/shipping-methods/shopify/Standard").then().statusCode(422)
                .contentType("application/problem+json").body("field", equalTo("carrier"));
    }

    @Test
    void channelShipmentRulesAreReadable() {
        given().get("/api/v1/channel-shipment-rules").then().statusCode(200)
                .body("items.find { it.channel == 'etsy' }.wholeOrderOnly", equalTo(true))
                .body("items.find { it.channel == 'etsy' }.maxShipmentsPerOrder", equalTo(1))
                .body("items.find { it.channel == 'shopify' }.wholeOrderOnly", equalTo(false));
    }

    @Test
    void aShopsOwnNumberRangeWinsOverTheGlobalOneAndNeverGoesBack() {
        Kafka.awaitReady();
        Orders.Builder order = anOrder().onShopify();
        String scope = "shopify:" + order.shopId();
        given().contentType(ContentType.JSON).body(Map.of("prefix", "LS-", "nextNumber", 500, "digits", 4))
                .put("/api/v1/number-ranges/delivery-note/{scope}", scope).then().statusCode(200);
        order.releasedForPicking();

        given().contentType(ContentType.JSON).body(Map.of("carrier", "ups", "trackingNumber", "1ZRANGE"))
                .post("/api/v1/orders/{orderId}/shipments", order.id())
                .then().statusCode(201).body("deliveryNoteNumber", equalTo("LS-0500"));
        given().contentType(ContentType.JSON).body(Map.of("prefix", "LS-", "nextNumber", 10))
                .put("/api/v1/number-ranges/delivery-note/{scope}", scope).then().statusCode(422)
                .body("field", equalTo("nextNumber"));
        given().get("/api/v1/number-ranges").then()
                .body("items.find { it.scope == '" + scope + "' }.nextNumber", equalTo(501));
    }

    @Test
    void fulfilmentsAreListedNewestFirstFilteredAndPaged() {
        Kafka.awaitReady();
        Orders.Builder first = anOrder().onEtsy();
        String shopId = first.shopId();
        first.releasedForPicking();
        given().queryParam("channel", "etsy").queryParam("shopId", shopId).get("/api/v1/fulfilments").then()
                .body("total", equalTo(1)).body("items[0].orderId", equalTo(first.id()));
        given().queryParam("state", "OPEN").queryParam("size", 1).queryParam("page", 0).get("/api/v1/fulfilments").then()
                .statusCode(200).body("items.size()", equalTo(1)).body("total", greaterThanOrEqualTo(1));
        given().queryParam("state", "NOT_A_STATE").get("/api/v1/fulfilments").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("state"));
    }

    @Test
    void unreadableJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"carrier\": ")
                .post("/api/v1/orders/{orderId}/shipments", "any").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void theOpenApiDocumentDescribesTheShipmentCall() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/orders/{orderId}/shipments'.post", org.hamcrest.Matchers.notNullValue());
    }
}
