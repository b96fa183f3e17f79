package io.oms.sandbox.shopify.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.oms.sandbox.SandboxClock;
import io.oms.sandbox.shopify.ShopifyShop;
import io.oms.sandbox.shopify.ShopifyStore;
import io.oms.sandbox.shopify.inventory.Catalog;
import io.oms.sandbox.shopify.inventory.InventoryMutations;
import io.oms.sandbox.shopify.orders.FulfillmentMutations;
import io.oms.sandbox.shopify.orders.ShopifyOrder;
import io.oms.sandbox.shopify.webhooks.WebhookSubscription;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The root object of a GraphQL call for one store: every QueryRoot and Mutation field the sandbox serves. */
@Singleton
public class RootFields {

    private final SandboxClock clock;
    private final ShopifyStore store;
    private final FulfillmentMutations fulfillments;
    private final InventoryMutations inventory;

    public RootFields(SandboxClock clock, ShopifyStore store, FulfillmentMutations fulfillments,
                      InventoryMutations inventory) {
        this.clock = clock;
        this.store = store;
        this.fulfillments = fulfillments;
        this.inventory = inventory;
    }

    public Map<String, Object> root(ShopifyShop shop) {
        Views v = new Views(shop);
        Map<String, Object> root = new HashMap<>();
        root.put("shop", (Resolver) env -> v.shopView());
        root.put("orders", (Resolver) env -> Connections.of(orders(shop, env), env, o -> o.id, v::order));
        root.put("order", (Resolver) env -> {
            ShopifyOrder o = shop.orders.get(Views.idOf(env.getArgument("id")));
            return o == null ? null : v.order(o);
        });
        root.put("fulfillmentOrders", (Resolver) env -> {
            boolean includeClosed = Boolean.TRUE.equals(env.getArgument("includeClosed"));
            List<Map.Entry<ShopifyOrder, ShopifyOrder.FulfillmentOrder>> fos = new ArrayList<>();
            for (ShopifyOrder o : shop.orders.values()) {
                synchronized (o) {
                    o.fulfillmentOrders.stream().filter(fo -> includeClosed || !"CLOSED".equals(fo.status)
                            && !"CANCELLED".equals(fo.status)).forEach(fo -> fos.add(Map.entry(o, fo)));
                }
            }
            return Connections.of(fos, env, e -> e.getValue().id, e -> v.fulfillmentOrder(e.getKey(), e.getValue()));
        });
        root.put("fulfillmentOrder", (Resolver) env -> {
            long id = Views.idOf(env.getArgument("id"));
            for (ShopifyOrder o : shop.orders.values()) {
                for (ShopifyOrder.FulfillmentOrder fo : o.fulfillmentOrders) {
                    if (fo.id == id) {
                        return v.fulfillmentOrder(o, fo);
                    }
                }
            }
            return null;
        });
        root.put("locations", (Resolver) env -> Connections.of(
                new ArrayList<>(shop.catalog.locations.values()), env, Catalog.Location::id, v::location));
        root.put("location", (Resolver) env -> {
            Object id = env.getArgument("id");
            Catalog.Location l = id == null ? shop.catalog.locations.firstEntry().getValue()
                    : shop.catalog.locations.get(Views.idOf(id));
            return l == null ? null : v.location(l);
        });
        root.put("productVariants", (Resolver) env -> Connections.of(
                variants(shop, env.getArgument("query"), env.getArgument("reverse")), env, Catalog.Variant::id,
                v::variant));
        root.put("productVariant", (Resolver) env -> {
            Catalog.Variant pv = shop.catalog.variants.get(Views.idOf(env.getArgument("id")));
            return pv == null ? null : v.variant(pv);
        });
        root.put("inventoryItems", (Resolver) env -> Connections.of(
                variants(shop, env.getArgument("query"), env.getArgument("reverse")), env,
                Catalog.Variant::inventoryItemId, v::inventoryItem));
        root.put("inventoryItem", (Resolver) env -> shop.catalog.itemOf(Views.idOf(env.getArgument("id")))
                .map(v::inventoryItem).orElse(null));
        root.put("products", (Resolver) env -> {
            List<SearchQuery.Term> terms = SearchQuery.parse(env.getArgument("query"));
            List<Catalog.Product> products = new ArrayList<>(shop.catalog.products.values().stream()
                    .filter(p -> terms.stream().allMatch(t -> switch (t.field()) {
                        case "title" -> p.title().toLowerCase().contains(t.value().toLowerCase());
                        case "sku" -> p.variantIds().stream().anyMatch(id ->
                                t.value().equals(shop.catalog.variants.get(id).sku()));
                        case "updated_at", "created_at" -> t.compare(p.createdAt());
                        default -> true;
                    })).toList());
            if (Boolean.TRUE.equals(env.getArgument("reverse"))) {
                java.util.Collections.reverse(products);
            }
            return Connections.of(products, env, Catalog.Product::id, v::product);
        });
        root.put("product", (Resolver) env -> {
            Catalog.Product p = shop.catalog.products.get(Views.idOf(env.getArgument("id")));
            return p == null ? null : v.product(p);
        });
        root.put("webhookSubscriptions", (Resolver) env -> {
            List<String> topics = env.getArgument("topics");
            List<WebhookSubscription> subs = shop.webhooks.stream()
                    .filter(w -> topics == null || topics.contains(w.topic())).toList();
            return Connections.of(subs, env, WebhookSubscription::id, v::webhook);
        });
        // mutations
        root.put("fulfillmentCreate", (Resolver) env -> fulfillments.create(shop, v, env.getArgument("fulfillment")));
        root.put("inventorySetQuantities", (Resolver) env -> inventory.set(shop, env.getArgument("input")));
        root.put("productUpdate", (Resolver) env -> productUpdate(shop, v, env.getArgument("product")));
        root.put("webhookSubscriptionCreate", (Resolver) env -> webhookCreate(shop, v, env));
        root.put("webhookSubscriptionDelete", (Resolver) env -> {
            long id = Views.idOf(env.getArgument("id"));
            boolean removed = shop.webhooks.removeIf(w -> w.id() == id);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("deletedWebhookSubscriptionId", removed ? Views.gid("WebhookSubscription", id) : null);
            payload.put("userErrors", removed ? List.of() : List.of(userError(List.of("id"),
                    "Webhook subscription does not exist")));
            return payload;
        });
        return root;
    }

