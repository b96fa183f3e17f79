package io.oms.inventory;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test data builders and calls over the service's own REST API. */
final class Api {

    private Api() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> anItem(String name) {
        return Map.of("name", name, "description", "a test item", "price", "12.50", "currency", "EUR", "status", "active");
    }

    static ValidatableResponse putItem(String sku, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().put("/api/v1/items/{sku}", sku).then();
    }

    static String createWarehouse(String code, boolean primary) {
        given().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Warehouse " + code, "primary", primary))
                .when().post("/api/v1/warehouses").then().statusCode(201);
        return code;
    }

    static ValidatableResponse adjust(String type, String sku, String warehouse, int quantity) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("type", type, "sku", sku, "warehouse", warehouse, "quantity", quantity, "reason", "test", "reference", "T-1"))
                .when().post("/api/v1/stock/adjustments").then();
    }
}
