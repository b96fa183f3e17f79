package io.oms.sandbox.shopify.orders;

import io.oms.sandbox.SandboxClock;
import io.oms.sandbox.shopify.ShopifyShop;
import io.oms.sandbox.shopify.ShopifyStore;
import io.oms.sandbox.shopify.graphql.RootFields;
import io.oms.sandbox.shopify.graphql.Views;
import io.oms.sandbox.shopify.inventory.Catalog;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** fulfillmentCreate: fulfils lines of one order's fulfillment orders, with tracking; sends orders/updated. */
@Singleton
public class FulfillmentMutations {

    private final SandboxClock clock;
    private final ShopifyStore store;
    private final OrderEvents events;

    public FulfillmentMutations(SandboxClock clock, ShopifyStore store, OrderEvents events) {
        this.clock = clock;
        this.store = store;
        this.events = events;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> create(ShopifyShop shop, Views views, Map<String, Object> input) {
        List<Map<String, Object>> groups = (List<Map<String, Object>>) input.get("lineItemsByFulfillmentOrder");
        if (groups == null || groups.isEmpty()) {
            return failed("lineItemsByFulfillmentOrder", "must contain at least one fulfillment order");
        }
        ShopifyOrder order = null;
        List<Object[]> picks = new ArrayList<>(); // {fo, foLine, quantity}
        for (Map<String, Object> g : groups) {
            long foId = Views.idOf(g.get("fulfillmentOrderId"));
            ShopifyOrder owner = null;
            ShopifyOrder.FulfillmentOrder fo = null;
            for (ShopifyOrder o : shop.orders.values()) {
                for (ShopifyOrder.FulfillmentOrder candidate : o.fulfillmentOrders) {
                    if (candidate.id == foId) {
                        owner = o;
                        fo = candidate;
                    }
                }
            }
            if (fo == null) {
                return failed("fulfillment", "Fulfillment order does not exist.");
            }
            if (order != null && order != owner) {
                return failed("fulfillment", "All fulfillment orders must belong to the same order.");
            }
            order = owner;
            if (owner.cancelledAt != null || "CLOSED".equals(fo.status) || "CANCELLED".equals(fo.status)) {
                return failed("fulfillment", "Fulfillment order " + gidFo(foId) + " has an unfulfillable status= "
                        + fo.status.toLowerCase() + ".");
            }
            List<Map<String, Object>> lines = (List<Map<String, Object>>) g.get("fulfillmentOrderLineItems");
            if (lines == null || lines.isEmpty()) {
                for (ShopifyOrder.FoLine fl : fo.lines) {
                    if (fl.remaining > 0) {
                        picks.add(new Object[] {fo, fl, fl.remaining});
                    }
                }
            } else {
                for (Map<String, Object> l : lines) {
                    long lineId = Views.idOf(l.get("id"));
                    int qty = ((Number) l.get("quantity")).intValue();
                    ShopifyOrder.FoLine fl = fo.lines.stream().filter(x -> x.id == lineId).findFirst().orElse(null);
                    if (fl == null) {
                        return failed("fulfillment", "Fulfillment order line item does not exist.");
                    }
                    if (qty <= 0 || qty > fl.remaining) {
                        return failed("fulfillment", "Invalid fulfillment order line item quantity requested.");
                    }
                    picks.add(new Object[] {fo, fl, qty});
                }
            }
        }
        Map<String, Object> tracking = (Map<String, Object>) input.get("trackingInfo");
        List<ShopifyOrder.Tracking> infos = new ArrayList<>();
        if (tracking != null && (tracking.get("number") != null || tracking.get("numbers") != null)) {
            String company = (String) tracking.get("company");
            if (tracking.get("number") != null) {
                infos.add(new ShopifyOrder.Tracking(company, String.valueOf(tracking.get("number")),
                        tracking.get("url") == null ? null : String.valueOf(tracking.get("url"))));
            }
            if (tracking.get("numbers") instanceof List<?> numbers) {
                numbers.forEach(n -> infos.add(new ShopifyOrder.Tracking(company, String.valueOf(n), null)));
            }
        }
        ShopifyOrder.Fulfillment fulfillment;
        synchronized (order) {
            List<ShopifyOrder.FulfilledLine> done = new ArrayList<>();
            long locationId = ((ShopifyOrder.FulfillmentOrder) picks.get(0)[0]).locationId;
            for (Object[] p : picks) {
                ShopifyOrder.FulfillmentOrder fo = (ShopifyOrder.FulfillmentOrder) p[0];
                ShopifyOrder.FoLine fl = (ShopifyOrder.FoLine) p[1];
                int qty = (Integer) p[2];
                fl.remaining -= qty;
                fo.status = fo.lines.stream().allMatch(x -> x.remaining == 0) ? "CLOSED" : "IN_PROGRESS";
                fo.updatedAt = clock.instant();
                done.add(new ShopifyOrder.FulfilledLine(fl.lineId, qty));
                ShopifyOrder.Line line = order.lines.stream().filter(l -> l.id() == fl.lineId).findFirst()
                        .orElseThrow();
                synchronized (shop.catalog) {
                    Catalog.Level level = shop.catalog.level(line.inventoryItemId(), fo.locationId);
                    if (level != null) {
                        level.committed = Math.max(0, level.committed - qty);
                        level.onHand -= qty;
                        level.updatedAt = clock.instant();
                    }
                }
            }
            fulfillment = new ShopifyOrder.Fulfillment(store.nextOrderId(), clock.instant(), List.copyOf(infos),
                    List.copyOf(done), locationId);
            order.fulfillments.add(fulfillment);
            order.updatedAt = clock.instant();
        }
        events.updated(shop, order);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fulfillment", views.fulfillment(order, fulfillment));
        payload.put("userErrors", List.of());
        return payload;
    }

    private static String gidFo(long id) {
        return Views.gid("FulfillmentOrder", id);
    }

    private static Map<String, Object> failed(String field, String message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fulfillment", null);
        payload.put("userErrors", List.of(RootFields.userError(List.of(field), message)));
        return payload;
    }
}
