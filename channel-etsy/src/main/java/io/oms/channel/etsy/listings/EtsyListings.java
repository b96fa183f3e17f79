package io.oms.channel.etsy.listings;

import io.oms.channel.core.listing.DraftListing;
import io.oms.channel.core.listing.ListingChannel;
import io.oms.channel.core.listing.ListingStateChannel;
import io.oms.channel.core.listing.ListingSnapshot;
import io.oms.channel.core.marketplace.MarketplaceRefusal;
import io.oms.channel.core.marketplace.MarketplaceUnavailable;
import io.oms.channel.core.marketplace.ReauthenticationRequired;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.push.InventoryPushChannel;
import io.oms.channel.core.push.PushOutcome;
import io.oms.channel.core.push.WantedOffering;
import io.oms.channel.etsy.client.EtsyApi;
import io.oms.channel.etsy.client.EtsyClient;
import io.oms.channel.etsy.client.EtsyModel;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Etsy listings: discovery through getListingsByShop (with images and inventory, 100 per page), and stock and
 * price pushes as a read-modify-write of the whole inventory (getListingInventory, change only the offerings of
 * the SKUs asked for, updateListingInventory with every product), because Etsy's PUT replaces the inventory. The
 * reads of a group of pushes are done ahead in one getListingsByListingIds call with includes=Inventory.
 */
@ApplicationScoped
public class EtsyListings implements ListingChannel, InventoryPushChannel, ListingStateChannel {

    /** Etsy's most per offering. */
    static final int MAX_QUANTITY = 999;
    private static final List<String> SELLABLE_STATES = List.of("active", "sold_out", "inactive");
    private static final int PAGE = 100;

    /** getListingsByListingIds takes at most 100 ids. */
    private static final int BATCH = 100;

    private final EtsyApi api;
    private final EtsyClient client;
    private final ReadInventories readAhead = new ReadInventories(java.time.Duration.ofSeconds(30));

    public EtsyListings(@RestClient EtsyApi api, EtsyClient client) {
        this.api = api;
        this.client = client;
    }

    @Override
    public List<ListingSnapshot> discoverListings(ShopAccess shop) {
        long shopId = Long.parseLong(shop.externalShopId());
        List<ListingSnapshot> found = new ArrayList<>();
        for (String state : SELLABLE_STATES) {
            int offset = 0;
            while (true) {
                int from = offset;
                EtsyModel.Listings page = client.call(shop, (key, bearer) -> api.getListingsByShop(key, bearer, shopId, state, PAGE, from,
                        List.of("Images", "Inventory")));
                page.results().forEach(l -> found.add(snapshot(l)));
                offset += page.results().size();
                if (page.results().isEmpty() || offset >= page.count()) {
                    break;
                }
            }
        }
        return found;
    }

    static ListingSnapshot snapshot(EtsyModel.Listing l) {
        String currency = l.price() == null ? null : l.price().currency_code();
        String image = l.images() == null ? null : l.images().stream()
                .min(Comparator.comparing(i -> i.rank() == null ? Integer.MAX_VALUE : i.rank()))
                .map(EtsyModel.Image::url_fullxfull).orElse(null);
        List<EtsyModel.Product> products = l.inventory() == null ? List.of() : live(l.inventory().products());
        List<ListingSnapshot.Unit> units = new ArrayList<>();
        for (EtsyModel.Product p : products) {
            EtsyModel.Offering o = offering(p);
            String unitId = products.size() == 1 ? String.valueOf(l.listing_id()) : l.listing_id() + ":" + unitKey(p);
            units.add(new ListingSnapshot.Unit(unitId, blankToNull(p.sku()), o == null ? null : money(o.price()),
                    o == null || o.quantity() == null ? 0 : o.quantity()));
        }
        if (units.isEmpty()) {
            units.add(new ListingSnapshot.Unit(String.valueOf(l.listing_id()), null, money(l.price()), l.quantity() == null ? 0 : l.quantity()));
        }
        return new ListingSnapshot(String.valueOf(l.listing_id()), l.title(), currency, image, l.state(), units);
    }

    /** A variation's stable key: its SKU, else its property values (product ids change with every inventory write). */
    private static String unitKey(EtsyModel.Product p) {
        if (p.sku() != null && !p.sku().isBlank()) {
            return p.sku().trim();
        }
        return p.property_values() == null ? String.valueOf(p.product_id()) : p.property_values().stream()
                .map(v -> v.property_id() + "=" + v.value_ids()).reduce((a, b) -> a + "," + b).orElse(String.valueOf(p.product_id()));
    }

