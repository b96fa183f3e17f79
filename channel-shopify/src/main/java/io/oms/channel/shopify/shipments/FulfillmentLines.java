package io.oms.channel.shopify.shipments;

import com.fasterxml.jackson.databind.JsonNode;
import io.oms.channel.shopify.orders.OrderMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which fulfillment order lines a shipment fulfils: each shipped line (by line item id, else by SKU) takes its
 * quantity from the open fulfillment orders' lines of that line item that still have a remaining quantity. The
 * answer is fulfillmentCreate's {@code lineItemsByFulfillmentOrder}, or why it cannot be made.
 */
public final class FulfillmentLines {

    /**
     * @param groups      {@code [{fulfillmentOrderId, fulfillmentOrderLineItems: [{id, quantity}]}]}, empty when {@code problem} is set
     * @param problem     why the shipment cannot be fulfilled in Shopify, or null
     * @param nothingLeft every shipped line is already fulfilled (a push that succeeded before its outcome was stored)
     */
    public record Plan(List<Map<String, Object>> groups, String problem, boolean nothingLeft) {
    }

    private FulfillmentLines() {
    }

    /** @param fulfillmentOrders the {@code nodes} of the order's fulfillmentOrders */
    public static Plan plan(JsonNode fulfillmentOrders, List<TrackingPush.Line> shipped) {
        List<FoLine> open = new ArrayList<>();
        for (JsonNode fo : fulfillmentOrders) {
            boolean fulfillable = false;
            for (JsonNode action : fo.path("supportedActions")) {
                fulfillable |= "CREATE_FULFILLMENT".equals(action.path("action").asText());
            }
            if (!fulfillable) {
                continue;
            }
            for (JsonNode line : fo.path("lineItems").path("nodes")) {
                open.add(new FoLine(fo.path("id").asText(), line.path("id").asText(), OrderMapper.numericId(line.path("lineItem").path("id").asText(null)),
                        line.path("sku").asText(null), line.path("remainingQuantity").asInt()));
            }
        }
        Map<String, List<Map<String, Object>>> byFo = new LinkedHashMap<>();
        if (shipped.isEmpty()) {
            open.stream().filter(l -> l.remaining > 0).forEach(l -> take(byFo, l, l.remaining));
        }
        int alreadyFulfilled = 0;
        for (TrackingPush.Line line : shipped) {
            int wanted = line.quantity();
            List<FoLine> candidates = open.stream().filter(l -> line.externalLineId() != null
                    ? line.externalLineId().equals(l.lineItemId) : line.sku() != null && line.sku().equals(l.sku)).toList();
            if (candidates.isEmpty()) {
                return new Plan(List.of(), "line " + label(line) + " is not an open line of the order in Shopify", false);
            }
            for (FoLine candidate : candidates) {
                int quantity = Math.min(wanted, candidate.remaining);
                if (quantity > 0) {
                    take(byFo, candidate, quantity);
                    candidate.remaining -= quantity;
                    wanted -= quantity;
                }
            }
            if (wanted == line.quantity()) {
                alreadyFulfilled++;
            } else if (wanted > 0) {
                return new Plan(List.of(), "line " + label(line) + ": " + wanted + " of " + line.quantity()
                        + " shipped are more than Shopify has left to fulfil", false);
            }
        }
        if (byFo.isEmpty()) {
            return new Plan(List.of(), shipped.isEmpty() || alreadyFulfilled == shipped.size() ? null : "nothing to fulfil", true);
        }
        if (alreadyFulfilled > 0) {
            return new Plan(List.of(), alreadyFulfilled + " shipped line(s) are already fulfilled in Shopify", false);
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        byFo.forEach((fo, lines) -> groups.add(Map.of("fulfillmentOrderId", fo, "fulfillmentOrderLineItems", lines)));
        return new Plan(groups, null, false);
    }

    private static void take(Map<String, List<Map<String, Object>>> byFo, FoLine line, int quantity) {
        byFo.computeIfAbsent(line.fulfillmentOrderId, id -> new ArrayList<>()).add(Map.of("id", line.id, "quantity", quantity));
    }

    private static String label(TrackingPush.Line line) {
        return line.externalLineId() != null ? line.externalLineId() : "SKU " + line.sku();
    }

    private static final class FoLine {
        final String fulfillmentOrderId;
        final String id;
        final String lineItemId;
        final String sku;
        int remaining;

        FoLine(String fulfillmentOrderId, String id, String lineItemId, String sku, int remaining) {
            this.fulfillmentOrderId = fulfillmentOrderId;
            this.id = id;
            this.lineItemId = lineItemId;
            this.sku = sku;
            this.remaining = remaining;
        }
    }
}
