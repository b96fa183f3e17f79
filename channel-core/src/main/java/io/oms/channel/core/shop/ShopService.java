package io.oms.channel.core.shop;

import io.oms.channel.core.config.ChannelConfig;
import io.oms.channel.core.crypto.CredentialVault;
import io.oms.channel.core.marketplace.ConnectRequest;
import io.oms.channel.core.marketplace.ConnectedShop;
import io.oms.channel.core.marketplace.ConnectionCheck;
import io.oms.channel.core.marketplace.MarketplaceChannel;
import io.oms.channel.core.marketplace.MarketplaceRefusal;
import io.oms.channel.core.marketplace.ShopAccess;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.UUID;

/** Connecting shops, their settings and their health. */
@ApplicationScoped
public class ShopService {

    private final MarketplaceChannel channel;
    private final ShopStore shops;
    private final CredentialVault vault;
    private final ChannelConfig config;
    private final Clock clock;

    public ShopService(MarketplaceChannel channel, ShopStore shops, CredentialVault vault, ChannelConfig config, Clock clock) {
        this.channel = channel;
        this.shops = shops;
        this.vault = vault;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Connects a shop: the channel checks the request with the marketplace (outside any transaction), then the
     * connection is stored with its credentials encrypted. Connecting a shop that is already connected
     * replaces its credentials (re-authentication) and keeps its settings, cursor and queues.
     */
    public Shop connect(ConnectRequest request) {
        ConnectedShop connected = channel.connect(request);
        Shop shop = store(connected, request.text("name").orElse(connected.name()));
        Log.infof("shop %s connected (%s %s)", shop.id(), shop.channel(), shop.externalShopId());
        return shop;
    }

    /** Stores a shop the marketplace accepted (the OAuth flow's last step), as {@link #connect} does. */
    public Shop connected(ConnectedShop connected, String name) {
        return store(connected, name);
    }

    @Transactional
    Shop store(ConnectedShop connected, String name) {
        Instant now = clock.instant();
        String channelName = channel.channel().value();
        return shops.findByExternalId(channelName, connected.externalShopId())
                .map(existing -> {
                    shops.storeCredentials(existing.id(), vault.seal(existing.id(), connected.credentials()), now);
                    shops.updateStatus(existing.id(), ShopStatus.CONNECTED, null, now);
                    return shops.find(existing.id()).orElseThrow();
                })
                .orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    Shop shop = new Shop(id, channelName, connected.externalShopId(), name, ShopStatus.CONNECTED, null,
                            ShopSettings.defaults(config.sync().defaultInterval()), null, null, now, now);
                    shops.insert(shop, vault.seal(id, connected.credentials()));
                    return shop;
                });
    }

    public Shop get(UUID id) {
        return shops.find(id).orElseThrow(() -> new NoSuchElementException("no shop " + id));
    }

    @Transactional
    public Shop changeSettings(UUID id, String name, ShopSettings settings) {
        Shop shop = get(id);
        shops.updateSettings(id, name == null ? shop.name() : name, settings, clock.instant());
        return get(id);
    }

    public ConnectionCheck testConnection(UUID id) {
        Shop shop = get(id);
        try {
            return channel.testConnection(new ShopAccess(shop.id(), shop.externalShopId()));
        } catch (MarketplaceRefusal refusal) {
            return ConnectionCheck.failure(refusal.getMessage());
        }
    }

    /** The marketplace revoked the authorization: the shop stops until the operator connects it again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void needsReauthentication(UUID id, String why) {
        shops.updateStatus(id, ShopStatus.NEEDS_REAUTHENTICATION, why, clock.instant());
        Log.warnf("shop %s needs re-authentication: %s", id, why);
    }
}
