package io.oms.order.intake;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.events.CloudEvent;
import io.oms.events.EncodedEvent;
import io.oms.events.EventType;
import io.oms.events.order.OrderImported;
import io.oms.order.OrderImportedBuilder;
import io.oms.order.TestKafka;
import io.oms.order.store.Address;
import io.oms.order.store.OrderEntity;
import io.oms.order.store.OrderLineEntity;
import io.oms.order.store.Variation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.oms.order.OrderImportedBuilder.anOrderImported;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class BulkIntakeTest {

    private static final int ORDERS = 10_000;

    private final EntityManager entityManager;

    BulkIntakeTest(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @BeforeEach
    void consumersJoined() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        TestKafka.awaitConsumersAssigned();
    }

    /**
     * 10,000 orders, half of them with a second revision; 10% of the orders get one of their events delivered
     * twice (the same event id, as a producer retry or a replayed page would), 5% get their first revision again
     * after the second (a new event with an older revision, as a late re-publication would). Duplicates and
     * late revisions are mixed into the stream a few hundred records after their originals, so that many of
     * them share a poll batch (and a database transaction) with what they repeat.
     */
    @Test
    void tenThousandSnapshotsWithDuplicatesAndLateOlderRevisionsGiveExactlyTheNewestOrders() {
        String shop = "bulk-" + System.nanoTime();
        long generating = System.nanoTime();
        Random random = new Random(42);
        Clock clock = Clock.systemUTC();
        Map<String, OrderImported> newest = new HashMap<>();
        List<Delivery> stream = new ArrayList<>();
        TreeMap<Integer, List<Delivery>> later = new TreeMap<>();
        int duplicates = 0;
        int late = 0;
        for (int i = 0; i < ORDERS; i++) {
            OrderImportedBuilder builder = anOrderImported().withShop(shop).withExternalOrderId("bulk-" + i)
                    .withBuyer("Buyer " + (i % 500), "buyer" + (i % 500) + "@example.com");
            int revisions = 1 + i % 2;
            List<CloudEvent<OrderImported>> events = new ArrayList<>();
            for (int revision = 1; revision <= revisions; revision++) {
                OrderImported snapshot = builder.withRevision(revision).withLines(revision + i % 3)
                        .withShipping(address("Street " + i + "/" + revision)).withBilling(address("Billing " + i + "/" + revision))
                        .build();
                events.add(CloudEvent.of("/test/bulk", snapshot, clock));
                newest.put(snapshot.externalOrderId(), snapshot);
            }
            events.forEach(event -> stream.add(new Delivery(event, TestKafka.codec().encode(event))));
            if (i % 10 == 3) {
                int which = random.nextInt(events.size());
                later.computeIfAbsent(stream.size() + random.nextInt(300), at -> new ArrayList<>())
                        .add(stream.get(stream.size() - events.size() + which));
                duplicates++;
            }
            if (i % 20 == 1) {
                CloudEvent<OrderImported> older = CloudEvent.of("/test/bulk", events.get(0).data(), clock);
                later.computeIfAbsent(stream.size() + random.nextInt(300), at -> new ArrayList<>())
                        .add(new Delivery(older, TestKafka.codec().encode(older)));
                late++;
            }
        }
        assertThat(duplicates).isEqualTo(ORDERS / 10);
        assertThat(late).isEqualTo(ORDERS / 20);
        long sending = System.nanoTime();
        int sent = 0;
        for (int position = 0; position < stream.size(); position++) {
            stream.get(position).send();
            sent++;
            for (Delivery again : later.getOrDefault(position, List.of())) {
                again.send();
                sent++;
            }
        }
        for (List<Delivery> rest : later.tailMap(stream.size()).values()) {
            for (Delivery again : rest) {
                again.send();
                sent++;
            }
        }
        TestKafka.flush();
        assertThat(sent).isEqualTo(stream.size() + duplicates + late);

        long expectedRevisions = newest.values().stream().mapToLong(OrderImported::revision).sum();
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(2)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                entityManager.createQuery("select count(o), coalesce(sum(o.revision), 0) from OrderEntity o where o.shopId = :shop", Object[].class)
                        .setParameter("shop", shop).getSingleResult()),
                row -> ((Number) row[0]).longValue() == ORDERS && ((Number) row[1]).longValue() == expectedRevisions);
        long applied = System.nanoTime();
        System.out.printf("[bulk] %d deliveries: built and encoded in %d ms, all orders at their newest revision %d ms after the first send%n",
                sent, (sending - generating) / 1_000_000, (applied - sending) / 1_000_000);

        QuarkusTransaction.requiringNew().run(() -> {
            List<OrderEntity> orders = entityManager.createQuery(
                    "select distinct o from OrderEntity o left join fetch o.lines where o.shopId = :shop", OrderEntity.class)
                    .setParameter("shop", shop).getResultList();
            assertThat(orders).extracting(order -> order.externalOrderId).containsExactlyInAnyOrderElementsOf(newest.keySet());
            for (OrderEntity order : orders) {
                assertSameAs(order, newest.get(order.externalOrderId));
            }
            long history = entityManager.createQuery("select count(h) from StatusHistoryEntity h where h.order.shopId = :shop", Long.class)
                    .setParameter("shop", shop).getSingleResult();
            assertThat(history).as("one creation per order, nothing applied twice").isEqualTo(ORDERS);
            long customers = entityManager.createQuery("select count(distinct o.customer) from OrderEntity o where o.shopId = :shop", Long.class)
                    .setParameter("shop", shop).getSingleResult();
            assertThat(customers).as("500 buyers by e-mail, each created once").isEqualTo(500);
        });
    }

    private static OrderImported.Address address(String line1) {
        return new OrderImported.Address("Jane Doe", null, line1, null, "Berlin", null, "10115", "DE", null);
    }

    private record Delivery(CloudEvent<OrderImported> event, EncodedEvent encoded) {
        /** Sends the encoded record unchanged: a second call is a redelivery of the same event id. */
        void send() {
            TestKafka.sendRawAsync(EventType.ORDER_IMPORTED.topic(), event.key(), encoded.kafkaHeaders(), encoded.value());
        }
    }

    private static void assertSameAs(OrderEntity order, OrderImported snapshot) {
        assertThat(order.orderKey).isEqualTo(snapshot.kafkaKey());
        assertThat(order.channel).isEqualTo(snapshot.channel().value());
        assertThat(order.revision).isEqualTo(snapshot.revision());
        assertThat(order.externalOrderNumber).isEqualTo(snapshot.externalOrderNumber());
        assertThat(order.marketplaceStatus).isEqualTo(snapshot.marketplaceStatus());
        assertThat(order.channelStatus).isEqualTo(snapshot.channelStatus());
        assertThat(order.buyerName).isEqualTo(snapshot.buyer().name());
        assertThat(order.buyerEmail).isEqualTo(snapshot.buyer().email());
        assertThat(order.buyerExternalId).isEqualTo(snapshot.buyer().externalCustomerId());
        assertThat(order.shippingAddress).isEqualTo(Address.from(snapshot.shippingAddress()));
        assertThat(order.billingAddress).isEqualTo(Address.from(snapshot.billingAddress()));
        assertThat(order.subtotal).isEqualTo(snapshot.totals().subtotal());
        assertThat(order.shippingAmount).isEqualTo(snapshot.totals().shipping());
        assertThat(order.tax).isEqualTo(snapshot.totals().tax());
        assertThat(order.discount).isEqualTo(snapshot.totals().discount());
        assertThat(order.total).isEqualTo(snapshot.totals().total());
        assertThat(order.currency).isEqualTo(snapshot.totals().currency());
        assertThat(order.paid).isEqualTo(snapshot.paid());
        assertThat(order.shippingMethod).isEqualTo(snapshot.shippingMethod());
        assertThat(order.marketplaceCreatedAt).isEqualTo(snapshot.createdAt());
        assertThat(order.marketplaceUpdatedAt).isEqualTo(snapshot.updatedAt());
        assertThat(order.status.name()).isEqualTo("NEW");
        assertThat(order.lines).hasSize(snapshot.lines().size());
        for (int i = 0; i < snapshot.lines().size(); i++) {
            OrderLineEntity line = order.lines.get(i);
            OrderImported.Line expected = snapshot.lines().get(i);
            assertThat(line.externalLineId).isEqualTo(expected.externalLineId());
            assertThat(line.listingId).isEqualTo(expected.listingId().value());
            assertThat(line.sku).isEqualTo(expected.sku().value());
            assertThat(line.title).isEqualTo(expected.title());
            assertThat(line.variations).isEqualTo(expected.variations().stream().map(v -> new Variation(v.name(), v.value())).toList());
            assertThat(line.quantity).isEqualTo(expected.quantity());
            assertThat(line.unitPrice).isEqualTo(expected.unitPrice());
        }
    }
}
