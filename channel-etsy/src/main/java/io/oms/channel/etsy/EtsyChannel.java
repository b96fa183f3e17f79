package io.oms.channel.etsy;

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
import io.oms.channel.core.oauth.OAuthChannel;
import io.oms.channel.etsy.client.EtsyApi;
import io.oms.channel.etsy.client.EtsyClient;
import io.oms.channel.etsy.client.EtsyModel;
import io.oms.channel.etsy.orders.ReceiptMapper;
import io.oms.channel.etsy.orders.ReceiptPosition;
import io.oms.events.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import io.oms.channel.etsy.config.EtsyConfig;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Etsy as a channel of the connector core: connect with a refresh token or through OAuth 2.0 with PKCE, test, and
 * receipts as orders.
 */
@ApplicationScoped
public class EtsyChannel implements MarketplaceChannel, OAuthChannel {

    /** What the connector does with a shop: read orders and shop data, write listings' inventory and tracking codes. */
    static final String SCOPES = "transactions_r transactions_w listings_r listings_w shops_r profile_r email_r";

    private final EtsyApi api;
    private final EtsyClient client;
    private final EtsyConfig config;

    public EtsyChannel(@RestClient EtsyApi api, EtsyClient client, EtsyConfig config) {
        this.api = api;
        this.client = client;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.ETSY;
    }

    /**
     * Body: {@code shopId} (Etsy's numeric id), {@code keystring}, {@code sharedSecret}, {@code refreshToken}.
     * The refresh token is exchanged at once (Etsy rotates it), and the authorized user must own that shop.
     */
    @Override
    public ConnectedShop connect(ConnectRequest request) {
        long shopId = numeric(request.require("shopId"));
        String keystring = request.require("keystring");
        String sharedSecret = request.require("sharedSecret");
        String refreshToken = request.text("refreshToken").orElseThrow(() -> new MarketplaceRefusal(
                "refreshToken is required, or connect through POST /api/v1/shops/oauth/authorize", "refreshToken"));
        return owned(shopId, client.exchange(keystring, sharedSecret, refreshToken));
    }

    @Override
    public String authorizeUrl(ConnectRequest request, String state, String codeChallenge, String redirectUri) {
        numeric(request.require("shopId"));
        String keystring = request.require("keystring");
        request.require("sharedSecret");
        return UriBuilder.fromUri(config.authorizeUrl()).queryParam("response_type", "code").queryParam("client_id", keystring)
                .queryParam("redirect_uri", redirectUri).queryParam("scope", SCOPES).queryParam("state", state)
                .queryParam("code_challenge", codeChallenge).queryParam("code_challenge_method", "S256").build().toString();
    }

    /** The code becomes a token pair; the user who logged in must own the shop named in the request, else nothing is connected. */
    @Override
    public ConnectedShop completeAuthorization(ConnectRequest request, String code, String codeVerifier, String redirectUri) {
        long shopId = numeric(request.require("shopId"));
        return owned(shopId, client.exchangeCode(request.require("keystring"), request.require("sharedSecret"), code, codeVerifier, redirectUri));
    }

    /** The shop, if the authorized Etsy user owns it. */
    private ConnectedShop owned(long shopId, Credentials credentials) {
        String apiKey = EtsyClient.apiKey(credentials);
        String bearer = EtsyClient.bearer(credentials);
        try {
            EtsyModel.Me me = api.getMe(apiKey, bearer);
            if (me.shop_id() == null || me.shop_id() != shopId) {
                throw new MarketplaceRefusal("the authorized Etsy user " + me.user_id() + " owns shop " + me.shop_id()
                        + ", not shop " + shopId + ": nothing was connected", "shopId");
            }
            EtsyModel.Shop shop = api.getShop(apiKey, bearer, shopId);
            return new ConnectedShop(String.valueOf(shopId), shop.shop_name() == null ? "Etsy shop " + shopId : shop.shop_name(), credentials);
        } catch (WebApplicationException e) {
            throw new MarketplaceRefusal("Etsy refused the credentials: HTTP " + e.getResponse().getStatus());
        }
    }

    @Override
    public ConnectionCheck testConnection(ShopAccess shop) {
        try {
            EtsyModel.Me me = client.call(shop, api::getMe);
            EtsyModel.Shop etsyShop = client.call(shop, (key, bearer) -> api.getShop(key, bearer, numeric(shop.externalShopId())));
            return ConnectionCheck.success("Etsy user " + me.user_id() + ", shop " + etsyShop.shop_name() + " (" + etsyShop.shop_id() + ")");
        } catch (MarketplaceRefusal refusal) {
            return ConnectionCheck.failure(refusal.getMessage());
        }
    }

    /** getShopReceipts: a cursor query by min_last_modified sorted by update, a time frame by creation; oldest first. */
    @Override
    public OrderPage fetchOrders(ShopAccess shop, OrderQuery query) {
        long shopId = numeric(shop.externalShopId());
        boolean cursor = query.modifiedSince() != null || query.createdFrom() == null;
        // a cursor run goes by keyset: from the last change time read, past the receipts of that second already read
        // (less a few read again, in case some of them changed since and left the second)
        ReceiptPosition from = cursor
                ? ReceiptPosition.parse(query.after()).map(p -> p.withOverlap(query.limit()))
                        .orElseGet(() -> new ReceiptPosition(epochOrZero(query.modifiedSince()), query.offset()))
                : null;
        int offset = cursor ? from.readAtSecond() : query.offset();
        EtsyModel.Receipts receipts = client.call(shop, (key, bearer) -> api.getShopReceipts(key, bearer, shopId,
                cursor ? from.updatedSecond() : null,
                cursor ? null : epoch(query.createdFrom()),
                cursor ? null : epoch(query.createdTo()),
                cursor ? "updated" : "created", "asc", query.limit(), offset));
        List<FetchedOrder> orders = new ArrayList<>();
        ReceiptPosition next = from;
        for (EtsyModel.Receipt receipt : receipts.results()) {
            Instant changedAt = ReceiptMapper.epoch(receipt.updated_timestamp());
            if (cursor) {
                next = next.after(receipt.updated_timestamp());
            }
            try {
                orders.add(FetchedOrder.of(ReceiptMapper.toSnapshot(shop.externalShopId(), receipt), changedAt));
            } catch (RuntimeException e) {
                orders.add(FetchedOrder.failed(String.valueOf(receipt.receipt_id()), changedAt, e.getMessage()));
            }
        }
        boolean last = receipts.results().size() < query.limit() || offset + receipts.results().size() >= receipts.count();
        return new OrderPage(orders, last, cursor ? next.toString() : null);
    }

    private static long epochOrZero(Instant instant) {
        return instant == null ? 0 : instant.getEpochSecond();
    }

    private static Long epoch(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }

    private static long numeric(String shopId) {
        try {
            return Long.parseLong(shopId.trim());
        } catch (NumberFormatException e) {
            throw new MarketplaceRefusal("shopId must be Etsy's numeric shop id", "shopId");
        }
    }
}
