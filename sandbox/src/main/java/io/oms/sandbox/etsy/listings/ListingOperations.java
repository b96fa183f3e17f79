package io.oms.sandbox.etsy.listings;

import com.fasterxml.jackson.databind.JsonNode;
import io.oms.sandbox.SandboxClock;
import io.oms.sandbox.etsy.EtsyAnswer;
import io.oms.sandbox.etsy.EtsyCall;
import io.oms.sandbox.etsy.EtsyHandler;
import io.oms.sandbox.etsy.EtsyJson;
import io.oms.sandbox.etsy.EtsyShop;
import io.oms.sandbox.etsy.EtsyStore;
import io.oms.sandbox.etsy.listings.EtsyListing.Offering;
import io.oms.sandbox.etsy.listings.EtsyListing.Product;
import io.oms.sandbox.etsy.listings.EtsyListing.PropertyValue;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** getListingsByShop, getListingsByListingIds, getListing, getListingInventory, updateListingInventory, createDraftListing, updateListing. */
@Singleton
public class ListingOperations {

    /** getListingsByListingIds: "Limit 100 ids maximum per query." */
    private static final int MAX_BATCH = 100;

    private final EtsyStore store;
    private final SandboxClock clock;

    public ListingOperations(EtsyStore store, SandboxClock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Map<String, EtsyHandler> handlers() {
        return Map.of(
                "getListingImages", this::getListingImages,
                "getListingsByShop", this::getListingsByShop,
                "getListingsByListingIds", this::getListingsByListingIds,
                "getListing", this::getListing,
                "getListingInventory", this::getListingInventory,
                "updateListingInventory", this::updateListingInventory,
                "createDraftListing", this::createDraftListing,
                "updateListing", this::updateListing);
    }

    private Optional<EtsyAnswer> refuseShop(EtsyCall c, long shopId) {
        if (c.token() != null && c.token().shopId != shopId) {
            return Optional.of(EtsyAnswer.error(403, "The shop_id " + shopId
                    + " does not belong to the user associated with the OAuth token."));
        }
        return Optional.empty();
    }

    private EtsyAnswer getListingsByShop(EtsyCall c) {
        long shopId = c.pathLong("shop_id");
        Optional<EtsyAnswer> refused = refuseShop(c, shopId);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<EtsyShop> shop = store.shop(shopId);
        if (shop.isEmpty()) {
            return EtsyAnswer.notFound("Shop with shop_id " + shopId + " not found");
        }
        String state = c.query("state").orElse("active");
        String sortOn = c.query("sort_on").orElse("created");
        String order = c.query("sort_order").orElse("desc");
        Comparator<EtsyListing> cmp = switch (sortOn) {
            case "price" -> Comparator.comparing(EtsyListing::price);
            case "updated" -> Comparator.comparing(l -> l.updatedAt);
            default -> Comparator.comparing(l -> l.createdAt);
        };
        cmp = cmp.thenComparingLong(l -> l.listingId);
        if (order.startsWith("desc") || order.equals("down")) {
            cmp = cmp.reversed();
        }
        int limit = c.queryLong("limit").map(Long::intValue).orElse(25);
        int offset = c.queryLong("offset").map(Long::intValue).orElse(0);
        List<String> includes = c.queryList("includes");
        List<EtsyListing> matching = shop.get().listings.values().stream().filter(l -> state.equals(l.state))
                .sorted(cmp).toList();
        List<Map<String, Object>> page = matching.stream().skip(offset).limit(limit)
                .map(l -> EtsyJson.listingWith(l, shop.get(), includes)).toList();
        return EtsyAnswer.ok(Map.of("count", matching.size(), "results", page));
    }

    /** Up to 100 listings by id, in the order asked, those that exist; a listing's inventory only to its own shop's token. */
    private EtsyAnswer getListingsByListingIds(EtsyCall c) {
        List<String> ids = c.queryList("listing_ids");
        if (ids.isEmpty()) {
            return EtsyAnswer.error(400, "Missing required parameter: listing_ids");
        }
        if (ids.size() > MAX_BATCH) {
            return EtsyAnswer.error(400, "listing_ids: Limit " + MAX_BATCH + " ids maximum per query.");
        }
        List<String> includes = c.queryList("includes");
        List<Map<String, Object>> results = new java.util.ArrayList<>();
        for (String id : ids) {
            long listingId;
            try {
                listingId = Long.parseLong(id);
            } catch (NumberFormatException e) {
                return EtsyAnswer.error(400, "listing_ids: '" + id + "' is not a valid integer");
            }
            store.listing(listingId).ifPresent(l -> {
                boolean owner = c.token() == null || c.token().shopId == l.shopId;
                List<String> shown = owner ? includes : includes.stream().filter(i -> !i.equals("Inventory")).toList();
                results.add(EtsyJson.listingWith(l, store.shop(l.shopId).orElseThrow(), shown));
            });
        }
        return EtsyAnswer.ok(Map.of("count", results.size(), "results", results));
    }

    private EtsyAnswer getListing(EtsyCall c) {
        long listingId = c.pathLong("listing_id");
        Optional<EtsyListing> l = store.listing(listingId);
        if (l.isEmpty()) {
            return EtsyAnswer.notFound("Listing with listing_id " + listingId + " not found");
        }
        EtsyShop shop = store.shop(l.get().shopId).orElseThrow();
        return EtsyAnswer.ok(EtsyJson.listingWith(l.get(), shop, c.queryList("includes")));
    }

    private EtsyAnswer getListingImages(EtsyCall c) {
        long listingId = c.pathLong("listing_id");
        Optional<EtsyListing> l = store.listing(listingId);
        if (l.isEmpty()) {
            return EtsyAnswer.notFound("Listing with listing_id " + listingId + " not found");
        }
        EtsyShop shop = store.shop(l.get().shopId).orElseThrow();
        Object images = EtsyJson.listingWith(l.get(), shop, List.of("Images")).get("images");
        return EtsyAnswer.ok(Map.of("count", ((List<?>) images).size(), "results", images));
    }

    private Optional<EtsyListing> owned(EtsyCall c, long listingId) {
        return store.listing(listingId).filter(l -> c.token() == null || l.shopId == c.token().shopId);
    }

    private EtsyAnswer getListingInventory(EtsyCall c) {
        long listingId = c.pathLong("listing_id");
        Optional<EtsyListing> l = owned(c, listingId);
        if (l.isEmpty()) {
            return EtsyAnswer.notFound("Listing with listing_id " + listingId + " not found");
        }
        Map<String, Object> inventory = EtsyJson.inventory(l.get());
        if ("Listing".equals(c.query("includes").orElse(null))) {
            inventory.put("listing", EtsyJson.listing(l.get()));
        }
        return EtsyAnswer.ok(inventory);
    }

    private EtsyAnswer updateListingInventory(EtsyCall c) {
        long listingId = c.pathLong("listing_id");
        Optional<EtsyListing> found = owned(c, listingId);
        if (found.isEmpty()) {
            return EtsyAnswer.notFound("Listing with listing_id " + listingId + " not found");
        }
        JsonNode body = c.json();
        if (body == null || !body.path("products").isArray() || body.path("products").isEmpty()) {
            return EtsyAnswer.error(400, "Expected a non-empty array of products.");
        }
        List<Long> priceOn = longs(body.path("price_on_property"));
        List<Long> quantityOn = longs(body.path("quantity_on_property"));
        List<Long> skuOn = longs(body.path("sku_on_property"));
        List<Product> products = new ArrayList<>();
        Set<String> combinations = new HashSet<>();
        for (JsonNode p : body.get("products")) {
            List<PropertyValue> values = new ArrayList<>();
            for (JsonNode v : p.path("property_values")) {
                values.add(new PropertyValue(v.path("property_id").asLong(), v.path("property_name").asText(null),
                        longs(v.path("value_ids")), strings(v.path("values"))));
            }
            if (!combinations.add(values.stream().map(v -> v.propertyId() + ":" + v.valueIds()).sorted()
                    .toList().toString())) {
                return EtsyAnswer.error(400, "Products must have unique property value combinations.");
            }
            JsonNode offerings = p.path("offerings");
            if (!offerings.isArray() || offerings.size() != 1) {
                return EtsyAnswer.error(400, "Each product must have exactly one offering.");
            }
            JsonNode o = offerings.get(0);
            double price = o.path("price").asDouble(-1);
            if (price <= 0) {
                return EtsyAnswer.error(400, "Offering price must be greater than zero.");
            }
            int quantity = o.path("quantity").asInt(-1);
            if (quantity < 0 || quantity > 999) {
                return EtsyAnswer.error(400, "Offering quantity must be between 0 and 999.");
            }
            // price is a float on the wire only: money from here on
            BigDecimal money = BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
            products.add(new Product(store.nextProductId(), p.path("sku").asText(""), List.copyOf(values),
                    List.of(new Offering(store.nextOfferingId(), money, quantity,
                            o.path("is_enabled").asBoolean(true)))));
        }
        Optional<String> inconsistent = onPropertyProblem(products, priceOn, "price_on_property",
                p -> p.offerings().get(0).price().stripTrailingZeros().toPlainString());
        inconsistent = inconsistent.or(() -> onPropertyProblem(products, quantityOn, "quantity_on_property",
                p -> String.valueOf(p.offerings().get(0).quantity())));
        inconsistent = inconsistent.or(() -> onPropertyProblem(products, skuOn, "sku_on_property", Product::sku));
        if (inconsistent.isPresent()) {
            return EtsyAnswer.error(400, inconsistent.get());
        }
        EtsyListing l = found.get();
        synchronized (l) {
            l.products = products;
            l.priceOnProperty = priceOn;
            l.quantityOnProperty = quantityOn;
            l.skuOnProperty = skuOn;
            l.updatedAt = clock.instant();
            int total = l.quantity();
            if (total == 0 && "active".equals(l.state)) {
                l.state = "sold_out";
                l.stateAt = clock.instant();
            } else if (total > 0 && "sold_out".equals(l.state)) {
                l.state = "active";
                l.stateAt = clock.instant();
            }
        }
        return EtsyAnswer.ok(EtsyJson.inventory(l));
    }

    /**
     * Etsy's consistency rule: a property named in {@code *_on_property} must be a property of every product, and
     * when products differ in the value (price, quantity, SKU) some property must be declared for it.
     */
    private static Optional<String> onPropertyProblem(List<Product> products, List<Long> on, String field,
                                                      java.util.function.Function<Product, String> value) {
        for (Long property : on) {
            boolean everywhere = products.stream()
                    .allMatch(p -> p.propertyValues().stream().anyMatch(v -> v.propertyId() == property));
            if (!everywhere) {
                return Optional.of("The property_id " + property + " in " + field
                        + " is not set on every product's property_values.");
            }
        }
        if (on.isEmpty() && products.size() > 1
                && products.stream().map(value).map(String::valueOf).distinct().count() > 1) {
            return Optional.of("Products have different values for " + field.replace("_on_property", "")
                    + " but " + field + " is empty.");
        }
        return Optional.empty();
    }

    private EtsyAnswer createDraftListing(EtsyCall c) {
        long shopId = c.pathLong("shop_id");
        Optional<EtsyAnswer> refused = refuseShop(c, shopId);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<EtsyShop> shop = store.shop(shopId);
        if (shop.isEmpty()) {
            return EtsyAnswer.notFound("Shop with shop_id " + shopId + " not found");
        }
        for (String required : List.of("quantity", "title", "description", "price", "who_made", "when_made",
                "taxonomy_id")) {
            if (c.form(required).isEmpty()) {
                return EtsyAnswer.error(400, "Missing required parameter: " + required);
            }
        }
        int quantity = Integer.parseInt(c.form("quantity").get());
        double price = Double.parseDouble(c.form("price").get());
        if (quantity <= 0) {
            return EtsyAnswer.error(400, "quantity must be a positive non-zero number.");
        }
        if (price <= 0) {
            return EtsyAnswer.error(400, "price must be a positive non-zero number.");
        }
        EtsyListing l = store.newListing(shop.get());
        l.title = c.form("title").get();
        l.description = c.form("description").get();
        l.whoMade = c.form("who_made").get();
        l.whenMade = c.form("when_made").get();
        l.taxonomyId = Long.parseLong(c.form("taxonomy_id").get());
        l.state = "draft";
        l.type = c.form("type").orElse("physical");
        c.form("shipping_profile_id").ifPresent(v -> l.shippingProfileId = Long.parseLong(v));
        c.formList("image_ids").forEach(v -> l.imageIds.add(Long.parseLong(v)));
        l.tags = new ArrayList<>(c.formList("tags"));
        l.materials = new ArrayList<>(c.formList("materials"));
        l.products.add(new Product(store.nextProductId(), "", List.of(),
                List.of(new Offering(store.nextOfferingId(), BigDecimal.valueOf(price).setScale(2,
                        RoundingMode.HALF_UP), quantity, true))));
        shop.get().listings.put(l.listingId, l);
        return new EtsyAnswer(201, EtsyJson.listing(l));
    }

    private EtsyAnswer updateListing(EtsyCall c) {
        long shopId = c.pathLong("shop_id");
        Optional<EtsyAnswer> refused = refuseShop(c, shopId);
        if (refused.isPresent()) {
            return refused.get();
        }
        long listingId = c.pathLong("listing_id");
        EtsyListing l = store.shop(shopId).map(s -> s.listings.get(listingId)).orElse(null);
        if (l == null) {
            return EtsyAnswer.notFound("Listing with listing_id " + listingId + " not found");
        }
        synchronized (l) {
            List<Long> images = c.hasForm("image_ids")
                    ? c.formList("image_ids").stream().map(Long::parseLong).toList() : l.imageIds;
            Long shippingProfile = c.form("shipping_profile_id").map(Long::parseLong).orElse(l.shippingProfileId);
            Optional<String> state = c.form("state");
            if (state.isPresent() && "active".equals(state.get()) && !"active".equals(l.state)) {
                if (images.isEmpty()) {
                    return EtsyAnswer.error(400, "Cannot activate a listing without an image.");
                }
                if ("physical".equals(l.type) && shippingProfile == null) {
                    return EtsyAnswer.error(400,
                            "Cannot activate a physical listing without a shipping_profile_id.");
                }
            }
            l.imageIds = new ArrayList<>(images);
            l.shippingProfileId = shippingProfile;
            c.form("title").ifPresent(v -> l.title = v);
            c.form("description").ifPresent(v -> l.description = v);
            c.form("who_made").ifPresent(v -> l.whoMade = v);
            c.form("when_made").ifPresent(v -> l.whenMade = v);
            c.form("taxonomy_id").ifPresent(v -> l.taxonomyId = Long.parseLong(v));
            if (c.hasForm("tags")) {
                l.tags = new ArrayList<>(c.formList("tags"));
            }
            if (c.hasForm("materials")) {
                l.materials = new ArrayList<>(c.formList("materials"));
            }
            if (state.isPresent() && !state.get().equals(l.state)) {
                l.state = state.get();
                l.stateAt = clock.instant();
            }
            l.updatedAt = clock.instant();
        }
        return EtsyAnswer.ok(EtsyJson.listing(l));
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
