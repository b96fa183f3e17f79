package io.oms.channel.shopify.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oms.events.order.ChannelStatus;
import io.oms.events.order.OrderImported;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** On an Admin GraphQL order in the shape of the OrderSnapshot fragment (shopify/order-cancelled.json). */
class OrderMapperTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCancelledOrderMapsToACancelledSnapshotWithItsOrderedQuantities() throws Exception {
        JsonNode order = fixture();

        OrderImported snapshot = OrderMapper.toSnapshot("demo.myshopify.com", order, lines(order));

        assertThat(snapshot.externalOrderId()).isEqualTo("5600000042");
        assertThat(snapshot.externalOrderNumber()).isEqualTo("#1042");
        assertThat(snapshot.kafkaKey()).isEqualTo("shopify:demo.myshopify.com:5600000042");
        assertThat(snapshot.channelStatus()).isEqualTo(ChannelStatus.CANCELLED);
        assertThat(snapshot.marketplaceStatus()).isEqualTo("PAID/UNFULFILLED/CANCELLED:CUSTOMER");
        assertThat(snapshot.paid()).isTrue();
        assertThat(snapshot.buyer().name()).isEqualTo("Ada Lovelace");
        assertThat(snapshot.buyer().externalCustomerId()).isEqualTo("7001");
        assertThat(snapshot.billingAddress()).as("billing falls back to shipping").isEqualTo(snapshot.shippingAddress());
        assertThat(snapshot.shippingAddress().countryCode()).isEqualTo("DE");
        assertThat(snapshot.shippingAddress().line2()).isNull();
        assertThat(snapshot.shippingMethod()).as("the shipping line's title").isEqualTo("UPS Express");
        assertThat(snapshot.totals().total()).isEqualTo(new BigDecimal("44.85"));
        assertThat(snapshot.totals().shipping()).isEqualTo(new BigDecimal("4.95"));
        assertThat(snapshot.totals().currency()).isEqualTo("EUR");
        assertThat(snapshot.createdAt()).isEqualTo(Instant.parse("2026-03-01T09:15:02Z"));
        assertThat(snapshot.revision()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z").toEpochMilli());
        OrderImported.Line line = snapshot.lines().get(0);
        assertThat(line.externalLineId()).isEqualTo("900001");
        assertThat(line.listingId().value()).isEqualTo("44001");
        assertThat(line.sku().value()).isEqualTo("MUG-RED-L");
        assertThat(line.quantity()).as("a cancelled order's current quantities are 0: the ordered ones say what was cancelled").isEqualTo(2);
        assertThat(line.unitPrice()).isEqualTo(new BigDecimal("19.95"));
        assertThat(line.variations()).extracting(OrderImported.Variation::value).containsExactly("Red / L");
    }

    @Test
    void anOpenOrderTakesTheCurrentQuantityOfAnEditedLine() throws Exception {
        ObjectNode order = (ObjectNode) fixture();
        order.putNull("cancelledAt");
        ((ObjectNode) order.path("lineItems").path("nodes").get(0)).put("currentQuantity", 1);

        OrderImported snapshot = OrderMapper.toSnapshot("demo.myshopify.com", order, lines(order));

        assertThat(snapshot.channelStatus()).isEqualTo(ChannelStatus.PAID);
        assertThat(snapshot.marketplaceStatus()).isEqualTo("PAID/UNFULFILLED");
        assertThat(snapshot.lines().get(0).quantity()).isEqualTo(1);
    }

    @Test
    void anUnknownFinancialStatusIsAPerOrderFailureNamingIt() throws Exception {
        ObjectNode order = (ObjectNode) fixture();
        order.putNull("cancelledAt");
        order.put("displayFinancialStatus", "SOMETHING_NEW");

        assertThatThrownBy(() -> OrderMapper.toSnapshot("demo.myshopify.com", order, lines(order)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOMETHING_NEW");
    }

    private JsonNode fixture() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/shopify/order-cancelled.json")) {
            return json.readTree(in);
        }
    }

    private static List<JsonNode> lines(JsonNode order) {
        List<JsonNode> lines = new ArrayList<>();
        order.path("lineItems").path("nodes").forEach(lines::add);
        return lines;
    }
}
