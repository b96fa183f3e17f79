package io.oms.sandbox.shopify;

import io.oms.sandbox.SandboxIds;

import io.oms.sandbox.SandboxClock;
import io.oms.sandbox.SandboxConfig;
import io.oms.sandbox.control.Resettable;
import io.oms.sandbox.generate.Generator;
import io.oms.sandbox.shopify.inventory.Catalog;
import io.oms.sandbox.shopify.orders.ShopifyOrder;
import io.oms.sandbox.shopify.throttle.LeakyBucket;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** All sandbox Shopify stores, in memory. */
@Singleton
public class ShopifyStore implements Resettable {

    /** What a new store should look like; every field optional. */
    public record StoreSpec(String name, Integer products, Integer stock, String currency, Integer locations,
                            Integer bucketSize, Integer restoreRate, Long seed) {
    }

    private final Map<String, ShopifyShop> shops = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(5_600_000_000L);
    private final AtomicLong seeds = new AtomicLong(7);
    private final AtomicInteger stores = new AtomicInteger();
    private final Map<String, AtomicInteger> orderNumbers = new ConcurrentHashMap<>();
    private final SecureRandom secrets = new SecureRandom();
    private final SandboxClock clock;
    private final SandboxConfig config;

    public ShopifyStore(SandboxClock clock, SandboxConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** Orders never get an id an earlier sandbox gave: their ids (and their lines') start from the time of the start. */
    private final AtomicLong orderIds = new AtomicLong(60_000_000_000L + SandboxIds.startOffset());

    public long nextOrderId() {
        return orderIds.incrementAndGet();
    }

    public long nextId() {
        return ids.incrementAndGet();
    }

    public ShopifyShop createShop(StoreSpec spec) {
        Generator gen = new Generator(spec.seed() != null ? spec.seed() : seeds.incrementAndGet());
        String handle = spec.name() != null && !spec.name().isBlank()
                ? spec.name().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "")
                : "sandbox-store-" + stores.incrementAndGet();
        String domain = handle + ".myshopify.com";
        if (shops.containsKey(domain)) {
            domain = handle + "-" + stores.incrementAndGet() + ".myshopify.com";
        }
        Instant now = clock.instant();
        Catalog catalog = new Catalog();
        int locations = spec.locations() != null ? spec.locations() : 1;
        for (int i = 0; i < locations; i++) {
            Generator.Address a = gen.address();
            long id = nextId();
            catalog.locations.put(id, new Catalog.Location(id, i == 0 ? "Main warehouse" : "Warehouse " + (i + 1),
                    a.firstLine(), a.city(), a.zip(), a.countryIso(), now));
        }
        int products = spec.products() != null ? spec.products() : 5;
        int stock = spec.stock() != null ? spec.stock() : 25;
        for (int p = 1; p <= products; p++) {
            addProduct(catalog, gen, p, stock, handle, now);
        }
        LeakyBucket bucket = new LeakyBucket(clock,
                spec.bucketSize() != null ? spec.bucketSize() : config.shopify().bucketSize(),
                spec.restoreRate() != null ? spec.restoreRate() : config.shopify().restoreRate());
        ShopifyShop shop = new ShopifyShop(domain, spec.name() != null ? spec.name() : handle,
                spec.currency() != null ? spec.currency() : "USD", "shpat_" + hex(16), hex(16), "shpss_" + hex(16),
                now, catalog, bucket);
        shops.put(domain, shop);
        orderNumbers.put(domain, new AtomicInteger(1000));
        return shop;
    }

    private void addProduct(Catalog catalog, Generator gen, int n, int stock, String handle, Instant now) {
        long productId = nextId();
        String title = gen.productTitle();
        BigDecimal price = gen.price();
        List<String> options = n % 2 == 0 ? Generator.SIZES.subList(0, 3) : List.of("Default Title");
        List<Long> variantIds = new ArrayList<>();
        String skuBase = handle.substring(0, Math.min(4, handle.length())).toUpperCase() + "-" + String.format("%04d", n);
        for (String option : options) {
            long variantId = nextId();
            long itemId = nextId();
            String sku = options.size() == 1 ? skuBase : skuBase + "-" + option;
            catalog.variants.put(variantId, new Catalog.Variant(variantId, productId, itemId, option, sku, price,
                    List.of(Map.entry(options.size() == 1 ? "Title" : "Size", option)), now));
            catalog.itemToVariant.put(itemId, variantId);
            Map<Long, Catalog.Level> levels = new ConcurrentHashMap<>();
            for (Long locationId : catalog.locations.keySet()) {
                levels.put(locationId, new Catalog.Level(stock, now));
            }
            catalog.levels.put(itemId, levels);
            variantIds.add(variantId);
        }
        catalog.products.put(productId, new Catalog.Product(productId, title,
                title.toLowerCase().replaceAll("[^a-z0-9]+", "-"), "Sandbox Goods", "Home", now,
                List.copyOf(variantIds)));
    }

    /** Creates paid, unfulfilled orders over the store's variants; stock is committed at the first location. */
    public List<ShopifyOrder> createOrders(ShopifyShop shop, int count, String currency, Long seed) {
        Generator gen = new Generator(seed != null ? seed : seeds.incrementAndGet());
        List<Catalog.Variant> variants = new ArrayList<>(shop.catalog.variants.values());
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("the store has no products to sell");
        }
        long locationId = shop.catalog.locations.firstKey();
        List<ShopifyOrder> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String first = gen.firstName();
            String last = gen.lastName();
            Instant now = clock.instant();
            ShopifyOrder o = new ShopifyOrder(nextOrderId(), orderNumbers.get(shop.domain).incrementAndGet(),
                    gen.email(first, last), first, last, nextOrderId(), gen.address(),
                    currency != null ? currency : shop.currency, BigDecimal.valueOf(gen.between(0, 1500))
                    .movePointLeft(2), now);
            int lines = gen.random().nextInt(10) < 7 ? 1 : gen.between(2, Math.min(3, variants.size()));
            java.util.Collections.shuffle(variants, gen.random());
            ShopifyOrder.FulfillmentOrder fo = new ShopifyOrder.FulfillmentOrder(nextOrderId(), locationId, now);
            for (Catalog.Variant v : variants.subList(0, Math.min(lines, variants.size()))) {
                int qty = gen.random().nextInt(10) < 8 ? 1 : gen.between(2, 3);
                Catalog.Product p = shop.catalog.products.get(v.productId());
                ShopifyOrder.Line line = new ShopifyOrder.Line(nextOrderId(), v.id(), v.productId(), v.inventoryItemId(),
                        v.sku(), p.title(), v.title(), qty, v.price());
                o.lines.add(line);
                fo.lines.add(new ShopifyOrder.FoLine(nextOrderId(), line.id(), qty));
                synchronized (shop.catalog) {
                    Catalog.Level level = shop.catalog.level(v.inventoryItemId(), locationId);
                    if (level != null) {
                        level.committed += qty;
                        level.updatedAt = now;
                    }
                }
            }
            o.fulfillmentOrders.add(fo);
            shop.orders.put(o.id, o);
            created.add(o);
        }
        return created;
    }

    public Optional<ShopifyShop> shop(String domain) {
        return Optional.ofNullable(domain == null ? null : shops.get(domain.toLowerCase()));
    }

    public Collection<ShopifyShop> shops() {
        return shops.values();
    }

    public void remove(String domain) {
        shops.remove(domain);
    }

    @Override
    public void reset() {
        shops.clear();
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        secrets.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
