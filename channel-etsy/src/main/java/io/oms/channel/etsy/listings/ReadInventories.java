package io.oms.channel.etsy.listings;

import io.oms.channel.etsy.client.EtsyModel;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listing inventories read ahead for the pushes that follow. Each is taken at most once, and only while it is
 * young: Etsy's write replaces the whole inventory, so an old read would undo the seller's own changes made since.
 */
final class ReadInventories {

    private record Read(EtsyModel.Inventory inventory, long atNanos) {
    }

    private final Map<Long, Read> reads = new ConcurrentHashMap<>();
    private final long maxAgeNanos;

    ReadInventories(Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
    }

    void put(long listingId, EtsyModel.Inventory inventory) {
        long now = System.nanoTime();
        reads.values().removeIf(r -> now - r.atNanos() > maxAgeNanos);
        reads.put(listingId, new Read(inventory, now));
    }

    /** The listing's inventory if it was read ahead and is still young; it is gone from here afterwards. */
    Optional<EtsyModel.Inventory> take(long listingId) {
        Read read = reads.remove(listingId);
        return read == null || System.nanoTime() - read.atNanos() > maxAgeNanos ? Optional.empty() : Optional.of(read.inventory());
    }
}
