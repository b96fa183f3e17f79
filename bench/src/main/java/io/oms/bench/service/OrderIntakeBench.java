package io.oms.bench.service;

import io.oms.bench.Report;
import io.oms.events.Channel;
import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.EventType;
import io.oms.events.ListingId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import io.oms.events.order.ChannelStatus;
import io.oms.events.order.OrderImported;
import io.oms.events.order.OrderStatusChanged;
import io.oms.messaging.TopicSetup;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * order-service as deployed (its own process and database, the local broker): OrderImported snapshots in, as fast as
 * the bench can send them; each new order's first OrderStatusChanged on Kafka shows it was committed (the service
 * writes the order and that event in one transaction). Orders per second and the time from send to that event.
 */
@ApplicationScoped
public class OrderIntakeBench {

    private static final int ORDERS = 10_000;
    private static final double TARGET_ORDERS_PER_SECOND = 2_000;
    private static final Duration BOUND = Duration.ofMinutes(10);

    private final CloudEventCodec codec;
    private final Clock clock;
    private final TopicSetup topics;

    public OrderIntakeBench(CloudEventCodec codec, Clock clock, TopicSetup topics) {
        this.codec = codec;
        this.clock = clock;
        this.topics = topics;
    }

    public void run(Report report) throws Exception {
        String shop = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        topics.ensure(List.of(EventType.ORDER_IMPORTED, EventType.ORDER_STATUS_CHANGED));
        try (ServiceProcess orders = ServiceProcess.start("order-service", "oms_bench_order", Map.of());
                EventStream stream = new EventStream(codec);
                EventStream.Tail changes = stream.tail(EventType.ORDER_STATUS_CHANGED,
                        e -> ((OrderStatusChanged) e.data()).shopId().value().equals(shop))) {
            awaitConsuming(stream, changes, shop);
            List<CloudEvent<OrderImported>> snapshots = new ArrayList<>(ORDERS);
            for (int i = 0; i < ORDERS; i++) {
                snapshots.add(CloudEvent.of("/bench", order(shop, "O" + i, 1), clock));
            }
            Map<String, Long> sentAt = new HashMap<>();
            long started = System.nanoTime();
            for (CloudEvent<OrderImported> snapshot : snapshots) {
                sentAt.put(snapshot.data().externalOrderId(), System.nanoTime());
                stream.send(snapshot);
            }
            stream.flush();
            double sendSeconds = (System.nanoTime() - started) / 1e9;
            Map<String, Long> committed = new HashMap<>();
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (committed.size() < ORDERS) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + committed.size() + " of " + ORDERS + " orders committed within " + BOUND);
                }
                for (EventStream.Arrival arrival : changes.drain()) {
                    String external = ((OrderStatusChanged) arrival.event().data()).externalOrderId();
                    if (sentAt.containsKey(external)) {
                        committed.putIfAbsent(external, arrival.arrivedNanos());
                    }
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            long last = committed.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            double rate = ORDERS / ((last - started) / 1e9);
            long[] latencies = committed.entrySet().stream().mapToLong(e -> (e.getValue() - sentAt.get(e.getKey())) / 1_000).sorted().toArray();
            report.line("## Order intake");
            report.line("");
            report.line(ORDERS + " new orders (one line each) sent at once as OrderImported (sent in " + String.format("%.1f", sendSeconds)
                    + " s). An order counts as committed when its first OrderStatusChanged reaches Kafka (written in the order's "
                    + "transaction, so this includes the relay); latency is from the send, so under this backlog it is mostly queueing.");
            report.line("");
            report.line("| orders | committed per second | target | verdict | p50 (ms) | p99 (ms) | max (ms) |");
            report.line("| --- | --- | --- | --- | --- | --- | --- |");
            report.line(String.format("| %d | %.0f | %.0f | %s | %.0f | %.0f | %.0f |", ORDERS, rate, TARGET_ORDERS_PER_SECOND,
                    rate >= TARGET_ORDERS_PER_SECOND ? "met" : "missed", Report.percentile(latencies, 50) / 1000,
                    Report.percentile(latencies, 99) / 1000, latencies[latencies.length - 1] / 1000.0));
            report.line("");
            report.line("Ceiling for comparison: Kafka, PostgreSQL, a relay and a consumer sharing the 2 cores top out near "
                    + (int) Report.CEILING_ORDERS_PER_SECOND + " orders per second end to end (measured on these machines); "
                    + "the bench's producer and tail share the cores too.");
        }
    }

    /** Sends one probe order until the service has taken it in: from then on its consumer reads what is sent. */
    private void awaitConsuming(EventStream stream, EventStream.Tail changes, String shop) {
        CloudEvent<OrderImported> probe = CloudEvent.of("/bench", order(shop, "probe", 1), clock);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (changes.drain().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("order-service took in no probe order within 2 minutes");
            }
            stream.send(probe); // the same event again: the inbox applies it once
            stream.flush();
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
        }
    }

    private OrderImported order(String shop, String externalId, long revision) {
        Instant now = clock.instant();
        OrderImported.Address address = new OrderImported.Address("Ada Buyer", null, "1 Bench Street", null, "Berlin", null, "10115", "DE", null);
        BigDecimal price = new BigDecimal("19.90");
        return new OrderImported(Channel.ETSY, ShopId.of(shop), externalId, "#" + externalId, "paid", ChannelStatus.PAID,
                new OrderImported.Buyer("Ada Buyer", "ada-" + externalId + "@example.com", null), address, address,
                List.of(new OrderImported.Line(externalId + "-1", ListingId.of("L1"), Sku.of("BENCH-SKU"), "Bench mug", List.of(), 1, price)),
                new OrderImported.Totals(price, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, price, "EUR"), true, "standard", now, now, revision);
    }
}
