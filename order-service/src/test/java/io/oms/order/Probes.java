package io.oms.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oms.events.CloudEvent;
import io.oms.events.EncodedEvent;
import io.oms.events.EventType;
import io.oms.events.OrderId;
import io.oms.events.channel.ChannelPushResult;
import io.oms.events.channel.PushKind;
import io.oms.events.fulfilment.ShipmentCreated;
import io.oms.events.inventory.ReservationResult;
import io.oms.events.order.OrderImported;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static io.oms.order.OrderImportedBuilder.anOrderImported;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** One event through each consumer of the service, re-sent until its effect shows: then every consumer holds its partitions. */
final class Probes {

    private static final Clock CLOCK = Clock.systemUTC();

    private Probes() {
    }

    static void run() {
        OrderImported probe = anOrderImported().withShop("probe").build();
        String orderId = untilSeen(() -> TestKafka.send(CloudEvent.of("/probe", probe, CLOCK)),
                () -> {
                    var response = given().queryParam("shopId", "probe").get("/api/v1/orders");
                    System.err.println("PROBE " + response.statusCode() + " " + response.asString());
                    return response.jsonPath().getString("items[0].id");
                },
                id -> id != null);
        OrderId id = OrderId.of(orderId);
        untilSeen(() -> TestKafka.send(CloudEvent.of("/probe", new ReservationResult(id, List.of(),
                        List.of(new ReservationResult.Line(null, io.oms.events.Sku.of("SKU-1"), 1)), null), CLOCK)),
                () -> status(orderId), "PARTIAL"::equals);
        untilSeen(() -> TestKafka.send(CloudEvent.of("/probe", new ShipmentCreated("probe", id, probe.channel(), probe.shopId(),
                        probe.externalOrderId(), "DHL", "123", null, List.of(new ShipmentCreated.Line("line-1", null, 1)), Instant.now()), CLOCK)),
                () -> status(orderId), "READY_TO_SHIP"::equals);
        untilSeen(() -> TestKafka.send(CloudEvent.of("/probe", new ChannelPushResult(probe.channel(), probe.shopId(), PushKind.TRACKING,
                        orderId, true, "DHL 123", null, Instant.now()), CLOCK)),
                () -> status(orderId), "IN_TRANSIT"::equals);
        OrderImported rejected = anOrderImported().withShop("probe-rejected").build();
        untilSeen(() -> sendWithoutLines(rejected),
                () -> given().queryParam("shopId", "probe-rejected").get("/api/v1/orders/rejected").jsonPath().getInt("total"),
                total -> total > 0);
    }

    private static String status(String orderId) {
        return given().get("/api/v1/orders/" + orderId).jsonPath().getString("status");
    }

    private static <T> T untilSeen(Runnable send, java.util.concurrent.Callable<T> read, Predicate<T> seen) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).pollInSameThread().until(() -> {
            T value = read.call();
            if (!seen.test(value)) {
                send.run();
            }
            return value;
        }, seen);
    }

    static void sendWithoutLines(OrderImported valid) {
        try {
            CloudEvent<OrderImported> event = CloudEvent.of("/probe", valid, CLOCK);
            EncodedEvent encoded = TestKafka.codec().encode(event);
            ObjectMapper json = new ObjectMapper();
            ObjectNode value = (ObjectNode) json.readTree(encoded.value());
            value.putArray("lines");
            TestKafka.sendRaw(EventType.ORDER_IMPORTED.topic(), event.key(), encoded.kafkaHeaders(), json.writeValueAsBytes(value));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
