package io.oms.channel.shopify.shipments;

import com.fasterxml.jackson.databind.JsonNode;
import io.oms.channel.core.marketplace.MarketplaceRefusal;
import io.oms.channel.core.marketplace.ReauthenticationRequired;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.shopify.client.ShopifyClient;
import io.oms.channel.shopify.client.ShopifyDocuments;
import io.oms.channel.shopify.config.ShopifyConfig;
import io.oms.channel.shopify.orders.OrderMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells Shopify about one shipment: the order's fulfillment orders, then one {@code fulfillmentCreate} for the
 * shipped lines (partial shipments per fulfillment order line) with {@code trackingInfo} and the customer
 * notification setting. Called outside any transaction; the shape of the core's coming {@code ShipmentChannel}.
 */
@ApplicationScoped
public class ShopifyFulfillments {

    /**
     * @param retryable an outage (5xx, no answer, throttling left over, a revoked token): try again later
     * @param fulfillmentId Shopify's fulfillment, on success when one was created
     */
    public record Outcome(boolean success, String pushed, String error, boolean retryable, String fulfillmentId) {

        static Outcome success(String pushed, String fulfillmentId) {
            return new Outcome(true, pushed, null, false, fulfillmentId);
        }

        static Outcome refused(String error) {
            return new Outcome(false, null, error, false, null);
        }

        static Outcome later(String error) {
            return new Outcome(false, null, error, true, null);
        }
    }

    private final ShopifyClient client;
    private final ShopifyConfig config;

    public ShopifyFulfillments(ShopifyClient client, ShopifyConfig config) {
        this.client = client;
        this.config = config;
    }

    public Outcome push(ShopAccess shop, TrackingPush push) {
        try {
            JsonNode order = client.query(shop, ShopifyDocuments.FULFILLMENT_ORDERS,
                    Map.of("id", OrderMapper.gid("Order", push.externalOrderId()))).path("order");
            if (order.isNull() || order.isMissingNode()) {
                return Outcome.refused("Shopify has no order " + push.externalOrderId());
            }
            FulfillmentLines.Plan plan = FulfillmentLines.plan(order.path("fulfillmentOrders").path("nodes"), push.lines());
            if (plan.nothingLeft() && plan.problem() == null) {
                // fulfilled before: an earlier attempt whose outcome was not stored
                return Outcome.success(push.describe() + " (already fulfilled in Shopify)", null);
            }
            if (plan.problem() != null) {
                return Outcome.refused(plan.problem());
            }
            JsonNode created = client.query(shop, ShopifyDocuments.FULFILLMENT_CREATE, Map.of("fulfillment", fulfillment(push, plan)))
                    .path("fulfillmentCreate");
            List<String> errors = new ArrayList<>();
            created.path("userErrors").forEach(e -> errors.add(e.path("message").asText()));
            if (!errors.isEmpty()) {
                return Outcome.refused("Shopify refused the fulfillment: " + String.join("; ", errors));
            }
            return Outcome.success(push.describe(), created.path("fulfillment").path("id").asText(null));
        } catch (ReauthenticationRequired e) {
            throw e;
        } catch (MarketplaceRefusal e) {
            return Outcome.later(e.getMessage());
        }
    }

    private Map<String, Object> fulfillment(TrackingPush push, FulfillmentLines.Plan plan) {
        Map<String, Object> tracking = new LinkedHashMap<>();
        tracking.put("company", push.carrier());
        tracking.put("number", push.trackingNumber());
        tracking.put("url", push.trackingUrl());
        Map<String, Object> fulfillment = new LinkedHashMap<>();
        fulfillment.put("lineItemsByFulfillmentOrder", plan.groups());
        fulfillment.put("trackingInfo", tracking);
        fulfillment.put("notifyCustomer", config.shipments().notifyCustomer());
        return fulfillment;
    }
}
