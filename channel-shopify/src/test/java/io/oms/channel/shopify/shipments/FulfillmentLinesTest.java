package io.oms.channel.shopify.shipments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FulfillmentLinesTest {

    /** One open fulfillment order with three lines (line items 1, 2, 3; remaining 2, 1, 3) and a closed one. */
    private static final String FULFILLMENT_ORDERS = """
            [ { "id": "gid://shopify/FulfillmentOrder/10", "status": "OPEN", "supportedActions": [ { "action": "CREATE_FULFILLMENT" } ],
                "lineItems": { "nodes": [
                  { "id": "gid://shopify/FulfillmentOrderLineItem/101", "sku": "A", "remainingQuantity": 2, "lineItem": { "id": "gid://shopify/LineItem/1" } },
                  { "id": "gid://shopify/FulfillmentOrderLineItem/102", "sku": "B", "remainingQuantity": 1, "lineItem": { "id": "gid://shopify/LineItem/2" } },
                  { "id": "gid://shopify/FulfillmentOrderLineItem/103", "sku": "C", "remainingQuantity": 3, "lineItem": { "id": "gid://shopify/LineItem/3" } } ] } },
              { "id": "gid://shopify/FulfillmentOrder/11", "status": "CLOSED", "supportedActions": [],
                "lineItems": { "nodes": [
                  { "id": "gid://shopify/FulfillmentOrderLineItem/111", "sku": "D", "remainingQuantity": 0, "lineItem": { "id": "gid://shopify/LineItem/4" } } ] } } ]
            """;

    @Test
    void twoOfThreeLinesBecomeOneGroupWithThoseTwoLines() throws Exception {
        FulfillmentLines.Plan plan = FulfillmentLines.plan(nodes(), List.of(new TrackingPush.Line("1", null, 2), new TrackingPush.Line(null, "C", 1)));

        assertThat(plan.problem()).isNull();
        assertThat(plan.groups()).containsExactly(Map.of("fulfillmentOrderId", "gid://shopify/FulfillmentOrder/10",
                "fulfillmentOrderLineItems", List.of(Map.of("id", "gid://shopify/FulfillmentOrderLineItem/101", "quantity", 2),
                        Map.of("id", "gid://shopify/FulfillmentOrderLineItem/103", "quantity", 1))));
    }

    @Test
    void moreThanIsLeftIsRefusedNamingTheLine() throws Exception {
        FulfillmentLines.Plan plan = FulfillmentLines.plan(nodes(), List.of(new TrackingPush.Line("2", null, 2)));

        assertThat(plan.groups()).isEmpty();
        assertThat(plan.problem()).contains("line 2").contains("1 of 2");
    }

    @Test
    void aLineOfAClosedFulfillmentOrderIsNotOpen() throws Exception {
        assertThat(FulfillmentLines.plan(nodes(), List.of(new TrackingPush.Line("4", null, 1))).problem()).contains("not an open line");
    }

    @Test
    void aShipmentWithoutLinesFulfilsEveryOpenLine() throws Exception {
        FulfillmentLines.Plan plan = FulfillmentLines.plan(nodes(), List.of());

        assertThat(plan.groups()).singleElement().satisfies(g -> assertThat((List<?>) g.get("fulfillmentOrderLineItems")).hasSize(3));
    }

    private static JsonNode nodes() throws Exception {
        return new ObjectMapper().readTree(FULFILLMENT_ORDERS);
    }
}
