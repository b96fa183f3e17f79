package io.oms.channel.core.listing;

import io.oms.channel.core.marketplace.MarketplaceChannel;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.push.PushRequests;
import io.oms.channel.core.shop.Shop;
import io.oms.channel.core.shop.ShopStore;
import io.oms.events.CloudEvent;
import io.oms.events.ListingId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import io.oms.events.channel.ListingDiscovered;
import io.oms.messaging.outbox.Outbox;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * Listing discovery, on a shop's first work after connection and on demand: every listing with its SKUs is
 * stored and published as ListingDiscovered (one event per sellable unit), in one transaction. SKUs found on
 * more than one unit of the shop are reported (log, API), never merged.
 */
@ApplicationScoped
public class ListingDiscovery {

    private final Instance<ListingChannel> channels;
    private final MarketplaceChannel marketplace;
    private final ListingStore store;
    private final ShopStore shops;
    private final PushRequests pushes;
    private final Outbox outbox;
    private final Clock clock;

    public ListingDiscovery(Instance<ListingChannel> channels, MarketplaceChannel marketplace, ListingStore store, ShopStore shops,
            PushRequests pushes, Outbox outbox, Clock clock) {
        this.channels = channels;
        this.marketplace = marketplace;
        this.store = store;
        this.shops = shops;
        this.pushes = pushes;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Whether this channel can list listings at all. */
    public boolean supported() {
        return channels.isResolvable();
    }

    /** Whether the shop's listings were discovered at least once. */
    public boolean discovered(UUID shopId) {
        return store.discoveredAt(shopId).isPresent();
    }

    /** Calls the marketplace (outside a transaction), then stores and publishes what it found. */
    public Summary discover(UUID shopId) {
        if (!supported()) {
            throw new UnsupportedOperationException(marketplace.channel().value() + " does not discover listings");
        }
        Shop shop = shops.find(shopId).orElseThrow(() -> new NoSuchElementException("no shop " + shopId));
        List<ListingSnapshot> listings = channels.get().discoverListings(new ShopAccess(shop.id(), shop.externalShopId()));
        return store(shop, listings);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Summary store(Shop shop, List<ListingSnapshot> listings) {
        Instant now = clock.instant();
        store.replace(shop.id(), listings, now);
        String source = "/channel-" + marketplace.channel().value() + "/shops/" + shop.externalShopId();
        int units = 0;
        for (ListingSnapshot l : listings) {
            for (ListingSnapshot.Unit u : l.units()) {
                units++;
                outbox.add(CloudEvent.of(source, new ListingDiscovered(marketplace.channel(), ShopId.of(shop.externalShopId()),
                        ListingId.of(u.unitId()), u.sku() == null || u.sku().isBlank() ? null : Sku.of(u.sku().trim()), l.title(), u.price(),
                        l.currency(), u.quantity(), l.imageUrl()), clock));
            }
        }
        List<ListingStore.DuplicateSku> duplicates = store.duplicates(shop.id());
        for (ListingStore.DuplicateSku d : duplicates) {
            Log.warnf("shop %s: SKU %s is on several listings (%s); its stock is not pushed until each has its own SKU",
                    shop.id(), d.sku(), String.join(", ", d.unitIds()));
        }
        pushes.queueKnown(shop);
        Log.infof("shop %s: %d listings with %d units discovered, %d duplicate SKUs", shop.id(), listings.size(), units, duplicates.size());
        return new Summary(listings.size(), units, duplicates, now);
    }

    /** What one discovery found. */
    public record Summary(int listings, int units, List<ListingStore.DuplicateSku> duplicateSkus, Instant discoveredAt) {
    }
}
