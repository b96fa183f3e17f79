package io.oms.order.customer;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.events.Channel;
import io.oms.events.CloudEvent;
import io.oms.events.ShopId;
import io.oms.events.channel.CustomerRedactionRequested;
import io.oms.events.order.OrderImported;
import io.oms.order.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.oms.order.OrderImportedBuilder.anOrderImported;
import static io.oms.order.intake.OrderIntakeTest.awaitOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class CustomerRedactionTest {

    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final Clock CLOCK = Clock.systemUTC();

    @BeforeEach
    void consumersJoined() {
        await().atMost(BOUND).until(() -> given().get("/q/health/ready").statusCode() == 200);
        TestKafka.awaitConsumersAssigned();
    }

    @Test
    void aRedactionAnonymisesTheBuyersOrdersOfThatShopAndTheCustomerRecordOnceAndLeavesOtherBuyersAlone() {
        String shop = "redact-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
        String email = "jane." + UUID.randomUUID() + "@example.com";
        OrderImported.Address address = new OrderImported.Address("Jane Doe", "Doe Ltd", "Main St 1", "Floor 2", "Berlin", null, "10115", "DE",
                "+49 30 1234567");
        OrderImported byEmail = anOrderImported().withChannel(Channel.of("shopify")).withShop(shop).withBuyer("Jane Doe", email)
                .withShipping(address).build();
        OrderImported byId = anOrderImported().withChannel(Channel.of("shopify")).withShop(shop).withBuyer("Jane D.", null)
                .withShipping(address).build();
        OrderImported otherBuyer = anOrderImported().withChannel(Channel.of("shopify")).withShop(shop).build();
        for (OrderImported o : List.of(byEmail, byId, otherBuyer)) {
            TestKafka.send(CloudEvent.of("/test", o, CLOCK));
        }
        String customerId = awaitOrder(byEmail, 1).getString("customerId");
        awaitOrder(byId, 1);
        awaitOrder(otherBuyer, 1);

        CustomerRedactionRequested redaction = new CustomerRedactionRequested(Channel.of("shopify"), ShopId.of(shop), email.toUpperCase(),
                List.of("7311223344"), List.of(byId.externalOrderId()), Instant.now());
        TestKafka.send(CloudEvent.of("/channel-shopify/shops/" + shop, redaction, CLOCK));
        TestKafka.send(CloudEvent.of("/channel-shopify/shops/" + shop, redaction, CLOCK)); // asked twice: the same result

        for (OrderImported o : List.of(byEmail, byId)) {
            JsonPath order = await().atMost(BOUND).until(() -> awaitOrder(o, 1),
                    p -> CustomerRedactionHandler.REDACTED.equals(p.getString("buyer.name")));
            assertThat(order.getString("buyer.email")).isNull();
            for (String which : List.of("shippingAddress", "billingAddress")) {
                assertThat(order.getString(which + ".name")).isEqualTo(CustomerRedactionHandler.REDACTED);
                assertThat(order.getString(which + ".company")).isNull();
                assertThat(order.getString(which + ".line1")).isNull();
                assertThat(order.getString(which + ".line2")).isNull();
                assertThat(order.getString(which + ".city")).isNull();
                assertThat(order.getString(which + ".postalCode")).isNull();
                assertThat(order.getString(which + ".phone")).isNull();
                assertThat(order.getString(which + ".countryCode")).isEqualTo("DE");
            }
            assertThat(order.getList("lines")).as("the order itself stays").hasSize(1);
        }
        JsonPath customer = given().get("/api/v1/customers/" + customerId).then().statusCode(200).extract().jsonPath();
        assertThat(customer.getString("name")).isEqualTo(CustomerRedactionHandler.REDACTED);
        assertThat(customer.getString("email")).isNull();
        assertThat(customer.getString("address.line1")).isNull();
        JsonPath other = awaitOrder(otherBuyer, 1);
        assertThat(other.getString("buyer.name")).isEqualTo("Jane Doe");
        assertThat(other.getString("buyer.email")).isEqualTo(otherBuyer.buyer().email());
        assertThat(other.getString("shippingAddress.line1")).isEqualTo("Main St 1");
    }
}
