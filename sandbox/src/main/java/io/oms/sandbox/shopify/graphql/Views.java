package io.oms.sandbox.shopify.graphql;

import io.oms.sandbox.shopify.ShopifyShop;
import io.oms.sandbox.shopify.inventory.Catalog;
import io.oms.sandbox.shopify.orders.ShopifyOrder;
import io.oms.sandbox.shopify.webhooks.WebhookSubscription;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The schema's object shapes (as maps) built from the sandbox's state of one store. */
public final class Views {

    private final ShopifyShop shop;

    public Views(ShopifyShop shop) {
        this.shop = shop;
    }

    public static String gid(String type, long id) {
        return "gid://shopify/" + type + "/" + id;
    }

    /** The numeric id of a gid (or of a plain number). */
    public static long idOf(Object gid) {
        String s = String.valueOf(gid);
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        return Long.parseLong(s.substring(s.lastIndexOf('/') + 1));
    }

    static String time(Instant i) {
        return i == null ? null : i.toString();
    }

    static String amount(BigDecimal d) {
        return d.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static Map<String, Object> money(BigDecimal amount, String currency) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "MoneyV2");
        m.put("amount", amount(amount));
        m.put("currencyCode", currency);
        return m;
    }

    static Map<String, Object> bag(BigDecimal amount, String currency) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "MoneyBag");
        m.put("shopMoney", money(amount, currency));
        m.put("presentmentMoney", money(amount, currency));
        return m;
    }

    public Map<String, Object> shopView() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "Shop");
        m.put("id", gid("Shop", Math.abs((long) shop.domain.hashCode())));
        m.put("name", shop.name);
        m.put("myshopifyDomain", shop.domain);
        m.put("email", "owner@" + shop.domain);
        m.put("contactEmail", "owner@" + shop.domain);
        m.put("currencyCode", shop.currency);
        m.put("ianaTimezone", "Etc/UTC");
        m.put("timezoneAbbreviation", "UTC");
        m.put("createdAt", time(shop.createdAt));
        m.put("updatedAt", time(shop.createdAt));
        m.put("plan", Map.of("__typename", "ShopPlan", "displayName", "Basic", "partnerDevelopment", false,
                "shopifyPlus", false));
        return m;
    }

    public Map<String, Object> location(Catalog.Location l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "Location");
        m.put("id", gid("Location", l.id()));
        m.put("legacyResourceId", String.valueOf(l.id()));
        m.put("name", l.name());
        m.put("isActive", true);
        m.put("activatable", true);
        m.put("deactivatable", true);
        m.put("deletable", false);
        m.put("fulfillsOnlineOrders", true);
        m.put("hasActiveInventory", true);
        m.put("shipsInventory", true);
        m.put("isFulfillmentService", false);
        m.put("createdAt", time(l.createdAt()));
        m.put("updatedAt", time(l.createdAt()));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("__typename", "LocationAddress");
        a.put("address1", l.address1());
        a.put("address2", null);
        a.put("city", l.city());
        a.put("zip", l.zip());
        a.put("countryCode", l.countryCode());
        a.put("country", l.countryCode());
        a.put("formatted", List.of(l.address1(), l.zip() + " " + l.city(), l.countryCode()));
        m.put("address", a);
        return m;
    }

    public Map<String, Object> product(Catalog.Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "Product");
        m.put("id", gid("Product", p.id()));
        m.put("legacyResourceId", String.valueOf(p.id()));
        m.put("title", p.title());
        m.put("handle", p.handle());
        m.put("status", shop.catalog.productStatus.getOrDefault(p.id(), "ACTIVE"));
        m.put("vendor", p.vendor());
        m.put("productType", p.productType());
        m.put("description", p.title());
        m.put("descriptionHtml", "<p>" + p.title() + "</p>");
        m.put("createdAt", time(p.createdAt()));
        m.put("updatedAt", time(p.createdAt()));
        m.put("publishedAt", time(p.createdAt()));
        m.put("tags", List.of());
        m.put("tracksInventory", true);
        m.put("hasOnlyDefaultVariant", p.variantIds().size() == 1);
        m.put("totalInventory", (Resolver) env -> p.variantIds().stream()
                .mapToInt(v -> shop.catalog.totalAvailable(shop.catalog.variants.get(v).inventoryItemId())).sum());
        m.put("variants", (Resolver) env -> Connections.of(variants(p), env, Catalog.Variant::id, this::variant));
        m.put("featuredMedia", null);
        m.put("onlineStoreUrl", null);
        return m;
    }

    private List<Catalog.Variant> variants(Catalog.Product p) {
        return p.variantIds().stream().map(shop.catalog.variants::get).toList();
    }

    public Map<String, Object> variant(Catalog.Variant v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "ProductVariant");
        m.put("id", gid("ProductVariant", v.id()));
        m.put("legacyResourceId", String.valueOf(v.id()));
        m.put("title", v.title());
        Catalog.Product p = shop.catalog.products.get(v.productId());
        m.put("displayName", p.title() + " - " + v.title());
        m.put("sku", v.sku());
        m.put("barcode", null);
        m.put("price", amount(v.price()));
        m.put("compareAtPrice", null);
        m.put("availableForSale", true);
        m.put("taxable", true);
        m.put("position", p.variantIds().indexOf(v.id()) + 1);
        m.put("createdAt", time(v.createdAt()));
        m.put("updatedAt", time(v.createdAt()));
        m.put("inventoryQuantity", (Resolver) env -> shop.catalog.totalAvailable(v.inventoryItemId()));
        List<Map<String, Object>> options = new ArrayList<>();
        v.options().forEach(o -> options.add(Map.of("__typename", "SelectedOption", "name", o.getKey(),
                "value", o.getValue())));
        m.put("selectedOptions", options);
        m.put("inventoryItem", (Resolver) env -> inventoryItem(v));
        m.put("product", (Resolver) env -> product(p));
        return m;
    }

    public Map<String, Object> inventoryItem(Catalog.Variant v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "InventoryItem");
        m.put("id", gid("InventoryItem", v.inventoryItemId()));
        m.put("legacyResourceId", String.valueOf(v.inventoryItemId()));
        m.put("sku", v.sku());
        m.put("tracked", true);
        m.put("requiresShipping", true);
        m.put("createdAt", time(v.createdAt()));
        m.put("updatedAt", time(v.createdAt()));
        m.put("locationsCount", Map.of("__typename", "Count", "count", shop.catalog.locations.size(),
                "precision", "EXACT"));
        m.put("variant", (Resolver) env -> variant(v));
        m.put("inventoryLevels", (Resolver) env -> Connections.of(
                new ArrayList<>(shop.catalog.locations.values()), env, Catalog.Location::id,
                l -> inventoryLevel(v, l)));
        m.put("inventoryLevel", (Resolver) env -> {
            Catalog.Location l = shop.catalog.locations.get(idOf(env.getArgument("locationId")));
            return l == null ? null : inventoryLevel(v, l);
        });
        return m;
    }

    public Map<String, Object> inventoryLevel(Catalog.Variant v, Catalog.Location l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "InventoryLevel");
        m.put("id", "gid://shopify/InventoryLevel/" + l.id() + "?inventory_item_id=" + v.inventoryItemId());
        m.put("canDeactivate", true);
        m.put("location", location(l));
        m.put("item", (Resolver) env -> inventoryItem(v));
        m.put("createdAt", time(v.createdAt()));
        m.put("updatedAt", (Resolver) env -> {
            Catalog.Level level = shop.catalog.level(v.inventoryItemId(), l.id());
            return level == null ? null : time(level.updatedAt);
        });
        m.put("quantities", (Resolver) env -> {
            List<String> names = env.getArgument("names");
            Catalog.Level level;
            int onHand;
            int committed;
            synchronized (shop.catalog) {
                level = shop.catalog.level(v.inventoryItemId(), l.id());
                onHand = level == null ? 0 : level.onHand;
                committed = level == null ? 0 : level.committed;
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (String name : names == null ? List.of("available", "on_hand") : names) {
                int q = switch (name) {
                    case "available" -> onHand - committed;
                    case "on_hand" -> onHand;
                    case "committed" -> committed;
                    default -> 0;
                };
                Map<String, Object> qm = new LinkedHashMap<>();
                qm.put("__typename", "InventoryQuantity");
                qm.put("id", "gid://shopify/InventoryQuantity/" + l.id() + "?inventory_item_id="
                        + v.inventoryItemId() + "&name=" + name);
                qm.put("name", name);
                qm.put("quantity", q);
                qm.put("updatedAt", level == null ? null : time(level.updatedAt));
                out.add(qm);
            }
            return out;
        });
        return m;
    }

    Map<String, Object> address(ShopifyOrder o) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("__typename", "MailingAddress");
        a.put("id", gid("MailingAddress", o.customerId) + "?model_name=Address");
        a.put("firstName", o.firstName);
        a.put("lastName", o.lastName);
        a.put("name", o.firstName + " " + o.lastName);
        a.put("company", null);
        a.put("address1", o.address.firstLine());
        a.put("address2", o.address.secondLine());
        a.put("city", o.address.city());
        a.put("province", o.address.state());
        a.put("provinceCode", o.address.state());
        a.put("zip", o.address.zip());
        a.put("country", o.address.countryName());
        a.put("countryCodeV2", o.address.countryIso());
        a.put("phone", null);
        a.put("formatted", List.of(o.address.firstLine(), o.address.zip() + " " + o.address.city(),
                o.address.countryName()));
        return a;
    }

    public Map<String, Object> order(ShopifyOrder o) {
        synchronized (o) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("__typename", "Order");
            m.put("id", gid("Order", o.id));
            m.put("legacyResourceId", String.valueOf(o.id));
            m.put("name", o.name());
            m.put("email", o.email);
            m.put("phone", null);
            m.put("note", o.note);
            m.put("tags", List.of());
            m.put("test", false);
            m.put("closed", false);
            m.put("closedAt", null);
            m.put("confirmed", true);
            m.put("createdAt", time(o.createdAt));
            m.put("updatedAt", time(o.updatedAt));
            m.put("processedAt", time(o.createdAt));
            m.put("cancelledAt", time(o.cancelledAt));
            m.put("cancelReason", o.cancelReason);
            m.put("currencyCode", o.currency);
            m.put("presentmentCurrencyCode", o.currency);
            m.put("displayFinancialStatus", o.financialStatus);
            m.put("displayFulfillmentStatus", o.fulfillmentStatus());
            m.put("fullyPaid", "PAID".equals(o.financialStatus) || o.financialStatus.contains("REFUNDED"));
            m.put("unpaid", false);
            m.put("requiresShipping", true);
            m.put("subtotalPriceSet", bag(o.subtotal(), o.currency));
            m.put("totalPriceSet", bag(o.total(), o.currency));
            m.put("currentTotalPriceSet", bag(o.total().subtract(o.refunded), o.currency));
            m.put("totalShippingPriceSet", bag(o.shippingPrice, o.currency));
            m.put("totalTaxSet", bag(BigDecimal.ZERO, o.currency));
            m.put("totalDiscountsSet", bag(BigDecimal.ZERO, o.currency));
            m.put("totalRefundedSet", bag(o.refunded, o.currency));
            Map<String, Object> customer = new LinkedHashMap<>();
            customer.put("__typename", "Customer");
            customer.put("id", gid("Customer", o.customerId));
            customer.put("firstName", o.firstName);
            customer.put("lastName", o.lastName);
            customer.put("displayName", o.firstName + " " + o.lastName);
            customer.put("email", o.email);
            customer.put("phone", null);
            m.put("customer", customer);
            m.put("shippingAddress", address(o));
            Map<String, Object> shippingLine = new LinkedHashMap<>();
            shippingLine.put("__typename", "ShippingLine");
            shippingLine.put("id", gid("ShippingLine", o.id));
            shippingLine.put("title", io.oms.sandbox.generate.Generator.shippingMethod(o.id));
            shippingLine.put("code", io.oms.sandbox.generate.Generator.shippingMethod(o.id).toLowerCase(java.util.Locale.ROOT).replace(' ', '_'));
            shippingLine.put("source", "shopify");
            shippingLine.put("carrierIdentifier", null);
            shippingLine.put("custom", false);
            shippingLine.put("isRemoved", false);
            shippingLine.put("originalPriceSet", bag(o.shippingPrice, o.currency));
            shippingLine.put("discountedPriceSet", bag(o.shippingPrice, o.currency));
            m.put("shippingLine", shippingLine);
            m.put("billingAddress", address(o));
            List<ShopifyOrder.Line> lines = List.copyOf(o.lines);
            m.put("lineItems", (Resolver) env -> Connections.of(lines, env, ShopifyOrder.Line::id,
                    l -> lineItem(o, l)));
            m.put("fulfillmentOrders", (Resolver) env -> {
                List<ShopifyOrder.FulfillmentOrder> fos;
                synchronized (o) {
                    fos = List.copyOf(o.fulfillmentOrders);
                }
                return Connections.of(fos, env, fo -> fo.id, fo -> fulfillmentOrder(o, fo));
            });
            m.put("fulfillments", (Resolver) env -> {
                List<ShopifyOrder.Fulfillment> fs;
                synchronized (o) {
                    fs = List.copyOf(o.fulfillments);
                }
                Integer first = env.getArgument("first");
                return fs.stream().limit(first == null ? fs.size() : first).map(f -> fulfillment(o, f)).toList();
            });
            m.put("refunds", List.of());
            return m;
        }
    }

    Map<String, Object> lineItem(ShopifyOrder o, ShopifyOrder.Line l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "LineItem");
        m.put("id", gid("LineItem", l.id()));
        m.put("name", l.title() + ("Default Title".equals(l.variantTitle()) ? "" : " - " + l.variantTitle()));
        m.put("title", l.title());
        m.put("variantTitle", "Default Title".equals(l.variantTitle()) ? null : l.variantTitle());
        m.put("sku", l.sku());
        m.put("quantity", l.quantity());
        m.put("currentQuantity", o.cancelledAt == null ? l.quantity() : 0);
        int fulfilled;
        synchronized (o) {
            fulfilled = o.fulfillments.stream().flatMap(f -> f.lines().stream())
                    .filter(fl -> fl.lineId() == l.id()).mapToInt(ShopifyOrder.FulfilledLine::quantity).sum();
        }
        m.put("fulfillableQuantity", o.cancelledAt == null ? l.quantity() - fulfilled : 0);
        m.put("unfulfilledQuantity", l.quantity() - fulfilled);
        m.put("requiresShipping", true);
        m.put("taxable", true);
        m.put("vendor", "Sandbox Goods");
        m.put("originalUnitPriceSet", bag(l.unitPrice(), o.currency));
        m.put("discountedUnitPriceSet", bag(l.unitPrice(), o.currency));
        m.put("originalTotalSet", bag(l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())), o.currency));
        m.put("discountedTotalSet", bag(l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())), o.currency));
        m.put("variant", (Resolver) env -> {
            Catalog.Variant v = shop.catalog.variants.get(l.variantId());
            return v == null ? null : variant(v);
        });
        m.put("product", (Resolver) env -> {
            Catalog.Product p = shop.catalog.products.get(l.productId());
            return p == null ? null : product(p);
        });
        return m;
    }

    public Map<String, Object> fulfillmentOrder(ShopifyOrder o, ShopifyOrder.FulfillmentOrder fo) {
        synchronized (o) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("__typename", "FulfillmentOrder");
            m.put("id", gid("FulfillmentOrder", fo.id));
            m.put("status", fo.status);
            m.put("requestStatus", "UNSUBMITTED");
            m.put("createdAt", time(o.createdAt));
            m.put("updatedAt", time(fo.updatedAt));
            m.put("fulfillAt", time(o.createdAt));
            m.put("orderId", gid("Order", o.id));
            m.put("orderName", o.name());
            m.put("order", (Resolver) env -> order(o));
            Catalog.Location location = shop.catalog.locations.get(fo.locationId);
            Map<String, Object> assigned = new LinkedHashMap<>();
            assigned.put("__typename", "FulfillmentOrderAssignedLocation");
            assigned.put("name", location == null ? null : location.name());
            assigned.put("address1", location == null ? null : location.address1());
            assigned.put("city", location == null ? null : location.city());
            assigned.put("zip", location == null ? null : location.zip());
            assigned.put("countryCode", location == null ? "US" : location.countryCode());
            assigned.put("location", location == null ? null : location(location));
            m.put("assignedLocation", assigned);
            m.put("destination", Map.of("__typename", "FulfillmentOrderDestination",
                    "id", gid("FulfillmentOrderDestination", fo.id), "firstName", o.firstName,
                    "lastName", o.lastName, "city", o.address.city(), "countryCode", o.address.countryIso(),
                    "address1", o.address.firstLine(), "zip", o.address.zip()));
            m.put("supportedActions", "CLOSED".equals(fo.status) || "CANCELLED".equals(fo.status) ? List.of()
                    : List.of(Map.of("__typename", "FulfillmentOrderSupportedAction", "action",
                    "CREATE_FULFILLMENT")));
            List<ShopifyOrder.FoLine> lines = List.copyOf(fo.lines);
            m.put("lineItems", (Resolver) env -> Connections.of(lines, env, l -> l.id, l -> foLine(o, l)));
            return m;
        }
    }

    Map<String, Object> foLine(ShopifyOrder o, ShopifyOrder.FoLine fl) {
        ShopifyOrder.Line line = o.lines.stream().filter(l -> l.id() == fl.lineId).findFirst().orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "FulfillmentOrderLineItem");
        m.put("id", gid("FulfillmentOrderLineItem", fl.id));
        m.put("totalQuantity", fl.total);
        synchronized (o) {
            m.put("remainingQuantity", fl.remaining);
        }
        m.put("sku", line.sku());
        m.put("productTitle", line.title());
        m.put("variantTitle", line.variantTitle());
        m.put("inventoryItemId", gid("InventoryItem", line.inventoryItemId()));
        m.put("requiresShipping", true);
        m.put("lineItem", (Resolver) env -> lineItem(o, line));
        m.put("variant", (Resolver) env -> {
            Catalog.Variant v = shop.catalog.variants.get(line.variantId());
            return v == null ? null : variant(v);
        });
        return m;
    }

    public Map<String, Object> fulfillment(ShopifyOrder o, ShopifyOrder.Fulfillment f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "Fulfillment");
        m.put("id", gid("Fulfillment", f.id()));
        m.put("legacyResourceId", String.valueOf(f.id()));
        m.put("name", o.name() + "-F" + (o.fulfillments.indexOf(f) + 1));
        m.put("status", "SUCCESS");
        m.put("displayStatus", "FULFILLED");
        m.put("createdAt", time(f.createdAt()));
        m.put("updatedAt", time(f.createdAt()));
        m.put("totalQuantity", f.lines().stream().mapToInt(ShopifyOrder.FulfilledLine::quantity).sum());
        m.put("trackingInfo", (Resolver) env -> {
            Integer first = env.getArgument("first");
            return f.tracking().stream().limit(first == null ? Long.MAX_VALUE : first)
                    .map(t -> {
                        Map<String, Object> tm = new LinkedHashMap<>();
                        tm.put("__typename", "FulfillmentTrackingInfo");
                        tm.put("company", t.company());
                        tm.put("number", t.number());
                        tm.put("url", t.url());
                        return tm;
                    }).toList();
        });
        Catalog.Location location = shop.catalog.locations.get(f.locationId());
        m.put("location", location == null ? null : location(location));
        m.put("order", (Resolver) env -> order(o));
        m.put("fulfillmentLineItems", (Resolver) env -> Connections.of(f.lines(), env,
                ShopifyOrder.FulfilledLine::lineId, fl -> {
                    Map<String, Object> lm = new LinkedHashMap<>();
                    lm.put("__typename", "FulfillmentLineItem");
                    lm.put("id", gid("FulfillmentLineItem", fl.lineId() + f.id()));
                    lm.put("quantity", fl.quantity());
                    ShopifyOrder.Line line = o.lines.stream().filter(l -> l.id() == fl.lineId()).findFirst()
                            .orElseThrow();
                    lm.put("lineItem", lineItem(o, line));
                    return lm;
                }));
        return m;
    }

    public Map<String, Object> webhook(WebhookSubscription w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "WebhookSubscription");
        m.put("id", gid("WebhookSubscription", w.id()));
        m.put("legacyResourceId", String.valueOf(w.id()));
        m.put("topic", w.topic());
        m.put("format", w.format());
        m.put("callbackUrl", w.callbackUrl());
        m.put("endpoint", Map.of("__typename", "WebhookHttpEndpoint", "callbackUrl", w.callbackUrl()));
        m.put("includeFields", List.of());
        m.put("metafieldNamespaces", List.of());
        m.put("filter", null);
        m.put("apiVersion", Map.of("__typename", "ApiVersion", "handle", "2025-01", "displayName", "2025-01",
                "supported", true));
        m.put("createdAt", time(w.createdAt()));
        m.put("updatedAt", time(w.createdAt()));
        return m;
    }
}
