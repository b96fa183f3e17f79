package io.oms.channel.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.oms.channel.core.crypto.Credentials;
import io.oms.channel.core.marketplace.ConnectRequest;
import io.oms.channel.core.marketplace.ConnectedShop;
import io.oms.channel.core.marketplace.ConnectionCheck;
import io.oms.channel.core.marketplace.FetchedOrder;
import io.oms.channel.core.marketplace.MarketplaceChannel;
import io.oms.channel.core.marketplace.MarketplaceRefusal;
import io.oms.channel.core.marketplace.OrderPage;
import io.oms.channel.core.marketplace.OrderQuery;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.shop.ShopCredentials;
import io.oms.channel.shopify.client.AccessScopes;
import io.oms.channel.shopify.client.ShopifyClient;
import io.oms.channel.shopify.client.ShopifyDocuments;
import io.oms.channel.shopify.config.ShopifyConfig;
import io.oms.channel.shopify.orders.OrderMapper;
import io.oms.channel.shopify.webhooks.WebhookSubscriptions;
import io.oms.events.Channel;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Shopify as a channel of the connector core: a shop is its {@code *.myshopify.com} domain with an Admin API
 * access token (custom app) or a client id and secret (client-credentials grant); orders are read with the Admin
 * GraphQL API, by update for cursor syncs and by creation for time frames.
 */
@ApplicationScoped
public class ShopifyChannel implements MarketplaceChannel {

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");

    private final ShopifyClient client;
    private final ShopCredentials credentials;
    private final ShopifyConfig config;
    private final WebhookSubscriptions webhooks;

    public ShopifyChannel(ShopifyClient client, ShopCredentials credentials, ShopifyConfig config, WebhookSubscriptions webhooks) {
        this.client = client;
        this.credentials = credentials;
        this.config = config;
        this.webhooks = webhooks;
    }

    @Override
    public Channel channel() {
        return Channel.SHOPIFY;
    }

