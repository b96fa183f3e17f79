package io.oms.fulfilment.documents;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.events.order.OrderStatus;
import io.oms.fulfilment.Kafka;
import io.oms.fulfilment.Orders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.oms.fulfilment.Orders.anOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class DeliveryNoteNumbersTest {

    private static final int ORDERS = 40;
    private static final int LINES = 5;

    @BeforeEach
    void consumersJoined() {
        Kafka.awaitReady();
    }

    @Test
    void twoHundredConcurrentShipmentsGetTwoHundredDistinctConsecutiveDeliveryNoteNumbers() throws Exception {
        List<Orders.Builder> orders = new ArrayList<>();
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Orders.Builder order = anOrder().onShopify().withLines(LINES);
            orders.add(order);
            events.add(Kafka.send("/order-service/orders/" + order.id(), order.changed(OrderStatus.NEW, OrderStatus.READY_FOR_PICKING)));
        }
        events.forEach(Kafka::awaitHandled);
        List<Callable<String>> shipments = new ArrayList<>();
        for (Orders.Builder order : orders) {
            for (int line = 1; line <= LINES; line++) {
                Map<String, Object> body = Map.of("carrier", "ups", "trackingNumber", "1Z" + UUID.randomUUID().toString().substring(0, 12),
                        "lines", List.of(Map.of("externalLineId", order.externalOrderId() + "-L" + line)));
                shipments.add(() -> given().contentType(ContentType.JSON).body(body)
                        .post("/api/v1/orders/{orderId}/shipments", order.id())
                        .then().statusCode(201).extract().<String>path("deliveryNoteNumber"));
            }
        }

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<String> numbers = new ArrayList<>();
        try {
            for (Future<String> answer : pool.invokeAll(shipments, 5, TimeUnit.MINUTES)) {
                numbers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(numbers).hasSize(ORDERS * LINES).doesNotHaveDuplicates();
        List<Long> sorted = numbers.stream().map(n -> Long.parseLong(n.substring(n.indexOf('-') + 1))).sorted().toList();
        assertThat(sorted.get(sorted.size() - 1) - sorted.get(0)).as("consecutive: %s", sorted).isEqualTo(ORDERS * LINES - 1L);
        for (Orders.Builder order : orders) {
            given().get("/api/v1/orders/{orderId}/shipments", order.id()).then().body("total", org.hamcrest.Matchers.equalTo(LINES));
        }
    }
}
