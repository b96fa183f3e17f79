package io.oms.inventory.listing;

import io.oms.events.channel.ListingDiscovered;
import io.oms.inventory.item.Item;
import io.oms.inventory.item.ItemData;
import io.oms.inventory.item.ItemService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Maps channel listings to items: by SKU, else by exact name, else the listing stays unconfirmed for an
 * operator. Listings of one shop that report the same SKU are flagged and listed, never merged.
 */
@ApplicationScoped
public class ListingMapping {

    private final Clock clock;
    private final ItemService items;

    public ListingMapping(Clock clock, ItemService items) {
        this.clock = clock;
        this.items = items;
    }

    @Transactional
    public ChannelListing discovered(ListingDiscovered listing) {
        String channel = listing.channel().value();
        String shopId = listing.shopId().value();
        String listingId = listing.listingId().value();
        ChannelListing row = ChannelListing.<ChannelListing>find("channel = ?1 and shopId = ?2 and listingId = ?3", channel, shopId, listingId)
                .firstResultOptional().orElseGet(() -> {
                    ChannelListing created = new ChannelListing();
                    created.channel = channel;
                    created.shopId = shopId;
                    created.listingId = listingId;
                    return created;
                });
        row.reportedSku = listing.sku() == null ? null : listing.sku().value().trim();
        row.title = listing.title();
        row.price = listing.price();
        row.currency = listing.currency();
        row.quantity = listing.quantity();
        row.imageUrl = listing.imageUrl();
        row.updatedAt = clock.instant();
        if (row.matchKind != ChannelListing.Match.MANUAL) {
            map(row);
        }
        if (row.id == null) {
            row.persist();
        }
        if (row.reportedSku != null) {
            List<ChannelListing> sameSku = ChannelListing.list("channel = ?1 and shopId = ?2 and reportedSku = ?3", channel, shopId, row.reportedSku);
            boolean duplicate = sameSku.size() > 1;
            sameSku.forEach(other -> other.duplicateSku = duplicate);
        }
        return row;
    }

    private static void map(ChannelListing row) {
        Optional<Item> bySku = row.reportedSku == null ? Optional.empty() : Item.findByIdOptional(row.reportedSku);
        if (bySku.isPresent()) {
            row.mappedSku = bySku.get().sku;
            row.matchKind = ChannelListing.Match.SKU;
            return;
        }
        List<Item> byName = row.title == null ? List.of() : Item.<Item>find("name", row.title.trim()).page(0, 2).list();
        if (byName.size() == 1) {
            row.mappedSku = byName.get(0).sku;
            row.matchKind = ChannelListing.Match.NAME;
            return;
        }
        row.mappedSku = null;
        row.matchKind = ChannelListing.Match.UNCONFIRMED;
    }

    /** Listings waiting for an operator: unconfirmed, or reporting a SKU another listing of the shop reports too. */
    @Transactional
    public List<ChannelListing> open(int page, int size) {
        return ChannelListing.<ChannelListing>find("matchKind = ?1 or duplicateSku = true order by id", ChannelListing.Match.UNCONFIRMED)
                .page(page, size).list();
    }

    @Transactional
    public long openCount() {
        return ChannelListing.count("matchKind = ?1 or duplicateSku = true", ChannelListing.Match.UNCONFIRMED);
    }

    @Transactional
    public List<ChannelListing> ofShop(String channel, String shopId) {
        return ChannelListing.list("channel = ?1 and shopId = ?2 order by id", channel, shopId);
    }

    /**
     * An operator creates the item an unconfirmed listing stands for (SKU, name, price and currency from the listing
     * unless given) and maps the listing to it, in one transaction.
     */
    @Transactional
    public ItemFromListing createItem(long id, String sku, String name) {
        ChannelListing listing = ChannelListing.<ChannelListing>findByIdOptional(id).orElse(null);
        if (listing == null) {
            return new ItemFromListing.UnknownListing();
        }
        String wantedSku = sku != null ? sku : listing.reportedSku;
        if (wantedSku == null || wantedSku.isBlank()) {
            return new ItemFromListing.NoSku();
        }
        String wantedName = name != null ? name : listing.title;
        if (listing.price == null || listing.currency == null) {
            return new ItemFromListing.NoPrice();
        }
        Optional<Item> created = items.create(wantedSku, new ItemData(wantedName, null, listing.price, null, listing.currency, Item.Status.ACTIVE));
        if (created.isEmpty()) {
            return new ItemFromListing.SkuTaken(wantedSku);
        }
        return new ItemFromListing.Created(created.get(), mapTo(id, wantedSku).orElseThrow());
    }

    /** What {@link #createItem} did. */
    public sealed interface ItemFromListing {
        record Created(Item item, ChannelListing listing) implements ItemFromListing {
        }

        record UnknownListing() implements ItemFromListing {
        }

        record NoSku() implements ItemFromListing {
        }

        record NoPrice() implements ItemFromListing {
        }

        record SkuTaken(String sku) implements ItemFromListing {
        }
    }

    /** An operator maps the listing to an item. Empty when the listing is unknown; the caller checks the item. */
    @Transactional
    public Optional<ChannelListing> mapTo(long id, String sku) {
        Optional<ChannelListing> listing = ChannelListing.findByIdOptional(id);
        listing.ifPresent(row -> {
            row.mappedSku = sku;
            row.matchKind = ChannelListing.Match.MANUAL;
            row.duplicateSku = false;
            row.updatedAt = clock.instant();
        });
        return listing;
    }
}