    @Override
    public PushOutcome pushListing(ShopAccess shop, String listingId, List<WantedOffering> wanted) {
        long id = Long.parseLong(listingId);
        try {
            EtsyModel.Inventory inventory = readAhead.take(id)
                    .orElseGet(() -> client.call(shop, (key, bearer) -> api.getListingInventory(key, bearer, id)));
            InventoryChange change = InventoryChange.of(inventory, wanted);
            if (!change.changed()) {
                return PushOutcome.success("unchanged: " + change.summary(), change.notApplied());
            }
            client.call(shop, (key, bearer) -> api.updateListingInventory(key, bearer, id, change.body()));
            return PushOutcome.success(change.summary(), change.notApplied());
        } catch (ReauthenticationRequired e) {
            throw e;
        } catch (MarketplaceUnavailable e) {
            return PushOutcome.later(e.getMessage());
        } catch (MarketplaceRefusal e) {
            return PushOutcome.refused(e.getMessage());
        }
    }

    /**
     * One getListingsByListingIds call with their inventories for the pushes that follow (instead of a
     * getListingInventory each): a group of 25 listings costs 26 calls instead of 50.
     */
    @Override
    public void readAhead(ShopAccess shop, List<String> listingIds) {
        List<Long> ids = listingIds.stream().map(Long::parseLong).distinct().toList();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            EtsyModel.Listings listings = client.call(shop, (key, bearer) -> api.getListingsByListingIds(key, bearer, batch, List.of("Inventory")));
            listings.results().stream().filter(l -> l.inventory() != null).forEach(l -> readAhead.put(l.listing_id(), l.inventory()));
        }
    }

    /** updateListing with {@code state}: Etsy refuses to activate a listing without an image (or a physical one without a shipping profile). */
    @Override
    public PushOutcome setListingActive(ShopAccess shop, String listingId, boolean active) {
        long shopId = Long.parseLong(shop.externalShopId());
        long id = Long.parseLong(listingId);
        return guarded(() -> {
            EtsyModel.Listing l = client.call(shop, (key, bearer) -> api.updateListingState(key, bearer, shopId, id, active ? "active" : "inactive"));
            return PushOutcome.success("listing " + listingId + " " + l.state());
        });
    }

    /** createDraftListing; the SKU is set with a first inventory write, since the draft call takes none. */
    @Override
    public PushOutcome createDraftListing(ShopAccess shop, DraftListing draft) {
        long shopId = Long.parseLong(shop.externalShopId());
        return guarded(() -> {
            EtsyModel.Listing l = client.call(shop, (key, bearer) -> api.createDraftListing(key, bearer, shopId, Math.min(draft.quantity(), MAX_QUANTITY),
                    draft.title(), draft.description(), draft.price().doubleValue(), draft.whoMade(), draft.whenMade(), draft.taxonomyId(),
                    draft.shippingProfileId(), draft.imageIds().isEmpty() ? null : draft.imageIds()));
            if (draft.sku() != null && !draft.sku().isBlank()) {
                EtsyModel.Inventory inventory = client.call(shop, (key, bearer) -> api.getListingInventory(key, bearer, l.listing_id()));
                EtsyModel.Product only = live(inventory.products()).get(0);
                EtsyModel.Inventory withSku = new EtsyModel.Inventory(List.of(new EtsyModel.Product(only.product_id(), draft.sku().trim(), false,
                        only.offerings(), only.property_values())), List.of(), List.of(), List.of());
                client.call(shop, (key, bearer) -> api.updateListingInventory(key, bearer, l.listing_id(), InventoryChange.of(withSku, List.of()).body()));
            }
            return PushOutcome.success("draft listing " + l.listing_id());
        });
    }

    private static PushOutcome guarded(java.util.function.Supplier<PushOutcome> call) {
        try {
            return call.get();
        } catch (ReauthenticationRequired e) {
            throw e;
        } catch (MarketplaceUnavailable e) {
            return PushOutcome.later(e.getMessage());
        } catch (MarketplaceRefusal e) {
            return PushOutcome.refused(e.getMessage());
        }
    }

    static List<EtsyModel.Product> live(List<EtsyModel.Product> products) {
        return products == null ? List.of() : products.stream().filter(p -> !Boolean.TRUE.equals(p.is_deleted())).toList();
    }

    static EtsyModel.Offering offering(EtsyModel.Product p) {
        return p.offerings() == null ? null : p.offerings().stream().filter(o -> !Boolean.TRUE.equals(o.is_deleted())).findFirst().orElse(null);
    }

    static BigDecimal money(EtsyModel.Money m) {
        return m == null ? null : BigDecimal.valueOf(m.amount()).divide(BigDecimal.valueOf(m.divisor()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * The new inventory: every product as it was, except the offerings of the wanted SKUs. Quantities are capped
     * at Etsy's 999 (never above what is available); a price in another currency than the listing's is not applied.
     */
    record InventoryChange(Map<String, Object> body, boolean changed, String summary, Map<String, String> notApplied) {

        static InventoryChange of(EtsyModel.Inventory inventory, List<WantedOffering> wanted) {
            Map<String, WantedOffering> bySku = new LinkedHashMap<>();
            wanted.forEach(w -> bySku.put(w.sku(), w));
            Map<String, String> notApplied = new LinkedHashMap<>();
            List<Map<String, Object>> products = new ArrayList<>();
            List<String> prices = new ArrayList<>();
            List<String> quantities = new ArrayList<>();
            boolean changed = false;
            List<EtsyModel.Product> live = live(inventory.products());
            for (EtsyModel.Product p : live) {
                EtsyModel.Offering o = offering(p);
                if (o == null) {
                    continue;
                }
                String sku = p.sku() == null ? "" : p.sku().trim();
                WantedOffering w = bySku.remove(sku);
                int quantity = o.quantity() == null ? 0 : o.quantity();
                BigDecimal price = money(o.price());
                if (w != null && w.quantity() != null) {
                    int q = Math.max(0, Math.min(w.quantity(), MAX_QUANTITY));
                    changed |= q != quantity;
                    quantity = q;
                    quantities.add(sku + "=" + q);
                }
                if (w != null && w.price() != null) {
                    String currency = o.price() == null ? null : o.price().currency_code();
                    if (w.currency() != null && currency != null && !w.currency().equalsIgnoreCase(currency)) {
                        notApplied.put(sku, "price in " + w.currency() + " but the listing sells in " + currency + ": not pushed");
                    } else if (w.price().signum() <= 0) {
                        notApplied.put(sku, "Etsy needs a price above zero, not " + w.price().toPlainString());
                    } else {
                        changed |= price == null || w.price().compareTo(price) != 0;
                        price = w.price();
                        prices.add(sku + "=" + price.toPlainString());
                    }
                }
                Map<String, Object> offering = new LinkedHashMap<>();
                offering.put("price", price == null ? null : price.doubleValue()); // a float on Etsy's wire only
                offering.put("quantity", quantity);
                offering.put("is_enabled", !Boolean.FALSE.equals(o.is_enabled()));
                offering.put("readiness_state_id", o.readiness_state_id());
                Map<String, Object> product = new LinkedHashMap<>();
                product.put("sku", p.sku() == null ? "" : p.sku());
                product.put("property_values", p.property_values() == null ? List.of() : p.property_values().stream().map(v -> {
                    Map<String, Object> value = new LinkedHashMap<>();
                    value.put("property_id", v.property_id());
                    if (v.property_name() != null) {
                        value.put("property_name", v.property_name());
                    }
                    if (v.scale_id() != null) {
                        value.put("scale_id", v.scale_id());
                    }
                    value.put("value_ids", v.value_ids());
                    value.put("values", v.values());
                    return value;
                }).toList());
                product.put("offerings", List.of(offering));
                products.add(product);
            }
            bySku.keySet().forEach(sku -> notApplied.put(sku, "SKU " + sku + " is no longer on this listing: discover the shop's listings again"));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("products", products);
            body.put("price_on_property", onProperty(inventory.price_on_property(), products, live, "price"));
            body.put("quantity_on_property", onProperty(inventory.quantity_on_property(), products, live, "quantity"));
            body.put("sku_on_property", onProperty(inventory.sku_on_property(), products, live, "sku"));
            String summary = (quantities.isEmpty() ? "" : "quantity " + String.join(", ", quantities))
                    + (prices.isEmpty() ? "" : (quantities.isEmpty() ? "" : "; ") + "price " + String.join(", ", prices));
            return new InventoryChange(body, changed, summary, notApplied);
        }

        /**
         * Etsy refuses products that differ in a value whose {@code *_on_property} is empty: when a push makes them
         * differ, the property every product varies by is declared.
         */
        @SuppressWarnings("unchecked")
        private static List<Long> onProperty(List<Long> declared, List<Map<String, Object>> products, List<EtsyModel.Product> live, String field) {
            List<Long> current = declared == null ? List.of() : declared;
            if (!current.isEmpty() || products.size() < 2) {
                return current;
            }
            long distinct = products.stream().map(p -> field.equals("sku") ? p.get("sku")
                    : ((List<Map<String, Object>>) p.get("offerings")).get(0).get(field)).map(String::valueOf).distinct().count();
            if (distinct < 2) {
                return current;
            }
            return live.get(0).property_values() == null ? current : live.get(0).property_values().stream().map(EtsyModel.PropertyValue::property_id)
                    .filter(Objects::nonNull)
                    .filter(pid -> live.stream().allMatch(p -> p.property_values() != null
                            && p.property_values().stream().anyMatch(v -> pid.equals(v.property_id()))))
                    .limit(1).toList();
        }
    }
}
