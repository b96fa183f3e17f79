package io.oms.bench.service;

import io.oms.bench.Report;
import io.oms.events.Channel;
import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.EventType;
import io.oms.events.OrderId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import io.oms.events.inventory.ReservationResult;
import io.oms.events.inventory.StockChanged;
import io.oms.events.order.OrderStatus;
import io.oms.events.order.OrderStatusChanged;
import io.oms.messaging.TopicSetup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * inventory-service as deployed (its own process and database, the local broker): how many new orders per second
 * it reserves (OrderStatusChanged in, ReservationResult out, both on Kafka), and how long a committed stock
 * adjustment takes to reach Kafka as StockChanged (the coalescing window included, as a shop would see it).
 */
@ApplicationScoped
public class InventoryBench {

    private static final int SKUS = 200;
    private static final int ORDERS = 10_000;
    private static final int LINES_PER_ORDER = 2;
    private static final int ADJUSTMENTS = 300;
    private static final int ADJUSTMENTS_PER_SECOND = 20;
    private static final Duration BOUND = Duration.ofMinutes(10);

    private final CloudEventCodec codec;
    private final Clock clock;
    private final TopicSetup topics;

    public InventoryBench(CloudEventCodec codec, Clock clock, TopicSetup topics) {
        this.codec = codec;
        this.clock = clock;
        this.topics = topics;
    }

    public void run(Report report) throws Exception {
        String run = "IB" + UUID.randomUUID().toString().substring(0, 6);
        // The bench reads the service's output topics from their end, so they must exist before it starts.
        topics.ensure(List.of(EventType.ORDER_STATUS_CHANGED, EventType.RESERVATION_RESULT, EventType.STOCK_CHANGED));
        try (ServiceProcess inventory = ServiceProcess.start("inventory-service", "oms_bench_inventory", Map.of());
                EventStream stream = new EventStream(codec)) {
            stock(inventory, run);
            awaitConsuming(stream, run);
            reservations(report, stream, run);
            stockLatency(report, inventory, stream, run);
        }
        report.line("");
        report.line("Ceiling for comparison: Kafka, PostgreSQL, a relay and a consumer sharing the 2 cores top out near "
                + (int) Report.CEILING_ORDERS_PER_SECOND + " orders per second end to end (measured on these machines). "
                + "Here the bench's own producer and tails share the cores too.");
    }

    /** One warehouse; order SKUs with stock for every order; adjustment SKUs that nothing else touches. */
    private void stock(ServiceProcess inventory, String run) throws Exception {
        inventory.require("POST", "/api/v1/warehouses", "application/json", "{\"code\":\"MAIN\",\"name\":\"Main\",\"primary\":true}");
        StringBuilder csv = new StringBuilder("sku,name,description,price,currency,warehouse,onHand\n");
        for (int i = 0; i < SKUS; i++) {
            csv.append(orderSku(run, i)).append(",Item ").append(i).append(",bench item,9.90,EUR,MAIN,1000000\n");
        }
        for (int i = 0; i < ADJUSTMENTS; i++) {
            csv.append(adjustmentSku(run, i)).append(",Adjusted ").append(i).append(",bench item,9.90,EUR,MAIN,0\n");
        }
        inventory.require("POST", "/api/v1/items/import", "text/csv", csv.toString());
    }

