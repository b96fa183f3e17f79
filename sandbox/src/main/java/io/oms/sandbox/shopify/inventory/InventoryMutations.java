package io.oms.sandbox.shopify.inventory;

import io.oms.sandbox.SandboxClock;
import io.oms.sandbox.shopify.ShopifyShop;
import io.oms.sandbox.shopify.ShopifyStore;
import io.oms.sandbox.shopify.graphql.Views;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** inventorySetQuantities: absolute quantities with compare-and-set, all or nothing. */
@Singleton
public class InventoryMutations {

    /** Reasons Shopify accepts for inventory changes. */
    public static final Set<String> REASONS = Set.of("correction", "cycle_count_available", "damaged",
            "movement_created", "movement_updated", "movement_received", "movement_canceled", "other", "promotion",
            "quality_control", "received", "reservation_created", "reservation_deleted", "reservation_updated",
            "restock", "safety_stock", "shrinkage");

    private final SandboxClock clock;
    private final ShopifyStore store;

    public InventoryMutations(SandboxClock clock, ShopifyStore store) {
        this.clock = clock;
        this.store = store;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> set(ShopifyShop shop, Map<String, Object> input) {
        String name = String.valueOf(input.get("name"));
        String reason = String.valueOf(input.get("reason"));
        boolean ignoreCompare = Boolean.TRUE.equals(input.get("ignoreCompareQuantity"));
        List<Map<String, Object>> quantities = (List<Map<String, Object>>) input.get("quantities");
        if (!name.equals("available") && !name.equals("on_hand")) {
            return failed(List.of("input", "name"), "The quantity name must be either 'available' or 'on_hand'.",
                    "INVALID_NAME");
        }
        if (!REASONS.contains(reason)) {
            return failed(List.of("input", "reason"), "The specified reason is invalid.", "INVALID_REASON");
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        synchronized (shop.catalog) {
            List<Object[]> plan = new ArrayList<>();
            for (int i = 0; i < quantities.size(); i++) {
                Map<String, Object> q = quantities.get(i);
                List<String> field = List.of("input", "quantities", String.valueOf(i));
                long itemId = Views.idOf(q.get("inventoryItemId"));
                long locationId = Views.idOf(q.get("locationId"));
                if (shop.catalog.itemOf(itemId).isEmpty()) {
                    return failed(append(field, "inventoryItemId"), "The specified inventory item could not be found.",
                            "INVALID_INVENTORY_ITEM");
                }
                if (!shop.catalog.locations.containsKey(locationId)) {
                    return failed(append(field, "locationId"), "The specified location could not be found.",
                            "INVALID_LOCATION");
                }
                Catalog.Level level = shop.catalog.level(itemId, locationId);
                if (level == null) {
                    return failed(append(field, "locationId"),
                            "The specified inventory item is not stocked at the location.",
                            "ITEM_NOT_STOCKED_AT_LOCATION");
                }
                int quantity = ((Number) q.get("quantity")).intValue();
                if (quantity > 1_000_000_000) {
                    return failed(append(field, "quantity"), "The quantity can't be higher than 1,000,000,000.",
                            "INVALID_QUANTITY_TOO_HIGH");
                }
                int current = name.equals("available") ? level.available() : level.onHand;
                Object compare = q.get("compareQuantity");
                if (!ignoreCompare) {
                    if (compare == null) {
                        return failed(append(field, "compareQuantity"),
                                "The compareQuantity argument must be given to each quantity or ignored using "
                                        + "ignoreCompareQuantity.", "COMPARE_QUANTITY_REQUIRED");
                    }
                    if (((Number) compare).intValue() != current) {
                        return failed(append(field, "compareQuantity"),
                                "The specified compare quantity does not match the current quantity.",
                                "COMPARE_QUANTITY_STALE");
                    }
                }
                plan.add(new Object[] {itemId, locationId, level, quantity, current});
            }
            for (Object[] p : plan) {
                Catalog.Level level = (Catalog.Level) p[2];
                int quantity = (Integer) p[3];
                int current = (Integer) p[4];
                if (name.equals("available")) {
                    level.onHand = quantity + level.committed;
                } else {
                    level.onHand = quantity;
                }
                level.updatedAt = clock.instant();
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("__typename", "InventoryChange");
                change.put("name", name);
                change.put("delta", quantity - current);
                change.put("quantityAfterChange", quantity);
                change.put("ledgerDocumentUri", null);
                long itemId = (Long) p[0];
                long locationId = (Long) p[1];
                Views views = new Views(shop);
                change.put("item", views.inventoryItem(shop.catalog.itemOf(itemId).orElseThrow()));
                change.put("location", views.location(shop.catalog.locations.get(locationId)));
                changes.add(change);
            }
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("__typename", "InventoryAdjustmentGroup");
        group.put("id", Views.gid("InventoryAdjustmentGroup", store.nextId()));
        group.put("createdAt", clock.instant().toString());
        group.put("reason", reason);
        group.put("referenceDocumentUri", input.get("referenceDocumentUri"));
        group.put("changes", changes);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("inventoryAdjustmentGroup", group);
        payload.put("userErrors", List.of());
        return payload;
    }

    private static List<String> append(List<String> field, String last) {
        List<String> out = new ArrayList<>(field);
        out.add(last);
        return out;
    }

    private static Map<String, Object> failed(List<String> field, String message, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__typename", "InventorySetQuantitiesUserError");
        error.put("field", field);
        error.put("message", message);
        error.put("code", code);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("inventoryAdjustmentGroup", null);
        payload.put("userErrors", List.of(error));
        return payload;
    }
}