    /**
     * Body: {@code domain} ({@code name.myshopify.com}) and either {@code accessToken} with {@code apiSecret} (the
     * custom app's API secret key, which signs webhooks) or {@code clientId} and {@code clientSecret}. The shop must
     * answer with these credentials and grant every needed scope it reports; then its webhooks are subscribed.
     */
    @Override
    public ConnectedShop connect(ConnectRequest request) {
        String domain = request.require("domain").toLowerCase();
        if (!DOMAIN.matcher(domain).matches()) {
            throw new MarketplaceRefusal("domain must be the shop's name.myshopify.com address", "domain");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Optional<String> clientId = request.text("clientId");
        if (clientId.isPresent()) {
            String secret = request.require("clientSecret");
            try {
                values.putAll(client.grant(domain, clientId.get(), secret));
            } catch (MarketplaceRefusal refused) {
                throw new MarketplaceRefusal(refused.getMessage(), "clientSecret");
            }
            values.put(ShopifyClient.CLIENT_ID, clientId.get());
            values.put(ShopifyClient.CLIENT_SECRET, secret);
            values.put(ShopifyClient.API_SECRET, secret);
        } else {
            values.put(ShopifyClient.ACCESS_TOKEN, request.text("accessToken").orElseThrow(() -> new MarketplaceRefusal(
                    "accessToken (custom app) or clientId and clientSecret (client credentials) is required", "accessToken")));
            values.put(ShopifyClient.API_SECRET, request.require("apiSecret"));
        }
        Credentials connected = new Credentials(values);
        String token = connected.require(ShopifyClient.ACCESS_TOKEN);
        Identity identity = identity(domain, token, connected);
        if (!identity.missing().isEmpty()) {
            throw new MarketplaceRefusal("the app lacks access scopes the connector needs: " + String.join(", ", identity.missing())
                    + " (granted: " + String.join(", ", identity.granted().orElse(List.of())) + ")", "accessToken");
        }
        webhooks.subscribe(domain, token);
        return new ConnectedShop(domain, identity.name(), connected);
    }

    @Override
    public ConnectionCheck testConnection(ShopAccess shop) {
        try {
            JsonNode data = client.query(shop, ShopifyDocuments.SHOP, Map.of());
            Identity identity = identity(data, scopes(() -> client.query(shop, ShopifyDocuments.ACCESS_SCOPES, Map.of())),
                    credentials.current(shop.id()));
            String scopes = identity.granted().map(g -> "granted scopes: " + String.join(", ", g))
                    .orElse("granted scopes: not reported by Shopify");
            if (!identity.missing().isEmpty()) {
                return ConnectionCheck.failure("Shopify shop " + identity.name() + " (" + shop.externalShopId() + "), " + scopes
                        + "; missing scopes the connector needs: " + String.join(", ", identity.missing()));
            }
            return ConnectionCheck.success("Shopify shop " + identity.name() + " (" + shop.externalShopId() + "), " + scopes);
        } catch (MarketplaceRefusal refusal) {
            return ConnectionCheck.failure(refusal.getMessage());
        }
    }

    /**
     * A cursor query reads {@code updated_at:>=cursor} sorted by update, a time frame {@code created_at} in the frame
     * sorted by creation; oldest first. The core's offset is mapped to Shopify's page cursor.
     */
    @Override
    public OrderPage fetchOrders(ShopAccess shop, OrderQuery query) {
        boolean frame = query.createdFrom() != null;
        String search = frame
                ? "created_at:>='" + query.createdFrom() + "'" + (query.createdTo() == null ? "" : " created_at:<'" + query.createdTo() + "'")
                : "updated_at:>='" + (query.modifiedSince() == null ? Instant.EPOCH : query.modifiedSince()) + "'";
        String sortKey = frame ? "CREATED_AT" : "UPDATED_AT";
        int first = Math.max(1, Math.min(query.limit(), config.orders().pageSize()));
        // the run keeps the page's end cursor; a run committed before runs kept it is placed by its offset
        String after = query.after() != null ? query.after() : query.offset() == 0 ? null : walkTo(shop, search, sortKey, first, query.offset());
        JsonNode page = page(shop, search, sortKey, first, after).path("orders");
        List<FetchedOrder> orders = new ArrayList<>();
        for (JsonNode order : page.path("nodes")) {
            orders.add(fetched(shop, order));
        }
        boolean last = !page.path("pageInfo").path("hasNextPage").asBoolean(false);
        String end = page.path("pageInfo").path("endCursor").asText(null);
        return new OrderPage(orders, last, end != null ? end : after);
    }

    /** The orders with these numeric ids, as the sync would fetch them (webhooks name orders; Shopify is asked for their current state). */
    public List<FetchedOrder> fetchOrdersById(ShopAccess shop, List<String> orderIds) {
        List<FetchedOrder> orders = new ArrayList<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(orderIds));
        int batch = Math.max(1, config.orders().pageSize());
        for (int from = 0; from < ids.size(); from += batch) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + batch));
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("lines", config.orders().lineItemsPerPage());
            for (int i = 0; i < chunk.size(); i++) {
                variables.put("id" + i, OrderMapper.gid("Order", chunk.get(i)));
            }
            JsonNode data = client.query(shop, ShopifyDocuments.ordersById(chunk.size()), variables);
            for (int i = 0; i < chunk.size(); i++) {
                JsonNode order = data.path("o" + i);
                if (!order.isNull() && !order.isMissingNode()) {
                    orders.add(fetched(shop, order));
                }
            }
        }
        return orders;
    }

    private FetchedOrder fetched(ShopAccess shop, JsonNode order) {
        String id = OrderMapper.numericId(order.path("id").asText(null));
        Instant changedAt = order.hasNonNull("updatedAt") ? Instant.parse(order.path("updatedAt").asText()) : null;
        try {
            return FetchedOrder.of(OrderMapper.toSnapshot(shop.externalShopId(), order, lines(shop, order)), changedAt);
        } catch (RuntimeException e) {
            return FetchedOrder.failed(id, changedAt, e.getMessage());
        }
    }

    /** The order's lines: the first page read with it, or all of them when that page was full. */
    private List<JsonNode> lines(ShopAccess shop, JsonNode order) {
        List<JsonNode> first = new ArrayList<>();
        order.path("lineItems").path("nodes").forEach(first::add);
        if (first.size() < config.orders().lineItemsPerPage()) {
            return first;
        }
        List<JsonNode> all = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("id", order.path("id").asText());
            variables.put("first", 50);
            variables.put("after", after);
            JsonNode items = client.query(shop, ShopifyDocuments.ORDER_LINES, variables).path("order").path("lineItems");
            items.path("nodes").forEach(all::add);
            after = items.path("pageInfo").path("hasNextPage").asBoolean(false) ? items.path("pageInfo").path("endCursor").asText() : null;
        } while (after != null);
        return all;
    }

    private JsonNode page(ShopAccess shop, String search, String sortKey, int first, String after) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("first", first);
        variables.put("after", after);
        variables.put("query", search);
        variables.put("sortKey", sortKey);
        variables.put("lines", config.orders().lineItemsPerPage());
        return client.query(shop, ShopifyDocuments.ORDERS_PAGE, variables);
    }

    /** A run committed before runs kept the cursor: pages from the start until {@code offset} orders were passed. */
    private String walkTo(ShopAccess shop, String search, String sortKey, int first, int offset) {
        String after = null;
        int passed = 0;
        while (passed < offset) {
            JsonNode page = page(shop, search, sortKey, Math.min(first, offset - passed), after).path("orders");
            passed += page.path("nodes").size();
            if (!page.path("pageInfo").path("hasNextPage").asBoolean(false)) {
                break;
            }
            after = page.path("pageInfo").path("endCursor").asText();
        }
        return after;
    }

    private Identity identity(String domain, String token, Credentials stored) {
        return identity(client.query(domain, token, ShopifyDocuments.SHOP, Map.of()),
                scopes(() -> client.query(domain, token, ShopifyDocuments.ACCESS_SCOPES, Map.of())), stored);
    }

    /** Shopify's answer about the app's scopes, or a missing node when it gave none (the sandbox does not serve it). */
    private static JsonNode scopes(java.util.function.Supplier<JsonNode> call) {
        try {
            return call.get().path("currentAppInstallation").path("accessScopes");
        } catch (MarketplaceRefusal notAnswered) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** The shop's name and scopes: Shopify's answer, else the scopes named with the client-credentials token. */
    private Identity identity(JsonNode data, JsonNode scopes, Credentials stored) {
        String name = data.path("shop").path("name").asText("Shopify shop");
        Optional<List<String>> granted;
        if (scopes.isArray()) {
            List<String> handles = new ArrayList<>();
            scopes.forEach(s -> handles.add(s.path("handle").asText()));
            granted = Optional.of(handles);
        } else {
            granted = ShopifyClient.grantedScopes(stored);
        }
        List<String> missing = granted.map(g -> AccessScopes.missing(g, config.requiredScopes())).orElse(List.of());
        return new Identity(name, granted, missing);
    }

    private record Identity(String name, Optional<List<String>> granted, List<String> missing) {
    }
}
