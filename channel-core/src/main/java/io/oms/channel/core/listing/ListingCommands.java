package io.oms.channel.core.listing;

import io.oms.channel.core.api.ProblemException;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.push.ListingLocks;
import io.oms.channel.core.push.PushOutcome;
import io.oms.channel.core.push.PushResults;
import io.oms.channel.core.shop.Shop;
import io.oms.channel.core.shop.ShopService;
import io.oms.events.channel.PushKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Listing state changes an operator asks for (activate, deactivate, create a draft from an item): made at once,
 * under the listing's lock, and ended in a ChannelPushResult (kind LISTING, reference the SKU, else the listing id).
 */
@ApplicationScoped
public class ListingCommands {

    private final Instance<ListingStateChannel> channels;
    private final ShopService shops;
    private final ListingStore listings;
    private final ListingLocks locks;
    private final PushResults results;

    public ListingCommands(Instance<ListingStateChannel> channels, ShopService shops, ListingStore listings, ListingLocks locks, PushResults results) {
        this.channels = channels;
        this.shops = shops;
        this.listings = listings;
        this.locks = locks;
        this.results = results;
    }

    public PushOutcome setActive(UUID shopId, String listingId, boolean active) {
        Shop shop = shops.get(shopId);
        PushOutcome outcome = locks.withLock(shopId, listingId,
                () -> channel().setListingActive(new ShopAccess(shop.id(), shop.externalShopId()), listingId, active));
        String reference = listings.list(shopId).stream().filter(u -> u.listingId().equals(listingId) && u.sku() != null)
                .map(ListingStore.ListedUnit::sku).findFirst().orElse(listingId);
        record(shop, reference, outcome, "listing " + listingId + (active ? " active" : " inactive"));
        return outcome;
    }

    public PushOutcome createDraft(UUID shopId, DraftListing draft) {
        Shop shop = shops.get(shopId);
        PushOutcome outcome = channel().createDraftListing(new ShopAccess(shop.id(), shop.externalShopId()), draft);
        record(shop, draft.sku() == null || draft.sku().isBlank() ? draft.title() : draft.sku(), outcome, "draft listing " + draft.title());
        return outcome;
    }

    @Transactional
    void record(Shop shop, String reference, PushOutcome outcome, String what) {
        results.publish(shop, PushKind.LISTING, reference, outcome.success(), outcome.pushed() != null ? outcome.pushed() : what, outcome.error());
    }

    private ListingStateChannel channel() {
        if (!channels.isResolvable()) {
            throw new ProblemException(501, "Not implemented", "this channel cannot change listings", null);
        }
        return channels.get();
    }
}
