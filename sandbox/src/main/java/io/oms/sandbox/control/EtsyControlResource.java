package io.oms.sandbox.control;

import io.oms.sandbox.SandboxClock;
import io.oms.sandbox.etsy.EtsyShop;
import io.oms.sandbox.etsy.EtsyStore;
import io.oms.sandbox.etsy.oauth.TokenService;
import io.oms.sandbox.etsy.ratelimit.EtsyRateLimiter;
import io.oms.sandbox.etsy.receipts.EtsyReceipt;
import io.oms.sandbox.faults.Faults;
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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The control API for sandbox Etsy shops (not part of Etsy's API). */
@Path("/sandbox/etsy/shops")
@Produces(MediaType.APPLICATION_JSON)
public class EtsyControlResource {

    /** Body of {@code POST .../receipts}; with {@code spreadDays} the receipts were created over that many past days. */
    public record ReceiptsRequest(Integer count, String currency, Long seed, Integer spreadDays) {
    }

    /** Body of {@code POST .../refund}; without an amount the whole receipt is refunded. */
    public record RefundRequest(BigDecimal amount, String reason) {
    }

    /**
     * Body of {@code PUT .../limits}; {@code accessTokenLifetimeSeconds} shortens the shop's access tokens (0: back to
     * {@code sandbox.etsy.access-token-lifetime}), so a connector meets expiring tokens as often as a test wants.
     */
    public record LimitsRequest(Integer limitPerSecond, Integer limitPerDay, Integer accessTokenLifetimeSeconds) {
    }

    /** A creation answer lists at most this many of what it created; total counts all. */
    static final int LISTED = 1000;

    private final EtsyStore store;
    private final TokenService tokens;
    private final EtsyRateLimiter limiter;
    private final SandboxClock clock;

    public EtsyControlResource(EtsyStore store, TokenService tokens, EtsyRateLimiter limiter, SandboxClock clock) {
        this.store = store;
        this.tokens = tokens;
        this.limiter = limiter;
        this.clock = clock;
    }

    @POST
    public Response create(EtsyStore.ShopSpec spec) {
        EtsyShop shop = store.createShop(spec == null ? new EtsyStore.ShopSpec(null, null, null, null, null, null,
                null) : spec);
        TokenService.Grant grant = tokens.issue(shop.keystring, shop.shopId, shop.userId, TokenService.ALL_SCOPES);
        Map<String, Object> body = describe(shop);
        body.put("refreshToken", grant.refresh().value);
        body.put("accessToken", grant.access().value);
        return Response.status(201).entity(body).build();
    }

    @GET
    public Map<String, Object> list() {
        List<Map<String, Object>> items = store.shops().stream().map(this::describe).toList();
        return Map.of("items", items, "total", items.size());
    }

    @GET
    @Path("{shopId}")
    public Map<String, Object> get(@PathParam("shopId") long shopId) {
        return describe(shop(shopId));
    }

    @DELETE
    @Path("{shopId}")
    public Response delete(@PathParam("shopId") long shopId) {
        shop(shopId);
        store.remove(shopId);
        tokens.forgetShop(shopId);
        return Response.noContent().build();
    }

    /** A fresh token pair for the shop's owner, with every scope. */
    @POST
    @Path("{shopId}/tokens")
    public Map<String, Object> newTokens(@PathParam("shopId") long shopId) {
        EtsyShop shop = shop(shopId);
        TokenService.Grant grant = tokens.issue(shop.keystring, shop.shopId, shop.userId, TokenService.ALL_SCOPES);
        return Map.of("accessToken", grant.access().value, "refreshToken", grant.refresh().value);
    }

    @POST
    @Path("{shopId}/receipts")
    public Response createReceipts(@PathParam("shopId") long shopId, ReceiptsRequest request) {
        EtsyShop shop = shop(shopId);
        int count = request == null || request.count() == null ? 1 : request.count();
        if (count < 1 || count > 200_000) {
            throw new WebApplicationException(problem(400, "count must be between 1 and 200000"));
        }
        List<EtsyReceipt> created;
        try {
            created = store.createReceipts(shop, count, request == null ? null : request.currency(),
                    request == null ? null : request.seed(),
                    Duration.ofDays(request == null || request.spreadDays() == null ? 0 : Math.max(0, request.spreadDays())));
        } catch (IllegalArgumentException e) {
            throw new WebApplicationException(problem(409, e.getMessage()));
        }
        List<Map<String, Object>> items = created.stream().limit(LISTED).map(r -> Map.<String, Object>of("receiptId", r.receiptId,
                "lines", r.transactions.size(), "grandTotal", r.grandTotal(), "currency", r.currency)).toList();
        return Response.status(201).entity(Map.of("items", items, "total", created.size())).build();
    }

    @GET
    @Path("{shopId}/receipts")
    public Map<String, Object> receipts(@PathParam("shopId") long shopId, @QueryParam("limit") Integer limit) {
        EtsyShop shop = shop(shopId);
        List<Map<String, Object>> items = shop.receipts.descendingMap().values().stream()
                .limit(limit == null ? 100 : limit)
                .map(r -> Map.<String, Object>of("receiptId", r.receiptId, "status", r.status, "shipped", r.shipped))
                .toList();
        return Map.of("items", items, "total", shop.receipts.size());
    }

    /** The buyer cancels: status canceled, updated_timestamp moves. */
    @POST
    @Path("{shopId}/receipts/{receiptId}/cancel")
    public Map<String, Object> cancel(@PathParam("shopId") long shopId, @PathParam("receiptId") long receiptId) {
        EtsyReceipt r = receipt(shopId, receiptId);
        synchronized (r) {
            r.status = "canceled";
            r.updatedAt = clock.instant();
        }
        return Map.of("receiptId", receiptId, "status", r.status);
    }

    /** A refund: status fully/partially refunded; as on Etsy, updated_timestamp does not move. */
    @POST
    @Path("{shopId}/receipts/{receiptId}/refund")
    public Map<String, Object> refund(@PathParam("shopId") long shopId, @PathParam("receiptId") long receiptId,
                                      RefundRequest request) {
        EtsyReceipt r = receipt(shopId, receiptId);
        synchronized (r) {
            BigDecimal amount = request == null || request.amount() == null ? r.grandTotal() : request.amount();
            r.refunds.add(new EtsyReceipt.Refund(amount, clock.instant(),
                    request == null || request.reason() == null ? "Buyer request" : request.reason()));
            BigDecimal refunded = r.refunds.stream().map(EtsyReceipt.Refund::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            r.status = refunded.compareTo(r.grandTotal()) >= 0 ? "fully refunded" : "partially refunded";
        }
        return Map.of("receiptId", receiptId, "status", r.status);
    }

    /**
     * What the shop shows for each SKU (the quantity of its product's enabled offerings), read without a token and
     * outside the rate limit: a benchmark watches a thousand listings without spending the connector's budget.
     */
    @GET
    @Path("{shopId}/stock")
    public Map<String, Object> stock(@PathParam("shopId") long shopId) {
        Map<String, Integer> quantities = new java.util.TreeMap<>();
        for (var listing : shop(shopId).listings.values()) {
            synchronized (listing) {
                for (var product : listing.products) {
                    if (product.sku() != null && !product.sku().isEmpty()) {
                        quantities.merge(product.sku(), product.offerings().stream().filter(o -> o.enabled())
                                .mapToInt(o -> o.quantity()).sum(), Integer::sum);
                    }
                }
            }
        }
        return Map.of("items", quantities, "total", quantities.size());
    }

    @GET
    @Path("{shopId}/calls")
    public Map<String, Object> calls(@PathParam("shopId") long shopId, @QueryParam("limit") Integer limit) {
        EtsyShop shop = shop(shopId);
        return Map.of("items", shop.calls.latest(limit == null ? 1000 : limit), "total", shop.calls.total());
    }

    @PUT
    @Path("{shopId}/faults")
    public Faults faults(@PathParam("shopId") long shopId, Faults faults) {
        EtsyShop shop = shop(shopId);
        shop.faults = faults == null ? Faults.NONE : faults.normalised();
        return shop.faults;
    }

    @GET
    @Path("{shopId}/faults")
    public Faults faults(@PathParam("shopId") long shopId) {
        return shop(shopId).faults;
    }

    @PUT
    @Path("{shopId}/limits")
    public Map<String, Object> limits(@PathParam("shopId") long shopId, LimitsRequest limits) {
        EtsyShop shop = shop(shopId);
        if (limits != null && limits.limitPerSecond() != null) {
            shop.limitPerSecond = limits.limitPerSecond();
        }
        if (limits != null && limits.limitPerDay() != null) {
            shop.limitPerDay = limits.limitPerDay();
        }
        if (limits != null && limits.accessTokenLifetimeSeconds() != null) {
            int seconds = limits.accessTokenLifetimeSeconds();
            tokens.accessTokenLifetime(shopId, seconds <= 0 ? null : Duration.ofSeconds(seconds));
        }
        return Map.of("limitPerSecond", shop.limitPerSecond, "limitPerDay", shop.limitPerDay,
                "accessTokenLifetimeSeconds", tokens.accessTokenLifetime(shopId).toSeconds());
    }

    /** Clears the shop's faults, call log and rate windows; keeps listings, receipts and tokens. */
    @POST
    @Path("{shopId}/reset")
    public Map<String, Object> reset(@PathParam("shopId") long shopId) {
        EtsyShop shop = shop(shopId);
        shop.faults = Faults.NONE;
        shop.calls.clear();
        limiter.clearShop(shop.userId, shop.keystring);
        return describe(shop);
    }

    private Map<String, Object> describe(EtsyShop shop) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shopId", shop.shopId);
        m.put("userId", shop.userId);
        m.put("name", shop.shopName);
        m.put("keystring", shop.keystring);
        m.put("sharedSecret", shop.sharedSecret);
        m.put("apiKey", shop.keystring + ":" + shop.sharedSecret);
        m.put("currency", shop.currency);
        m.put("shippingProfileId", shop.shippingProfileId);
        m.put("limitPerSecond", shop.limitPerSecond);
        m.put("limitPerDay", shop.limitPerDay);
        m.put("listingIds", List.copyOf(shop.listings.keySet()));
        m.put("receipts", shop.receipts.size());
        m.put("faults", shop.faults);
        return m;
    }

    private EtsyShop shop(long shopId) {
        return store.shop(shopId).orElseThrow(() -> new NotFoundException(problem(404, "no sandbox Etsy shop "
                + shopId)));
    }

    private EtsyReceipt receipt(long shopId, long receiptId) {
        EtsyReceipt r = shop(shopId).receipts.get(receiptId);
        if (r == null) {
            throw new NotFoundException(problem(404, "no receipt " + receiptId + " in shop " + shopId));
        }
        return r;
    }

    static Response problem(int status, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("title", Response.Status.fromStatusCode(status) == null ? "Error"
                        : Response.Status.fromStatusCode(status).getReasonPhrase(), "status", status,
                        "detail", detail)).build();
    }
}
