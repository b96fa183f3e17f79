package io.oms.order.intake;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oms.events.CloudEvent;
import io.oms.events.EncodedEvent;
import io.oms.events.EventType;
import io.oms.events.ListingId;
import io.oms.events.Sku;
import io.oms.events.order.OrderImported;
import io.oms.order.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.oms.order.OrderImportedBuilder.anOrderImported;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
public class OrderIntakeTest {

    private static final Duration BOUND = Duration.ofSeconds(120);

    @BeforeEach
    void consumersJoined() {
        await().atMost(BOUND).until(() -> given().get("/q/health/ready").statusCode() == 200);
        TestKafka.awaitConsumersAssigned();
    }

    @Test
    void firstSnapshotCreatesTheOrderWithLinesAddressesMoneyAndCustomer() {
        // The contract makes producers copy the shipping address when the marketplace gave no billing address.
        OrderImported snapshot = anOrderImported().withLines(2).build();

        TestKafka.send(CloudEvent.of("/channel-etsy/shops/test", snapshot, Clock.systemUTC()));

        JsonPath order = awaitOrder(snapshot, 1);
        assertThat(order.getString("status")).isEqualTo("NEW");
        assertThat(order.getString("orderKey")).isEqualTo("etsy:" + snapshot.shopId() + ":" + snapshot.externalOrderId());
        assertThat(order.getList("lines.externalLineId")).containsExactly("line-1", "line-2");
        assertThat(order.getString("lines[0].unitPrice.amount")).isEqualTo("13.50");
        assertThat(order.getString("totals.tax.amount")).isEqualTo("1.000001");
        assertThat(order.getString("totals.total.currency")).isEqualTo("EUR");
        assertThat(order.getString("billingAddress.line1")).isEqualTo("Main St 1");
        assertThat(order.getList("flags")).isEmpty();
        assertThat(order.getString("customerId")).isNotNull();
        assertThat(order.getList("statusHistory.to")).containsExactly("NEW");
        assertThat(order.getString("statusHistory[0].cause")).isEqualTo("imported");
    }

    @Test
    void higherRevisionUpdatesLinesByExternalIdAndLateOlderRevisionChangesNothing() {
        var builder = anOrderImported().withLines(2);
        OrderImported first = builder.withRevision(1).build();
        OrderImported third = builder.withRevision(3).withLines(3).build();
        OrderImported second = builder.withRevision(2).withLines(1).build();

        TestKafka.send(CloudEvent.of("/test", first, Clock.systemUTC()));
        String lineOneId = awaitOrder(first, 1).getString("lines[0].id");
        TestKafka.send(CloudEvent.of("/test", third, Clock.systemUTC()));
        awaitOrder(third, 3);
        TestKafka.send(CloudEvent.of("/test", second, Clock.systemUTC()));
        OrderImported marker = anOrderImported().withShop(first.shopId().value()).build();
        TestKafka.send(CloudEvent.of("/test", marker, Clock.systemUTC()));
        awaitOrder(marker, 1);

        JsonPath order = awaitOrder(third, 3);
        assertThat(order.getList("lines.externalLineId")).containsExactly("line-1", "line-2", "line-3");
        assertThat(order.getString("lines[0].id")).isEqualTo(lineOneId);
        assertThat(order.getInt("lines[0].quantity")).isEqualTo(4);
        assertThat(order.getString("lines[0].title")).isEqualTo("Item 1 v3");
        assertThat(given().queryParam("shopId", first.shopId().value()).get("/api/v1/orders").jsonPath().getInt("total")).isEqualTo(2);
    }

    @Test
    void revisionsThatArriveTogetherEndAtTheNewest() {
        String shop = "together-" + System.nanoTime();
        List<OrderImported> newest = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            var builder = anOrderImported().withShop(shop).withExternalOrderId("together-" + i).withLines(2);
            // Only revision and updatedAt change between the three: a marketplace that re-publishes an unchanged order.
            for (int revision = 1; revision <= 3; revision++) {
                OrderImported snapshot = builder.withRevision(revision).build();
                TestKafka.sendAsync(CloudEvent.of("/test", snapshot, Clock.systemUTC()));
                if (revision == 3) {
                    newest.add(snapshot);
                }
            }
        }
        TestKafka.flush();

