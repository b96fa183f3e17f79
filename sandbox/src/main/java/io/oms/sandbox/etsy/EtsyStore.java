package io.oms.sandbox.etsy;

import io.oms.sandbox.SandboxIds;

import io.oms.sandbox.SandboxClock;
import io.oms.sandbox.SandboxConfig;
import io.oms.sandbox.etsy.listings.EtsyListing;
import io.oms.sandbox.etsy.listings.EtsyListing.Offering;
import io.oms.sandbox.etsy.listings.EtsyListing.Product;
import io.oms.sandbox.etsy.listings.EtsyListing.PropertyValue;
import io.oms.sandbox.etsy.receipts.EtsyReceipt;
import io.oms.sandbox.etsy.receipts.EtsyReceipt.Transaction;
import io.oms.sandbox.etsy.receipts.EtsyReceipt.Variation;
import io.oms.sandbox.generate.Generator;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** All sandbox Etsy shops, in memory. */
@Singleton
public class EtsyStore {

    /** Property ids Etsy uses for variations: primary color and size. */
    public static final long COLOR_PROPERTY = 200;
    public static final long SIZE_PROPERTY = 100;

    /** What a new shop should look like; every field optional. */
    public record ShopSpec(String name, Integer listings, Integer stock, String currency, Integer limitPerSecond,
                           Integer limitPerDay, Long seed) {
    }

    private final Map<Long, EtsyShop> shops = new ConcurrentHashMap<>();
    private final Map<String, EtsyShop> byKeystring = new ConcurrentHashMap<>();
    private final AtomicLong shopIds = new AtomicLong(41_000_000);
    private final AtomicLong userIds = new AtomicLong(812_000_000);
    private final AtomicLong listingIds = new AtomicLong(1_500_000_000L);
    private final AtomicLong productIds = new AtomicLong(9_100_000_000L);
    private final AtomicLong offeringIds = new AtomicLong(12_700_000_000L);
    // Orders never get an id an earlier sandbox gave (a connector's database outlives the sandbox, as with the real
    // marketplace): their ids start from the time of the start; the catalogue's stay the same run after run.
    private final AtomicLong receiptIds = new AtomicLong(3_200_000_000L + SandboxIds.startOffset());
    private final AtomicLong transactionIds = new AtomicLong(40_000_000_000L + SandboxIds.startOffset());
    private final AtomicLong shippingIds = new AtomicLong(1_000_000_000L);
    private final AtomicLong seeds = new AtomicLong(42);
    private final SecureRandom secrets = new SecureRandom();
    private final SandboxClock clock;
    private final SandboxConfig config;

    public EtsyStore(SandboxClock clock, SandboxConfig config) {
        this.clock = clock;
        this.config = config;
    }

    public EtsyShop createShop(ShopSpec spec) {
        long shopId = shopIds.incrementAndGet();
        Generator gen = new Generator(spec.seed() != null ? spec.seed() : seeds.incrementAndGet());
        String name = spec.name() != null && !spec.name().isBlank() ? spec.name().replaceAll("[^A-Za-z0-9]", "")
                : "Sandbox" + gen.pick(List.of("Studio", "Crafts", "Makers", "Atelier", "Goods")) + shopId;
        String currency = spec.currency() != null ? spec.currency() : "USD";
        String country = switch (currency) {
            case "EUR" -> "DE";
            case "GBP" -> "GB";
            case "CAD" -> "CA";
            case "AUD" -> "AU";
            default -> "US";
        };
        EtsyShop shop = new EtsyShop(shopId, userIds.incrementAndGet(), name, currency, country,
                hex(12), hex(5), shippingIds.incrementAndGet(), clock.instant(),
                spec.limitPerSecond() != null ? spec.limitPerSecond() : config.etsy().limitPerSecond(),
                spec.limitPerDay() != null ? spec.limitPerDay() : config.etsy().limitPerDay());
        int count = spec.listings() != null ? spec.listings() : 5;
        int stock = spec.stock() != null ? spec.stock() : 25;
        for (int i = 1; i <= count; i++) {
            EtsyListing l = generatedListing(shop, gen, i, stock);
            shop.listings.put(l.listingId, l);
        }
        shops.put(shopId, shop);
        byKeystring.put(shop.keystring, shop);
        return shop;
    }

    private EtsyListing generatedListing(EtsyShop shop, Generator gen, int n, int stock) {
        EtsyListing l = new EtsyListing(listingIds.incrementAndGet(), shop.shopId, shop.userId, clock.instant());
        l.title = gen.productTitle();
        l.description = "A " + l.title.toLowerCase() + ", made with care in our studio.";
        l.state = "active";
        l.whoMade = "i_did";
        l.whenMade = "made_to_order";
        l.taxonomyId = 1 + gen.between(1, 2000);
        l.shippingProfileId = shop.shippingProfileId;
        l.imageIds.add(5_000_000_000L + l.listingId);
        l.currency = shop.currency;
        l.tags.addAll(List.of("handmade", "gift"));
        BigDecimal price = gen.price();
        String skuBase = "SB" + shop.shopId % 10_000 + "-" + String.format("%04d", n);
        int variant = n % 3; // 0: no variations, 1: colors, 2: sizes
        if (variant == 0) {
            l.products.add(new Product(productIds.incrementAndGet(), skuBase, List.of(),
                    List.of(new Offering(offeringIds.incrementAndGet(), price, stock, true))));
        } else {
            long property = variant == 1 ? COLOR_PROPERTY : SIZE_PROPERTY;
            String propertyName = variant == 1 ? "Primary color" : "Size";
            List<String> values = variant == 1 ? Generator.COLORS.subList(0, 3) : Generator.SIZES.subList(0, 3);
            for (int v = 0; v < values.size(); v++) {
                String value = values.get(v);
                l.products.add(new Product(productIds.incrementAndGet(), skuBase + "-" + value.toUpperCase(),
                        List.of(new PropertyValue(property, propertyName, List.of(1_000L * property + v + 1),
                                List.of(value))),
                        List.of(new Offering(offeringIds.incrementAndGet(),
                                variant == 2 ? price.add(BigDecimal.valueOf(v * 2L)) : price, stock, true))));
            }
            l.quantityOnProperty.add(property);
            l.skuOnProperty.add(property);
            if (variant == 2) {
                l.priceOnProperty.add(property);
            }
        }
        return l;
    }

