package io.oms.sandbox.control;

import io.oms.sandbox.SandboxClock;
import io.oms.sandbox.faults.Faults;
import io.oms.sandbox.shopify.ShopifyShop;
import io.oms.sandbox.shopify.ShopifyStore;
import io.oms.sandbox.shopify.orders.OrderEvents;
import io.oms.sandbox.shopify.orders.ShopifyOrder;
import io.oms.sandbox.shopify.webhooks.WebhookSender;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The control API for sandbox Shopify stores (not part of Shopify's API). Stores are named by their domain. */
@Path("/sandbox/shopify/shops")
@Produces(MediaType.APPLICATION_JSON)
public class ShopifyControlResource {

    /** Body of {@code POST .../orders}. */
    public record OrdersRequest(Integer count, String currency, Long seed) {
    }

    /** Body of {@code POST .../refund}; without an amount the whole order is refunded. */
    public record RefundRequest(BigDecimal amount) {
    }

    /** Body of {@code PUT .../limits}. */
    public record LimitsRequest(Double bucketSize, Double restoreRate) {
    }

    /** A creation answer lists at most this many of what it created; total counts all. */
    static final int LISTED = 1000;

    private final ShopifyStore store;
    private final OrderEvents events;
    private final WebhookSender webhooks;
    private final SandboxClock clock;

    public ShopifyControlResource(ShopifyStore store, OrderEvents events, WebhookSender webhooks,
                                  SandboxClock clock) {
        this.store = store;
        this.events = events;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @POST
    public Response create(ShopifyStore.StoreSpec spec) {
        ShopifyShop shop = store.createShop(spec == null
                ? new ShopifyStore.StoreSpec(null, null, null, null, null, null, null, null) : spec);
        return Response.status(201).entity(describe(shop)).build();
    }

    @GET
    public Map<String, Object> list() {
        List<Map<String, Object>> items = store.shops().stream().map(this::describe).toList();
        return Map.of("items", items, "total", items.size());
    }

    @GET
    @Path("{domain}")
    public Map<String, Object> get(@PathParam("domain") String domain) {
        return describe(shop(domain));
    }

    @DELETE
    @Path("{domain}")
    public Response delete(@PathParam("domain") String domain) {
        store.remove(shop(domain).domain);
        return Response.noContent().build();
    }

    /** Creates paid, unfulfilled orders; sends orders/create to subscribers. */
    @POST
    @Path("{domain}/orders")
    public Response createOrders(@PathParam("domain") String domain, OrdersRequest request) {
        ShopifyShop shop = shop(domain);
        int count = request == null || request.count() == null ? 1 : request.count();
        if (count < 1 || count > 200_000) {
            throw new WebApplicationException(EtsyControlResource.problem(400, "count must be between 1 and 200000"));
        }
        List<ShopifyOrder> created;
        try {
            created = store.createOrders(shop, count, request == null ? null : request.currency(),
                    request == null ? null : request.seed());
        } catch (IllegalArgumentException e) {
            throw new WebApplicationException(EtsyControlResource.problem(409, e.getMessage()));
        }
        if (!shop.webhooks.isEmpty()) {
            created.forEach(o -> events.created(shop, o));
        }
        List<Map<String, Object>> items = created.stream().limit(LISTED).map(this::summary).toList();
        return Response.status(201).entity(Map.of("items", items, "total", created.size())).build();
    }

    @GET
    @Path("{domain}/orders")
    public Map<String, Object> orders(@PathParam("domain") String domain, @QueryParam("limit") Integer limit) {
        ShopifyShop shop = shop(domain);
        List<Map<String, Object>> items = shop.orders.descendingMap().values().stream()
                .limit(limit == null ? 100 : limit).map(this::summary).toList();
        return Map.of("items", items, "total", shop.orders.size());
    }

    /** The buyer (or staff) cancels: cancelledAt set; orders/cancelled and orders/updated sent. */
    @POST
    @Path("{domain}/orders/{orderId}/cancel")
    public Map<String, Object> cancel(@PathParam("domain") String domain, @PathParam("orderId") String orderId) {
        ShopifyShop shop = shop(domain);
        ShopifyOrder o = order(shop, orderId);
        synchronized (o) {
            if (o.cancelledAt == null) {
                o.cancelledAt = clock.instant();
                o.cancelReason = "CUSTOMER";
                o.updatedAt = clock.instant();
                o.fulfillmentOrders.forEach(fo -> {
                    if (!"CLOSED".equals(fo.status)) {
                        fo.status = "CANCELLED";
                    }
                });
            }
        }
        events.cancelled(shop, o);
        return summary(o);
    }

    /** A refund: financial status REFUNDED or PARTIALLY_REFUNDED; orders/updated sent. */
    @POST
    @Path("{domain}/orders/{orderId}/refund")
    public Map<String, Object> refund(@PathParam("domain") String domain, @PathParam("orderId") String orderId,
                                      RefundRequest request) {
        ShopifyShop shop = shop(domain);
        ShopifyOrder o = order(shop, orderId);
        synchronized (o) {
            BigDecimal amount = request == null || request.amount() == null ? o.total().subtract(o.refunded)
                    : request.amount();
            o.refunded = o.refunded.add(amount);
            o.financialStatus = o.refunded.compareTo(o.total()) >= 0 ? "REFUNDED" : "PARTIALLY_REFUNDED";
            o.updatedAt = clock.instant();
        }
        events.updated(shop, o);
        return summary(o);
    }

    /** An edit (a note change) that moves updatedAt and sends orders/updated. */
    @POST
    @Path("{domain}/orders/{orderId}/touch")
    public Map<String, Object> touch(@PathParam("domain") String domain, @PathParam("orderId") String orderId) {
        ShopifyShop shop = shop(domain);
        ShopifyOrder o = order(shop, orderId);
        synchronized (o) {
            o.note = "Edited at " + clock.instant();
            o.updatedAt = clock.instant();
        }
        events.updated(shop, o);
        return summary(o);
    }

    /** SKU → "available" over the store's locations, read outside the cost budget (see the Etsy twin). */
    @GET
    @Path("{domain}/stock")
    public Map<String, Object> stock(@PathParam("domain") String domain) {
        ShopifyShop shop = shop(domain);
        Map<String, Integer> quantities = new java.util.TreeMap<>();
        for (var variant : shop.catalog.variants.values()) {
            if (variant.sku() != null && !variant.sku().isEmpty()) {
                quantities.merge(variant.sku(), shop.catalog.totalAvailable(variant.inventoryItemId()), Integer::sum);
            }
        }
        return Map.of("items", quantities, "total", quantities.size());
    }

    @GET
    @Path("{domain}/calls")
    public Map<String, Object> calls(@PathParam("domain") String domain, @QueryParam("limit") Integer limit) {
        ShopifyShop shop = shop(domain);
        return Map.of("items", shop.calls.latest(limit == null ? 1000 : limit), "total", shop.calls.total());
    }

    @GET
    @Path("{domain}/webhooks")
    public Map<String, Object> deliveries(@PathParam("domain") String domain) {
        ShopifyShop shop = shop(domain);
        List<WebhookSender.Attempt> attempts = webhooks.attempts(shop.domain);
        return Map.of("items", attempts, "total", attempts.size());
    }

    @PUT
    @Path("{domain}/faults")
    public Faults faults(@PathParam("domain") String domain, Faults faults) {
        ShopifyShop shop = shop(domain);
        shop.faults = faults == null ? Faults.NONE : faults.normalised();
        return shop.faults;
    }

    @GET
    @Path("{domain}/faults")
    public Faults faults(@PathParam("domain") String domain) {
        return shop(domain).faults;
    }

    @PUT
    @Path("{domain}/limits")
    public Map<String, Object> limits(@PathParam("domain") String domain, LimitsRequest limits) {
        ShopifyShop shop = shop(domain);
        shop.bucket.configure(limits == null ? null : limits.bucketSize(),
                limits == null ? null : limits.restoreRate());
        return Map.of("throttleStatus", shop.bucket.status());
    }

    /** Clears faults and the call log and refills the bucket; keeps products, orders and subscriptions. */
    @POST
    @Path("{domain}/reset")
    public Map<String, Object> reset(@PathParam("domain") String domain) {
        ShopifyShop shop = shop(domain);
        shop.faults = Faults.NONE;
        shop.calls.clear();
        shop.bucket.fill();
        return describe(shop);
    }

    private Map<String, Object> summary(ShopifyOrder o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "gid://shopify/Order/" + o.id);
        m.put("legacyResourceId", o.id);
        m.put("name", o.name());
        m.put("financialStatus", o.financialStatus);
        m.put("fulfillmentStatus", o.fulfillmentStatus());
        m.put("cancelled", o.cancelledAt != null);
        m.put("total", o.total());
        m.put("currency", o.currency);
        m.put("lines", o.lines.size());
        return m;
    }

    private Map<String, Object> describe(ShopifyShop shop) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", shop.domain);
        m.put("name", shop.name);
        m.put("accessToken", shop.accessToken);
        m.put("clientId", shop.clientId);
        m.put("clientSecret", shop.clientSecret);
        m.put("apiSecret", shop.clientSecret);
        m.put("currency", shop.currency);
        m.put("locationIds", shop.catalog.locations.keySet().stream()
                .map(id -> "gid://shopify/Location/" + id).toList());
        m.put("skus", shop.catalog.variants.values().stream().map(v -> v.sku()).toList());
        m.put("orders", shop.orders.size());
        m.put("throttleStatus", shop.bucket.status());
        m.put("faults", shop.faults);
        return m;
    }

    private ShopifyShop shop(String domain) {
        String d = domain.contains(".") ? domain : domain + ".myshopify.com";
        return store.shop(d).orElseThrow(() -> new NotFoundException(EtsyControlResource.problem(404,
                "no sandbox Shopify store " + domain)));
    }

    private static ShopifyOrder order(ShopifyShop shop, String orderId) {
        String id = orderId.substring(orderId.lastIndexOf('/') + 1);
        ShopifyOrder o;
        try {
            o = shop.orders.get(Long.parseLong(id));
        } catch (NumberFormatException e) {
            o = null;
        }
        if (o == null) {
            throw new NotFoundException(EtsyControlResource.problem(404, "no order " + orderId + " in "
                    + shop.domain));
        }
        return o;
    }
}
