package io.oms.sandbox.etsy.listings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A listing and its inventory. Mutated only while holding its monitor. */
public final class EtsyListing {

    public final long listingId;
    public final long shopId;
    public final long userId;
    public String title;
    public String description;
    public String state;
    public String whoMade;
    public String whenMade;
    public long taxonomyId;
    public Long shippingProfileId;
    public String type = "physical";
    public List<Long> imageIds = new ArrayList<>();
    public List<String> tags = new ArrayList<>();
    public List<String> materials = new ArrayList<>();
    public final Instant createdAt;
    public Instant updatedAt;
    public Instant stateAt;
    public String currency;
    public List<Product> products = new ArrayList<>();
    public List<Long> priceOnProperty = new ArrayList<>();
    public List<Long> quantityOnProperty = new ArrayList<>();
    public List<Long> skuOnProperty = new ArrayList<>();

    public EtsyListing(long listingId, long shopId, long userId, Instant createdAt) {
        this.listingId = listingId;
        this.shopId = shopId;
        this.userId = userId;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.stateAt = createdAt;
    }

    /** One variation value of a product, e.g. Color: Sage. */
    public record PropertyValue(long propertyId, String propertyName, List<Long> valueIds, List<String> values) {
    }

    /** An offering: price (money, converted from Etsy's float at the edge), quantity, enabled. */
    public record Offering(long offeringId, BigDecimal price, int quantity, boolean enabled) {
    }

    /** A product of the listing: SKU, property values, offerings. */
    public record Product(long productId, String sku, List<PropertyValue> propertyValues, List<Offering> offerings) {
    }

    /** Sum of enabled offerings' quantities, as Etsy reports the listing quantity. */
    public synchronized int quantity() {
        return products.stream().flatMap(p -> p.offerings().stream()).filter(Offering::enabled)
                .mapToInt(Offering::quantity).sum();
    }

    /** The lowest offering price, as Etsy reports the listing price. */
    public synchronized BigDecimal price() {
        return products.stream().flatMap(p -> p.offerings().stream()).map(Offering::price)
                .min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    public synchronized List<String> skus() {
        return products.stream().map(Product::sku).filter(s -> s != null && !s.isEmpty()).toList();
    }
}