    /** Creates {@code count} paid receipts over the shop's active listings; stock goes down as Etsy's does. */
    public List<EtsyReceipt> createReceipts(EtsyShop shop, int count, String currency, Long seed) {
        return createReceipts(shop, count, currency, seed, java.time.Duration.ZERO);
    }

    /**
     * The same, created within the past {@code spread} (evenly, oldest first, the newest now): the history an initial
     * sync finds in a shop that has sold for a while.
     */
    public List<EtsyReceipt> createReceipts(EtsyShop shop, int count, String currency, Long seed, java.time.Duration spread) {
        Generator gen = new Generator(seed != null ? seed : seeds.incrementAndGet());
        List<EtsyListing> listings = shop.listings.values().stream()
                .filter(l -> !"draft".equals(l.state)).toList();
        if (listings.isEmpty()) {
            throw new IllegalArgumentException("the shop has no listings to sell");
        }
        List<EtsyReceipt> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String first = gen.firstName();
            String last = gen.lastName();
            Generator.Address address = gen.address();
            // Evenly within the spread, the oldest one interval after its start: all of them are younger than the spread.
            Instant now = clock.instant().minusMillis(spread.toMillis() / count * (count - 1 - i));
            EtsyReceipt r = new EtsyReceipt(receiptIds.incrementAndGet(), shop.shopId, shop.userId,
                    userIds.incrementAndGet(), gen.email(first, last), first + " " + last, address,
                    currency != null ? currency : shop.currency,
                    BigDecimal.valueOf(gen.between(0, 1200)).movePointLeft(2), now);
            if (gen.between(1, 5) == 1) {
                r.messageFromBuyer = "Could you gift-wrap it, please?";
            }
            int lines = gen.random().nextInt(10) < 7 ? 1 : gen.between(2, Math.min(3, listings.size()));
            List<EtsyListing> chosen = new ArrayList<>(listings);
            java.util.Collections.shuffle(chosen, gen.random());
            for (EtsyListing l : chosen.subList(0, Math.min(lines, chosen.size()))) {
                r.transactions.add(sell(l, gen));
            }
            shop.receipts.put(r.receiptId, r);
            created.add(r);
        }
        return created;
    }

    private Transaction sell(EtsyListing l, Generator gen) {
        synchronized (l) {
            int index = gen.random().nextInt(l.products.size());
            Product p = l.products.get(index);
            Offering o = p.offerings().get(0);
            int qty = gen.random().nextInt(10) < 8 ? 1 : gen.between(2, 3);
            List<Offering> offerings = new ArrayList<>(p.offerings());
            offerings.set(0, new Offering(o.offeringId(), o.price(), Math.max(0, o.quantity() - qty), o.enabled()));
            l.products.set(index, new Product(p.productId(), p.sku(), p.propertyValues(), List.copyOf(offerings)));
            l.updatedAt = clock.instant();
            List<Variation> variations = p.propertyValues().stream()
                    .map(v -> new Variation(v.propertyId(), v.valueIds().get(0), v.propertyName(), v.values().get(0)))
                    .toList();
            return new Transaction(transactionIds.incrementAndGet(), l.listingId, p.productId(), p.sku(), l.title, qty,
                    o.price(), variations);
        }
    }

    public EtsyListing newListing(EtsyShop shop) {
        EtsyListing l = new EtsyListing(listingIds.incrementAndGet(), shop.shopId, shop.userId, clock.instant());
        l.currency = shop.currency;
        return l;
    }

    public long nextProductId() {
        return productIds.incrementAndGet();
    }

    public long nextOfferingId() {
        return offeringIds.incrementAndGet();
    }

    public long nextShipmentId() {
        return shippingIds.incrementAndGet();
    }

    public Optional<EtsyShop> shop(long shopId) {
        return Optional.ofNullable(shops.get(shopId));
    }

    public Optional<EtsyShop> byKeystring(String keystring) {
        return Optional.ofNullable(keystring == null ? null : byKeystring.get(keystring));
    }

    public Optional<EtsyListing> listing(long listingId) {
        for (EtsyShop s : shops.values()) {
            EtsyListing l = s.listings.get(listingId);
            if (l != null) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    public java.util.Collection<EtsyShop> shops() {
        return shops.values();
    }

    public void remove(long shopId) {
        EtsyShop s = shops.remove(shopId);
        if (s != null) {
            byKeystring.remove(s.keystring);
        }
    }

    public void clear() {
        shops.clear();
        byKeystring.clear();
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        secrets.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