    /** Sends one probe order until its result comes back: from then on the service's consumer reads what is sent. */
    private void awaitConsuming(EventStream stream, String run) {
        OrderId probe = OrderId.of(run + "-probe");
        CloudEvent<OrderStatusChanged> event = CloudEvent.of("/bench", newOrder(probe, List.of(orderSku(run, 0))), clock);
        try (EventStream.Tail results = stream.tail(EventType.RESERVATION_RESULT, e -> ((ReservationResult) e.data()).orderId().equals(probe))) {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (results.drain().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("inventory-service answered no probe order within 2 minutes");
                }
                stream.send(event); // the same event again: the inbox applies it once
                stream.flush();
                LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
            }
        }
    }

    private void reservations(Report report, EventStream stream, String run) {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<CloudEvent<OrderStatusChanged>> orders = new ArrayList<>(ORDERS);
        for (int i = 0; i < ORDERS; i++) {
            OrderId id = OrderId.of(run + "-" + i);
            orders.add(CloudEvent.of("/bench", newOrder(id, List.of(orderSku(run, i % SKUS), orderSku(run, (i * 7 + 3) % SKUS))), clock));
        }
        String prefix = run + "-";
        try (EventStream.Tail results = stream.tail(EventType.RESERVATION_RESULT,
                e -> ((ReservationResult) e.data()).orderId().value().startsWith(prefix) && !((ReservationResult) e.data()).orderId().value().endsWith("probe"))) {
            long started = System.nanoTime();
            for (CloudEvent<OrderStatusChanged> order : orders) {
                sentAt.put(order.data().orderId().value(), System.nanoTime());
                stream.send(order);
            }
            stream.flush();
            double sendSeconds = (System.nanoTime() - started) / 1e9;
            Map<String, EventStream.Arrival> answered = new HashMap<>();
            int[] missingLines = {0};
            awaitUntil(() -> {
                for (EventStream.Arrival arrival : results.drain()) {
                    ReservationResult result = (ReservationResult) arrival.event().data();
                    answered.putIfAbsent(result.orderId().value(), arrival);
                    missingLines[0] += result.missingLines().size();
                }
                return answered.size() >= ORDERS;
            }, "reservation results for " + ORDERS + " orders");
            long last = answered.values().stream().mapToLong(EventStream.Arrival::arrivedNanos).max().orElseThrow();
            double seconds = (last - started) / 1e9;
            long[] latencies = answered.entrySet().stream().mapToLong(e -> (e.getValue().arrivedNanos() - sentAt.get(e.getKey())) / 1_000)
                    .sorted().toArray();
            report.line("## Reservations");
            report.line("");
            report.line(ORDERS + " new orders of " + LINES_PER_ORDER + " lines over " + SKUS + " SKUs, all in stock, sent at once as "
                    + "OrderStatusChanged (sent in " + String.format("%.1f", sendSeconds) + " s); each answered by a ReservationResult on Kafka. "
                    + "Latency is from the send to the result's arrival, so under this backlog it is mostly queueing.");
            report.line("");
            report.line("| orders | reserved per second | p50 (ms) | p99 (ms) | max (ms) | lines missing |");
            report.line("| --- | --- | --- | --- | --- | --- |");
            report.line(String.format("| %d | %.0f | %.0f | %.0f | %.0f | %d |", ORDERS, ORDERS / seconds, Report.percentile(latencies, 50) / 1000,
                    Report.percentile(latencies, 99) / 1000, latencies[latencies.length - 1] / 1000.0, missingLines[0]));
        }
    }

    private void stockLatency(Report report, ServiceProcess inventory, EventStream stream, String run) throws Exception {
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> latencyMicros = new HashMap<>();
        String prefix = run + "-A";
        try (EventStream.Tail changes = stream.tail(EventType.STOCK_CHANGED, e -> ((StockChanged) e.data()).sku().value().startsWith(prefix))) {
            long interval = Duration.ofSeconds(1).toNanos() / ADJUSTMENTS_PER_SECOND;
            long next = System.nanoTime();
            List<EventStream.Arrival> early = new ArrayList<>();
            for (int i = 0; i < ADJUSTMENTS; i++) {
                LockSupport.parkNanos(next - System.nanoTime());
                next += interval;
                String sku = adjustmentSku(run, i);
                inventory.require("POST", "/api/v1/stock/adjustments", "application/json",
                        "{\"type\":\"receipt\",\"sku\":\"" + sku + "\",\"warehouse\":\"MAIN\",\"quantity\":5,\"reason\":\"bench\"}");
                committedAt.put(sku, System.nanoTime());
                early.addAll(changes.drain());
                record(early, committedAt, latencyMicros);
            }
            awaitUntil(() -> {
                early.addAll(changes.drain());
                record(early, committedAt, latencyMicros);
                return latencyMicros.size() >= ADJUSTMENTS;
            }, "StockChanged for " + ADJUSTMENTS + " adjusted SKUs");
        }
        long[] sorted = latencyMicros.values().stream().mapToLong(Long::longValue).sorted().toArray();
        report.line("");
        report.line("## StockChanged latency");
        report.line("");
        report.line(ADJUSTMENTS + " stock receipts at " + ADJUSTMENTS_PER_SECOND + " per second through `POST /api/v1/stock/adjustments`, each on a SKU "
                + "of its own; latency from the 2xx answer (committed) to the StockChanged with 5 available arriving on Kafka. "
                + "It includes the coalescing window (`oms.inventory.stock-events.window`, 200 ms by default), by design.");
        report.line("");
        report.line("| adjustments | p50 (ms) | p99 (ms) | max (ms) |");
        report.line("| --- | --- | --- | --- |");
        report.line(String.format("| %d | %.0f | %.0f | %.0f |", ADJUSTMENTS, Report.percentile(sorted, 50) / 1000, Report.percentile(sorted, 99) / 1000,
                sorted[sorted.length - 1] / 1000.0));
    }

    private static void record(List<EventStream.Arrival> arrivals, Map<String, Long> committedAt, Map<String, Long> latencyMicros) {
        arrivals.removeIf(arrival -> {
            StockChanged change = (StockChanged) arrival.event().data();
            Long committed = committedAt.get(change.sku().value());
            if (committed == null) {
                return false; // arrived before the answer reached the bench: matched once it has
            }
            if (change.totalAvailable() == 5) {
                latencyMicros.putIfAbsent(change.sku().value(), Math.max(0, arrival.arrivedNanos() - committed) / 1_000);
            }
            return true;
        });
    }

    private OrderStatusChanged newOrder(OrderId id, List<String> skus) {
        List<OrderStatusChanged.Line> lines = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            lines.add(new OrderStatusChanged.Line(id.value() + "-L" + i, "x" + i, Sku.of(skus.get(i)), 1));
        }
        return new OrderStatusChanged(id, Channel.ETSY, ShopId.of("bench-shop"), id.value(), null, OrderStatus.NEW, lines, clock.instant());
    }

    private static String orderSku(String run, int i) {
        return run + "-S" + i;
    }

    private static String adjustmentSku(String run, int i) {
        return run + "-A" + i;
    }

    private static void awaitUntil(BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not all " + what + " within " + BOUND);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
