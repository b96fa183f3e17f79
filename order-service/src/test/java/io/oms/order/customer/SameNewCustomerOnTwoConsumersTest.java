package io.oms.order.customer;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.order.OrderImported;
import io.oms.messaging.inbox.InboxConsumers;
import io.oms.order.TestKafka;
import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.oms.order.OrderImportedBuilder.anOrderImported;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Under {@code oms.messaging.consumer.concurrency} > 1 (3 here; the service runs 1 by default) two consumer threads may see the same new customer at once, each
 * in its own batch: both find no customer and create one. The unique index on the e-mail refuses the second commit, its
 * batch is applied again one event at a time, and then finds the first thread's customer: one customer, never two.
 */
@QuarkusTest
@TestProfile(SameNewCustomerOnTwoConsumersTest.ThreeConsumers.class)
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class SameNewCustomerOnTwoConsumersTest {

    public static class ThreeConsumers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("oms.messaging.consumer.concurrency", "3");
        }
    }

    private static final String CONSUMER = "order-service.order-imported";
    private static final int CUSTOMERS = 40;

    @Inject
    EntityManager entityManager;
    @Inject
    InboxConsumers consumers;
    @ConfigProperty(name = "oms.messaging.consumer.concurrency")
    int concurrency;

    @BeforeEach
    void consumersJoined() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        TestKafka.awaitConsumersAssignedAfterRestart();
    }

    @Test
    void twoOrdersOfOneNewCustomerOnPartitionsOfDifferentConsumersGiveOneCustomer() {
        assertThat(concurrency).as("consumers per handler").isGreaterThan(1);
        // The range assignor gives the group's first consumer partition 0 and its last one the last partition.
        int last = TestKafka.partitions(EventType.ORDER_IMPORTED.topic()) - 1;
        long deadLetteredBefore = consumers.status(CONSUMER).orElseThrow().deadLettered();
        String shop = "same-customer-" + System.nanoTime();
        Clock clock = Clock.systemUTC();
        for (int i = 0; i < CUSTOMERS; i++) {
            String email = "new-" + i + "@" + shop + ".example.com";
            OrderImported first = anOrderImported().withShop(shop).withExternalOrderId(i + "-a").withBuyer("Buyer " + i, email).build();
            OrderImported second = anOrderImported().withShop(shop).withExternalOrderId(i + "-b").withBuyer("Buyer " + i, email.toUpperCase())
                    .build();
            TestKafka.sendTo(0, CloudEvent.of("/test/customers", first, clock));
            TestKafka.sendTo(last, CloudEvent.of("/test/customers", second, clock));
        }
        TestKafka.flush();

        await().atMost(Duration.ofSeconds(120)).until(() -> QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(o) from OrderEntity o where o.shopId = :shop", Long.class).setParameter("shop", shop)
                .getSingleResult()) == 2 * CUSTOMERS);

        QuarkusTransaction.requiringNew().run(() -> {
            List<Object[]> ordersPerCustomer = entityManager.createQuery("""
                    select c.email, count(o) from OrderEntity o join o.customer c where o.shopId = :shop group by c.email""", Object[].class)
                    .setParameter("shop", shop).getResultList();
            assertThat(ordersPerCustomer).as("customers of the shop's orders").hasSize(CUSTOMERS)
                    .allSatisfy(row -> assertThat((Long) row[1]).as("orders of %s", row[0]).isEqualTo(2L));
            long customers = entityManager.createQuery("select count(c) from CustomerEntity c where c.email like :domain", Long.class)
                    .setParameter("domain", "%@" + shop + ".example.com").getSingleResult();
            assertThat(customers).as("customers with the shop's e-mails").isEqualTo(CUSTOMERS);
        });
        assertThat(consumers.status(CONSUMER).orElseThrow().deadLettered()).as("snapshots sent to the DLQ").isEqualTo(deadLetteredBefore);
    }
}