    private Map<String, Object> webhookCreate(ShopifyShop shop, Views v, DataFetchingEnvironment env) {
        String topic = env.getArgument("topic");
        Map<String, Object> input = env.getArgument("webhookSubscription");
        Object callback = input == null ? null : input.get("callbackUrl");
        Map<String, Object> payload = new LinkedHashMap<>();
        if (callback == null || !String.valueOf(callback).matches("https?://.+")) {
            payload.put("webhookSubscription", null);
            payload.put("userErrors", List.of(userError(List.of("webhookSubscription", "callbackUrl"),
                    "Address is invalid")));
            return payload;
        }
        boolean exists = shop.webhooks.stream().anyMatch(w -> w.topic().equals(topic)
                && w.callbackUrl().equals(String.valueOf(callback)));
        if (exists) {
            payload.put("webhookSubscription", null);
            payload.put("userErrors", List.of(userError(List.of("webhookSubscription", "callbackUrl"),
                    "Address for this topic has already been taken")));
            return payload;
        }
        WebhookSubscription sub = new WebhookSubscription(store.nextId(), topic, String.valueOf(callback),
                input.get("format") == null ? "JSON" : String.valueOf(input.get("format")), clock.instant());
        shop.webhooks.add(sub);
        payload.put("webhookSubscription", v.webhook(sub));
        payload.put("userErrors", List.of());
        return payload;
    }

    /** productUpdate(product:): the sandbox keeps only the status; other fields are accepted and left as they are. */
    private Map<String, Object> productUpdate(ShopifyShop shop, Views v, Map<String, Object> input) {
        Map<String, Object> payload = new LinkedHashMap<>();
        Object id = input == null ? null : input.get("id");
        Catalog.Product p = id == null ? null : shop.catalog.products.get(Views.idOf(id));
        if (p == null) {
            payload.put("product", null);
            payload.put("userErrors", List.of(userError(List.of("id"), "Product does not exist")));
            return payload;
        }
        if (input.get("status") != null) {
            shop.catalog.productStatus.put(p.id(), String.valueOf(input.get("status")));
        }
        payload.put("product", v.product(p));
        payload.put("userErrors", List.of());
        return payload;
    }

