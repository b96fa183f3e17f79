package io.oms.sandbox.shopify.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** A store's locations, products, variants, inventory items and levels. Levels change under the catalog's monitor. */
public final class Catalog {

    public record Location(long id, String name, String address1, String city, String zip, String countryCode,
                           Instant createdAt) {
    }

    public record Product(long id, String title, String handle, String vendor, String productType, Instant createdAt,
                          List<Long> variantIds) {
    }

    /** A variant; its inventory item has the same number space offset (see {@link #itemOf}). */
    public record Variant(long id, long productId, long inventoryItemId, String title, String sku, BigDecimal price,
                          List<Map.Entry<String, String>> options, Instant createdAt) {
    }

    /** Quantities of one item at one location. available = onHand - committed. */
    public static final class Level {
        public int onHand;
        public int committed;
        public Instant updatedAt;

        public Level(int onHand, Instant at) {
            this.onHand = onHand;
            this.updatedAt = at;
        }

        public int available() {
            return onHand - committed;
        }
    }

    public final ConcurrentNavigableMap<Long, Location> locations = new ConcurrentSkipListMap<>();
    public final ConcurrentNavigableMap<Long, Product> products = new ConcurrentSkipListMap<>();
    public final ConcurrentNavigableMap<Long, Variant> variants = new ConcurrentSkipListMap<>();
    /** product id to status (ACTIVE, DRAFT, ARCHIVED) when productUpdate changed it; ACTIVE otherwise */
    public final Map<Long, String> productStatus = new ConcurrentHashMap<>();
    /** inventory item id to variant id */
    public final Map<Long, Long> itemToVariant = new ConcurrentHashMap<>();
    /** inventory item id to location id to level */
    public final Map<Long, Map<Long, Level>> levels = new ConcurrentHashMap<>();

    public Optional<Variant> itemOf(long inventoryItemId) {
        Long v = itemToVariant.get(inventoryItemId);
        return v == null ? Optional.empty() : Optional.ofNullable(variants.get(v));
    }

    public synchronized Level level(long itemId, long locationId) {
        return levels.getOrDefault(itemId, Map.of()).get(locationId);
    }

    public synchronized int totalAvailable(long itemId) {
        return levels.getOrDefault(itemId, Map.of()).values().stream().mapToInt(Level::available).sum();
    }

    public Optional<Variant> bySku(String sku) {
        return variants.values().stream().filter(v -> sku.equals(v.sku())).findFirst();
    }
}
