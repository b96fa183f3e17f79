package io.oms.order;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.OrderId;
import io.oms.events.Sku;
import io.oms.events.channel.ChannelPushResult;
import io.oms.events.channel.PushKind;
import io.oms.events.fulfilment.ShipmentCreated;
import io.oms.events.inventory.ReservationResult;
import io.oms.events.order.OrderImported;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

import static io.oms.order.OrderImportedBuilder.anOrderImported;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Proves that every consumer of the service reads every partition of its topic before a test sends anything.
 *
 * <p>Why: in tests a new consumer group starts at the end of the log ({@code auto-offset-reset=latest}), and the
 * end is only looked up (ListOffsets) after the group has handed out the partitions. messaging's readiness turns
 * UP at the assignment, before that look-up; a record produced in between lies before the "end" the consumer then
 * finds and is skipped, without a warning and without reaching the DLQ. So a test cannot trust readiness alone.
 * Here one probe event goes to each partition of each consumed topic and is re-sent (as a new event, with the same
 * effect) until its effect shows through the API; once every probe showed, every partition has its position and
 * anything sent later is read.
 */
final class Probes {

    static final String SHOP = "probe";
    static final String REJECTED_SHOP = "probe-rejected";
    private static final Clock CLOCK = Clock.systemUTC();
    private static final Duration BOUND = Duration.ofSeconds(180);

    private Probes() {
    }

    static void run() {
        int partitions = TestKafka.partitions(EventType.ORDER_IMPORTED.topic());
        List<OrderImported> orders = new ArrayList<>();
        for (String externalId : externalIdsCoveringPartitions(SHOP, partitions)) {
            orders.add(anOrderImported().withShop(SHOP).withExternalOrderId(externalId).build());
        }
        awaitEveryPartition("order-imported", partitions,
                p -> TestKafka.send(CloudEvent.of("/probe", orders.get(p), CLOCK)),
                p -> orderIds().containsKey(orders.get(p).externalOrderId()));
        Map<String, String> ids = orderIds();
        List<String> byPartition = orders.stream().map(order -> ids.get(order.externalOrderId())).toList();

        awaitEveryPartition("reservation-result", TestKafka.partitions(EventType.RESERVATION_RESULT.topic()),
                p -> TestKafka.sendTo(p, CloudEvent.of("/probe", new ReservationResult(OrderId.of(byPartition.get(p)), List.of(),
                        List.of(new ReservationResult.Line(null, Sku.of("SKU-1"), 1)), null), CLOCK)),
                p -> hasStatus(byPartition.get(p), "PARTIAL"));
        awaitEveryPartition("shipment-created", TestKafka.partitions(EventType.SHIPMENT_CREATED.topic()),
                p -> TestKafka.sendTo(p, CloudEvent.of("/probe", new ShipmentCreated("probe-" + p, OrderId.of(byPartition.get(p)),
                        orders.get(p).channel(), orders.get(p).shopId(), orders.get(p).externalOrderId(), "DHL", "123", null,
                        List.of(new ShipmentCreated.Line("line-1", null, 1)), Instant.now()), CLOCK)),
                p -> hasStatus(byPartition.get(p), "READY_TO_SHIP"));
        awaitEveryPartition("channel-push-result", TestKafka.partitions(EventType.CHANNEL_PUSH_RESULT.topic()),
                p -> TestKafka.sendTo(p, CloudEvent.of("/probe", new ChannelPushResult(orders.get(p).channel(), orders.get(p).shopId(),
                        PushKind.TRACKING, byPartition.get(p), true, "DHL 123", null, Instant.now()), CLOCK)),
                p -> hasStatus(byPartition.get(p), "IN_TRANSIT"));

        // The dead-letter producer keys its records like the source, so these keys reach every partition of the DLQ.
        int dlqPartitions = TestKafka.partitions(EventType.ORDER_IMPORTED.dlqTopic());
        List<OrderImported> refused = externalIdsCoveringPartitions(REJECTED_SHOP, dlqPartitions).stream()
                .map(externalId -> anOrderImported().withShop(REJECTED_SHOP).withExternalOrderId(externalId).build()).toList();
        awaitEveryPartition("order-imported.dlq", dlqPartitions,
                p -> TestKafka.sendWithoutLines(CloudEvent.of("/probe", refused.get(p), CLOCK)),
                p -> rejectedKeys().contains(refused.get(p).kafkaKey()));
    }

    /**
     * Sends a probe to each partition and re-sends the ones whose effect has not shown yet, every few seconds,
     * until all have: the re-sent probes are new events with the same effect, so a skipped one costs one round.
     */
    private static void awaitEveryPartition(String what, int partitions, IntConsumer send, IntPredicate applied) {
        Set<Integer> pending = new TreeSet<>();
        for (int p = 0; p < partitions; p++) {
            pending.add(p);
        }
        await("every partition of " + what + " is read").atMost(BOUND).pollInterval(Duration.ofSeconds(1)).pollInSameThread()
                .until(() -> {
                    pending.removeIf(applied::test);
                    pending.forEach(send::accept);
                    TestKafka.flush();
                    return pending.isEmpty();
                });
    }

    /** External order ids whose order keys the producer's partitioner puts on partitions 0, 1, ... n-1. */
    static List<String> externalIdsCoveringPartitions(String shopId, int partitions) {
        String[] found = new String[partitions];
        int missing = partitions;
        for (int i = 0; missing > 0; i++) {
            String externalId = shopId + "-" + i;
            String key = "etsy:" + shopId + ":" + externalId;
            int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
            if (found[partition] == null) {
                found[partition] = externalId;
                missing--;
            }
        }
        return List.of(found);
    }

    private static Map<String, String> orderIds() {
        List<Map<String, Object>> items = given().queryParam("shopId", SHOP).queryParam("size", 500).get("/api/v1/orders")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, String> ids = new java.util.HashMap<>();
        items.forEach(item -> ids.put((String) item.get("externalOrderId"), (String) item.get("id")));
        return ids;
    }

    private static boolean hasStatus(String orderId, String status) {
        return status.equals(given().get("/api/v1/orders/" + orderId).then().statusCode(200).extract().jsonPath().getString("status"));
    }

    private static Set<String> rejectedKeys() {
        return Set.copyOf(given().queryParam("shopId", REJECTED_SHOP).queryParam("size", 500).get("/api/v1/orders/rejected")
                .then().statusCode(200).extract().jsonPath().getList("items.orderKey", String.class));
    }
}