    public static Map<String, Object> userError(List<String> field, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("__typename", "UserError");
        e.put("field", field);
        e.put("message", message);
        return e;
    }

    private List<Catalog.Variant> variants(ShopifyShop shop, String query, Boolean reverse) {
        List<SearchQuery.Term> terms = SearchQuery.parse(query);
        List<Catalog.Variant> out = new ArrayList<>(shop.catalog.variants.values().stream()
                .filter(pv -> terms.stream().allMatch(t -> switch (t.field()) {
                    case "sku" -> t.value().equals(pv.sku());
                    case "product_id" -> pv.productId() == Long.parseLong(t.value());
                    case "id" -> t.compare(pv.id());
                    case "title" -> pv.title().toLowerCase().contains(t.value().toLowerCase());
                    default -> true;
                })).toList());
        if (Boolean.TRUE.equals(reverse)) {
            java.util.Collections.reverse(out);
        }
        return out;
    }

    /** orders(query:, sortKey:, reverse:) over the store's orders. */
    private List<ShopifyOrder> orders(ShopifyShop shop, DataFetchingEnvironment env) {
        Predicate<ShopifyOrder> filter = o -> true;
        for (SearchQuery.Term t : SearchQuery.parse(env.getArgument("query"))) {
            String value = t.value().toLowerCase();
            Predicate<ShopifyOrder> p = switch (t.field()) {
                case "updated_at" -> o -> t.compare(o.updatedAt);
                case "created_at" -> o -> t.compare(o.createdAt);
                case "processed_at" -> o -> t.compare(o.createdAt);
                case "id" -> o -> t.compare(o.id);
                case "name" -> o -> o.name().equalsIgnoreCase(value.startsWith("#") ? value : "#" + value);
                case "status" -> switch (value) {
                    case "open" -> o -> o.cancelledAt == null;
                    case "cancelled" -> o -> o.cancelledAt != null;
                    case "closed" -> o -> false;
                    default -> o -> true;
                };
                case "financial_status" -> o -> value.equals("any") || o.financialStatus.equalsIgnoreCase(value);
                case "fulfillment_status" -> switch (value) {
                    case "unshipped", "unfulfilled" -> o -> "UNFULFILLED".equals(o.fulfillmentStatus());
                    case "shipped", "fulfilled" -> o -> "FULFILLED".equals(o.fulfillmentStatus());
                    case "partial" -> o -> "PARTIALLY_FULFILLED".equals(o.fulfillmentStatus());
                    default -> o -> true;
                };
                case "sku" -> o -> o.lines.stream().anyMatch(l -> t.value().equals(l.sku()));
                case "email" -> o -> value.equalsIgnoreCase(o.email);
                default -> o -> true;
            };
            filter = filter.and(p);
        }
        String sortKey = env.getArgument("sortKey");
        Comparator<ShopifyOrder> cmp = switch (sortKey == null ? "ID" : sortKey) {
            case "UPDATED_AT" -> Comparator.comparing((ShopifyOrder o) -> o.updatedAt);
            case "CREATED_AT", "PROCESSED_AT" -> Comparator.comparing((ShopifyOrder o) -> o.createdAt);
            case "ORDER_NUMBER" -> Comparator.comparingInt((ShopifyOrder o) -> o.number);
            case "TOTAL_PRICE" -> Comparator.comparing(ShopifyOrder::total);
            default -> Comparator.comparingLong((ShopifyOrder o) -> o.id);
        };
        cmp = cmp.thenComparingLong(o -> o.id);
        if (Boolean.TRUE.equals(env.getArgument("reverse"))) {
            cmp = cmp.reversed();
        }
        return shop.orders.values().stream().filter(filter).sorted(cmp).toList();
    }
}
