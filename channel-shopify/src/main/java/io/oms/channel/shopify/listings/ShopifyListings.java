package io.oms.channel.shopify.listings;

import com.fasterxml.jackson.databind.JsonNode;
import io.oms.channel.core.listing.DraftListing;
import io.oms.channel.core.listing.ListingChannel;
import io.oms.channel.core.listing.ListingSnapshot;
import io.oms.channel.core.listing.ListingStateChannel;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.push.PushOutcome;
import io.oms.channel.shopify.client.ShopifyClient;
import io.oms.channel.shopify.client.ShopifyDocuments;
import io.oms.channel.shopify.inventory.InventoryItems;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shopify's products as the core's listings: a listing is a product (id = the numeric tail of its gid), a unit is
 * one of its variants (unit id = the variant's numeric id, with its SKU, price and quantity); the first image is the
 * product's featured media. Read as pages of variants with their product, cursor by cursor, within the cost budget
 * (the client waits for the bucket). The variants' inventory items are remembered for the stock push, so a SKU is
 * not searched again and a SKU changed in Shopify later still reaches its variant's item. Activation sets the
 * product's status ACTIVE, deactivation DRAFT ({@code productUpdate}).
 */
@ApplicationScoped
public class ShopifyListings implements ListingChannel, ListingStateChannel {

    static final int PAGE = 100;

    private final ShopifyClient client;
    private final InventoryItems items;
    private final Clock clock;

    public ShopifyListings(ShopifyClient client, InventoryItems items, Clock clock) {
        this.client = client;
        this.items = items;
        this.clock = clock;
    }

    @Override
    public List<ListingSnapshot> discoverListings(ShopAccess shop) {
        Map<String, Product> products = new LinkedHashMap<>();
        List<InventoryItems.Item> learned = new ArrayList<>();
        String currency = null;
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", PAGE);
            variables.put("after", after);
            JsonNode data = client.query(shop, ShopifyDocuments.VARIANTS_PAGE, variables);
            currency = data.path("shop").path("currencyCode").asText(null);
            JsonNode page = data.path("productVariants");
            for (JsonNode v : page.path("nodes")) {
                JsonNode p = v.path("product");
                Product product = products.computeIfAbsent(tail(p.path("id").asText()), id -> new Product(id, p.path("title").asText(null),
                        p.path("featuredMedia").path("preview").path("image").path("url").asText(null),
                        p.path("status").asText("ACTIVE").toLowerCase()));
                String sku = v.path("sku").asText(null);
                product.units.add(new ListingSnapshot.Unit(tail(v.path("id").asText()), sku,
                        v.hasNonNull("price") ? new BigDecimal(v.path("price").asText()) : null, Math.max(0, v.path("inventoryQuantity").asInt())));
                if (sku != null && !sku.isBlank() && v.path("inventoryItem").hasNonNull("id")) {
                    learned.add(new InventoryItems.Item(sku.trim(), v.path("inventoryItem").path("id").asText(), v.path("id").asText()));
                }
            }
            after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor").asText() : null;
        } while (after != null);
        if (!learned.isEmpty()) {
            items.remember(shop.id(), learned.stream().collect(java.util.stream.Collectors.toMap(InventoryItems.Item::sku, i -> i, (a, b) -> a,
                    LinkedHashMap::new)).values(), clock.instant());
        }
        String shopCurrency = currency;
        return products.values().stream().map(p -> new ListingSnapshot(p.id, p.title, shopCurrency, p.image, p.state, p.units)).toList();
    }

    @Override
    public PushOutcome setListingActive(ShopAccess shop, String listingId, boolean active) {
        String status = active ? "ACTIVE" : "DRAFT";
        JsonNode answer = client.query(shop, ShopifyDocuments.PRODUCT_STATUS,
                Map.of("product", Map.of("id", "gid://shopify/Product/" + tail(listingId), "status", status))).path("productUpdate");
        JsonNode errors = answer.path("userErrors");
        if (!errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            errors.forEach(e -> messages.add(e.path("message").asText()));
            return PushOutcome.refused("Shopify refused status " + status + " for product " + listingId + ": " + String.join("; ", messages));
        }
        return PushOutcome.success("product " + listingId + " status=" + answer.path("product").path("status").asText(status));
    }

    @Override
    public PushOutcome createDraftListing(ShopAccess shop, DraftListing draft) {
        return PushOutcome.refused("channel-shopify does not create products: create it in Shopify, it is discovered with its SKUs");
    }

    /** The numeric tail of a gid ({@code gid://shopify/Product/42} → 42); a plain id stays as it is. */
    static String tail(String gid) {
        int slash = gid.lastIndexOf('/');
        return slash < 0 ? gid : gid.substring(slash + 1);
    }

    private static final class Product {
        final String id;
        final String title;
        final String image;
        final String state;
        final List<ListingSnapshot.Unit> units = new ArrayList<>();

        Product(String id, String title, String image, String state) {
            this.id = id;
            this.title = title;
            this.image = image;
            this.state = state;
        }
    }
}
