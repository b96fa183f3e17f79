package io.oms.order.intake;

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

import static io.oms.order.OrderImportedBuilder.anOrderImported;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
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

    @Test
    void tenThousandSnapshotsWithDuplicatesAndLateOlderRevisionsGiveExactlyTheNewestOrders() {
        String shop = "bulk-" + System.nanoTime();
        Random random = new Random(42);
        Clock clock = Clock.systemUTC();
        Map<String, OrderImported> newest = new HashMap<>();
        List<CloudEvent<OrderImported>> inOrder = new ArrayList<>();
        List<CloudEvent<OrderImported>> duplicates = new ArrayList<>();
        List<CloudEvent<OrderImported>> late = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            OrderImportedBuilder builder = anOrderImported().withShop(shop).withExternalOrderId("bulk-" + i)
                    .withBuyer("Buyer " + (i % 500), "buyer" + (i % 500) + "@example.com");
            int revisions = 1 + i % 2;
            List<CloudEvent<OrderImported>> events = new ArrayList<>();
            for (int revision = 1; revision <= revisions; revision++) {
                OrderImported snapshot = builder.withRevision(revision).withLines(revision + i % 3).build();
                events.add(CloudEvent.of("/test/bulk", snapshot, clock));
                newest.put(snapshot.externalOrderId(), snapshot);
            }
            inOrder.addAll(events);
            if (i % 10 == 3) {
                duplicates.add(events.get(random.nextInt(events.size())));
            }
            if (i % 20 == 1) {
                late.add(CloudEvent.of("/test/bulk", events.get(0).data(), clock));
            }
        }

        Map<CloudEvent<?>, EncodedEvent> encoded = new HashMap<>();
        for (CloudEvent<OrderImported> event : inOrder) {
            encoded.put(event, TestKafka.codec().encode(event));
            send(event, encoded.get(event));
        }
        for (CloudEvent<OrderImported> duplicate : duplicates) {
            send(duplicate, encoded.get(duplicate));
        }
        late.forEach(TestKafka::sendAsync);
        TestKafka.flush();

        long expectedRevisions = newest.values().stream().mapToLong(OrderImported::revision).sum();
        await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofSeconds(2)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                entityManager.createQuery("select count(o), coalesce(sum(o.revision), 0) from OrderEntity o where o.shopId = :shop", Object[].class)
                        .setParameter("shop", shop).getSingleResult()),
                row -> ((Number) row[0]).longValue() == ORDERS && ((Number) row[1]).longValue() == expectedRevisions);

        QuarkusTransaction.requiringNew().run(() -> {
            List<OrderEntity> orders = entityManager.createQuery(
                    "select distinct o from OrderEntity o left join fetch o.lines where o.shopId = :shop", OrderEntity.class)
                    .setParameter("shop", shop).getResultList();
            assertThat(orders).hasSize(ORDERS);
            for (OrderEntity order : orders) {
                assertSameAs(order, newest.get(order.externalOrderId));
            }
            long history = entityManager.createQuery("select count(h) from StatusHistoryEntity h where h.order.shopId = :shop", Long.class)
                    .setParameter("shop", shop).getSingleResult();
            assertThat(history).as("one creation per order, nothing applied twice").isEqualTo(ORDERS);
        });
    }

    private static void send(CloudEvent<?> event, EncodedEvent encoded) {
        TestKafka.sendRawAsync(EventType.ORDER_IMPORTED.topic(), event.key(), encoded.kafkaHeaders(), encoded.value());
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