        for (OrderImported snapshot : newest) {
            JsonPath order = awaitOrder(snapshot, 3);
            assertThat(order.getString("updatedAtMarketplace")).isEqualTo(snapshot.updatedAt().toString());
        }
    }

    @Test
    void customersAreMatchedByEmailElseByNameAndAddress() {
        String shop = "shop-customers-" + System.nanoTime();
        String email = "Buyer." + System.nanoTime() + "@Example.com";
        OrderImported.Address address = new OrderImported.Address("Max Muster", null, "Ring " + System.nanoTime(), null, "Wien", null,
                "1010", "AT", null);
        OrderImported byEmail1 = anOrderImported().withShop(shop).withBuyer("Max Muster", email).build();
        OrderImported byEmail2 = anOrderImported().withShop(shop).withBuyer("M. Muster", email.toLowerCase()).build();
        OrderImported byAddress1 = anOrderImported().withShop(shop).withBuyer("Max Muster", null).withShipping(address).build();
        OrderImported byAddress2 = anOrderImported().withShop(shop).withBuyer("Max  Muster", null).withShipping(address).build();
        OrderImported otherAddress = anOrderImported().withShop(shop).withBuyer("Max Muster", null).build();

        for (OrderImported snapshot : List.of(byEmail1, byEmail2, byAddress1, byAddress2, otherAddress)) {
            TestKafka.send(CloudEvent.of("/test", snapshot, Clock.systemUTC()));
        }

        String c1 = awaitOrder(byEmail1, 1).getString("customerId");
        String c2 = awaitOrder(byEmail2, 1).getString("customerId");
        String c3 = awaitOrder(byAddress1, 1).getString("customerId");
        String c4 = awaitOrder(byAddress2, 1).getString("customerId");
        String c5 = awaitOrder(otherAddress, 1).getString("customerId");
        assertThat(c1).isEqualTo(c2);
        assertThat(c3).isEqualTo(c4).isNotEqualTo(c1);
        assertThat(c5).isNotEqualTo(c3);
        JsonPath customer = given().get("/api/v1/customers/" + c1).then().statusCode(200).extract().jsonPath();
        assertThat(customer.getString("email")).isEqualTo(email.toLowerCase());
        assertThat(customer.getInt("orders.total")).isEqualTo(2);
        assertThat(given().queryParam("email", email).get("/api/v1/customers").jsonPath().getList("items.id")).containsExactly(c1);
    }

    @Test
    void orderInAnotherCurrencyIsAcceptedAndFlaggedCurrencyMismatch() {
        OrderImported snapshot = anOrderImported().withCurrency("USD").build();

        TestKafka.send(CloudEvent.of("/test", snapshot, Clock.systemUTC()));

        JsonPath order = awaitOrder(snapshot, 1);
        assertThat(order.getList("flags")).containsExactly("currency-mismatch");
        assertThat(order.getString("totals.total.currency")).isEqualTo("USD");
        assertThat(order.getString("currency")).isEqualTo("USD");
    }

    @Test
    void snapshotWithoutLinesIsListedAsRejectedWithItsReasonAndCreatesNoOrder() {
        OrderImported valid = anOrderImported().build();
        CloudEvent<OrderImported> event = CloudEvent.of("/test", valid, Clock.systemUTC());

        TestKafka.sendWithoutLines(event);

        JsonPath rejected = awaitRejected(valid.shopId().value(), 1);
        assertThat(rejected.getString("items[0].orderKey")).isEqualTo(valid.kafkaKey());
        assertThat(rejected.getString("items[0].eventId")).isEqualTo(event.id().toString());
        assertThat(rejected.getLong("items[0].revision")).isEqualTo(1);
        assertThat(rejected.getString("items[0].reason")).contains("lines").contains("at least 1");
        assertThat(given().queryParam("shopId", valid.shopId().value()).get("/api/v1/orders").jsonPath().getInt("total")).isZero();
    }

    @Test
    void snapshotWithNegativeQuantityIsListedAsRejected() {
        OrderImported valid = anOrderImported().build();

        TestKafka.sendAltered(CloudEvent.of("/test", valid, Clock.systemUTC()),
                value -> ((ObjectNode) value.withArray("lines").get(0)).put("quantity", -2));

        JsonPath rejected = awaitRejected(valid.shopId().value(), 1);
        assertThat(rejected.getString("items[0].reason")).contains("quantity");
        assertThat(given().queryParam("shopId", valid.shopId().value()).get("/api/v1/orders").jsonPath().getInt("total")).isZero();
    }

    @Test
    void schemaValidSnapshotInWhichNoLineHasAQuantityIsListedAsRejected() {
        OrderImported nothingOrdered = anOrderImported().withLines(List.of(line("l-1", 0), line("l-2", 0))).build();

        TestKafka.send(CloudEvent.of("/test", nothingOrdered, Clock.systemUTC()));

        JsonPath rejected = awaitRejected(nothingOrdered.shopId().value(), 1);
        assertThat(rejected.getString("items[0].orderKey")).isEqualTo(nothingOrdered.kafkaKey());
        assertThat(rejected.getString("items[0].reason")).isEqualTo("no line has a quantity above 0 in a PAID order");
        assertThat(given().queryParam("shopId", nothingOrdered.shopId().value()).get("/api/v1/orders").jsonPath().getInt("total")).isZero();
    }

    @Test
    void impossibleLaterRevisionIsRejectedAndTheOrderKeepsItsLastGoodRevision() {
        var builder = anOrderImported().withLines(List.of(line("l-1", 2)));
        OrderImported good = builder.withRevision(1).build();
        OrderImported twoLinesOneId = builder.withRevision(2).withLines(List.of(line("l-1", 1), line("l-1", 3))).build();
        TestKafka.send(CloudEvent.of("/test", good, Clock.systemUTC()));
        awaitOrder(good, 1);

        TestKafka.send(CloudEvent.of("/test", twoLinesOneId, Clock.systemUTC()));

        JsonPath rejected = awaitRejected(good.shopId().value(), 1);
        assertThat(rejected.getLong("items[0].revision")).isEqualTo(2);
        assertThat(rejected.getString("items[0].reason")).isEqualTo("line id l-1 appears twice");
        JsonPath order = awaitOrder(good, 1);
        assertThat(order.getList("lines.quantity")).containsExactly(2);
    }

    @Test
    void recordThatIsNotEvenJsonIsListedAsRejectedUnderItsKey() {
        OrderImported valid = anOrderImported().build();
        CloudEvent<OrderImported> event = CloudEvent.of("/test", valid, Clock.systemUTC());
        EncodedEvent encoded = TestKafka.codec().encode(event);

        TestKafka.sendRaw(EventType.ORDER_IMPORTED.topic(), event.key(), encoded.kafkaHeaders(), "{not json".getBytes(StandardCharsets.UTF_8));

        Map<String, Object> rejected = await().atMost(BOUND).until(() -> given().queryParam("size", 500).get("/api/v1/orders/rejected")
                .jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(item -> valid.kafkaKey().equals(item.get("orderKey"))).findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(rejected.get("eventId")).isEqualTo(event.id().toString());
        assertThat((String) rejected.get("reason")).contains("not JSON");
    }

    private static OrderImported.Line line(String id, int quantity) {
        return new OrderImported.Line(id, ListingId.of("listing-" + id), Sku.of("SKU-" + id), "Item " + id, List.of(), quantity,
                new BigDecimal("1.00"));
    }

    private static JsonPath awaitRejected(String shopId, int count) {
        return await().atMost(BOUND).until(
                () -> given().queryParam("shopId", shopId).get("/api/v1/orders/rejected").then().statusCode(200).extract().jsonPath(),
                page -> page.getInt("total") == count);
    }

    /** Waits until the order of this snapshot is at the given revision; answers its detail. */
    public static JsonPath awaitOrder(OrderImported snapshot, long revision) {
        String id = await().atMost(BOUND).until(() -> {
            JsonPath page = given().queryParams(Map.of("channel", snapshot.channel().value(), "shopId", snapshot.shopId().value(),
                    "q", snapshot.externalOrderId())).get("/api/v1/orders").jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            return items.stream().filter(item -> snapshot.externalOrderId().equals(item.get("externalOrderId"))
                    && ((Number) item.get("revision")).longValue() == revision).map(item -> (String) item.get("id")).findFirst().orElse(null);
        }, java.util.Objects::nonNull);
        return given().get("/api/v1/orders/" + id).then().statusCode(200).extract().jsonPath();
    }
}
