package io.oms.channel.shopify.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.shopify.client.ShopifyClient;
import io.oms.channel.shopify.client.ShopifyDocuments;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes wanted "available" quantities of SKUs at a location: SKUs resolved to inventory items (cached; a SKU changed
 * in Shopify is found again through the cached variant), current quantities read, then
 * {@code inventorySetQuantities} with compare quantities, up to 250 per call. Shopify applies a call all or nothing;
 * when a compare quantity is stale (a sale happened between read and write), the chunk is read again and each
 * quantity is lowered by what was sold meanwhile, so the sale is not overwritten, and written again.
 *
 * <p>Called by {@link ShopifyStockPush}, the core's batch drain of the coalescing push queue (StockChanged → latest
 * wanted quantity per shop and SKU), once per batch of at most 250 SKUs.
 */
@ApplicationScoped
public class ShopifyInventory {

    static final int MAX_PER_CALL = 250;
    static final int READS_PER_CALL = 50;
    static final int STALE_RETRIES = 5;

    /**
     * @param applied    SKU → the quantity Shopify now has
     * @param failed     SKU → why it was not written
     * @param mutations  inventorySetQuantities calls made
     */
    public record Result(Map<String, Integer> applied, Map<String, String> failed, int mutations) {
    }

    private final ShopifyClient client;
    private final InventoryItems items;
    private final Clock clock;

    public ShopifyInventory(ShopifyClient client, InventoryItems items, Clock clock) {
        this.client = client;
        this.items = items;
        this.clock = clock;
    }

    /** The shop's primary location's gid. */
    public String primaryLocation(ShopAccess shop) {
        return client.query(shop, ShopifyDocuments.PRIMARY_LOCATION, Map.of()).path("location").path("id").asText();
    }

    /** @param wanted SKU → absolute available quantity */
    public Result setAvailable(ShopAccess shop, String locationId, Map<String, Integer> wanted) {
        Map<String, String> failed = new LinkedHashMap<>();
        Map<String, InventoryItems.Item> resolved = resolve(shop, List.copyOf(wanted.keySet()), failed);
        Map<String, Integer> applied = new LinkedHashMap<>();
        List<String> skus = new ArrayList<>(resolved.keySet());
        int mutations = 0;
        for (int from = 0; from < skus.size(); from += MAX_PER_CALL) {
            List<String> chunk = skus.subList(from, Math.min(skus.size(), from + MAX_PER_CALL));
            Map<String, Integer> current = available(shop, locationId, chunk, resolved, failed);
            Map<String, Integer> target = new LinkedHashMap<>();
            current.keySet().forEach(sku -> target.put(sku, Math.max(0, wanted.get(sku))));
            for (int attempt = 0; !target.isEmpty(); attempt++) {
                mutations++;
                JsonNode answer = client.query(shop, ShopifyDocuments.SET_AVAILABLE, Map.of("input", input(locationId, target, current, resolved)))
                        .path("inventorySetQuantities");
                JsonNode errors = answer.path("userErrors");
                if (errors.isEmpty()) {
                    applied.putAll(target);
                    break;
                }
                boolean stale = false;
                for (JsonNode e : errors) {
                    stale |= "COMPARE_QUANTITY_STALE".equals(e.path("code").asText());
                }
                if (!stale || attempt >= STALE_RETRIES) {
                    String why = errors.get(0).path("message").asText();
                    target.keySet().forEach(sku -> failed.put(sku, "Shopify refused the quantities: " + why));
                    break;
                }
                // a sale (or another writer) changed Shopify meanwhile: keep what happened there, on top of what is wanted
                Map<String, Integer> reread = available(shop, locationId, List.copyOf(target.keySet()), resolved, failed);
                for (String sku : List.copyOf(target.keySet())) {
                    if (!reread.containsKey(sku)) {
                        target.remove(sku);
                        continue;
                    }
                    int soldMeanwhile = current.get(sku) - reread.get(sku);
                    target.put(sku, Math.max(0, target.get(sku) - soldMeanwhile));
                    current.put(sku, reread.get(sku));
                }
                Log.infof("stock of %d SKU(s) of shop %s changed in Shopify between read and write: written again", target.size(), shop.id());
            }
        }
        return new Result(applied, failed, mutations);
    }

    private static Map<String, Object> input(String locationId, Map<String, Integer> target, Map<String, Integer> current,
            Map<String, InventoryItems.Item> resolved) {
        List<Map<String, Object>> quantities = new ArrayList<>();
        target.forEach((sku, quantity) -> quantities.add(Map.of("inventoryItemId", resolved.get(sku).inventoryItemId(), "locationId", locationId,
                "quantity", quantity, "compareQuantity", current.get(sku))));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", "available");
        input.put("reason", "correction");
        input.put("quantities", quantities);
        return input;
    }

    /** SKU → item: the cache, else a search by SKU (stored); a SKU Shopify does not know is a failure. */
    private Map<String, InventoryItems.Item> resolve(ShopAccess shop, List<String> skus, Map<String, String> failed) {
        Map<String, InventoryItems.Item> found = new LinkedHashMap<>(items.find(shop.id(), skus));
        List<String> unknown = skus.stream().filter(s -> !found.containsKey(s)).toList();
        List<InventoryItems.Item> learned = new ArrayList<>();
        for (int from = 0; from < unknown.size(); from += READS_PER_CALL) {
            List<String> chunk = unknown.subList(from, Math.min(unknown.size(), from + READS_PER_CALL));
            Map<String, Object> variables = new LinkedHashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                variables.put("q" + i, "sku:\"" + chunk.get(i).replace("\"", "\\\"") + "\"");
            }
            JsonNode data = client.query(shop, ShopifyDocuments.inventoryItemsBySku(chunk.size()), variables);
            for (int i = 0; i < chunk.size(); i++) {
                String sku = chunk.get(i);
                JsonNode nodes = data.path("s" + i).path("nodes");
                if (nodes.size() == 1) {
                    InventoryItems.Item item = new InventoryItems.Item(sku, nodes.get(0).path("id").asText(),
                            nodes.get(0).path("variant").path("id").asText(null));
                    found.put(sku, item);
                    learned.add(item);
                } else {
                    failed.put(sku, nodes.isEmpty() ? "no Shopify variant has SKU " + sku : "several Shopify variants have SKU " + sku);
                }
            }
        }
        if (!learned.isEmpty()) {
            items.remember(shop.id(), learned, clock.instant());
        }
        return found;
    }

    /**
     * A cached inventory item Shopify no longer knows: the cached variant's current item (the variant may carry another
     * SKU in Shopify by now), remembered under the OMS SKU. False if the variant is gone too.
     */
    private boolean refound(ShopAccess shop, String sku, Map<String, InventoryItems.Item> resolved) {
        InventoryItems.Item cached = resolved.get(sku);
        if (cached.variantId() == null || cached.variantId().isBlank()) {
            return false;
        }
        JsonNode variant = client.query(shop, ShopifyDocuments.VARIANT_ITEM, Map.of("id", cached.variantId())).path("productVariant");
        String item = variant.path("inventoryItem").path("id").asText(null);
        if (item == null || item.equals(cached.inventoryItemId())) {
            return false;
        }
        InventoryItems.Item fresh = new InventoryItems.Item(sku, item, cached.variantId());
        resolved.put(sku, fresh);
        items.remember(shop.id(), List.of(fresh), clock.instant());
        Log.infof("SKU %s of shop %s: found again through variant %s (inventory item %s)", sku, shop.id(), cached.variantId(), item);
        return true;
    }

    /** SKU → available at the location; an item not stocked there is a failure. */
    private Map<String, Integer> available(ShopAccess shop, String locationId, List<String> skus, Map<String, InventoryItems.Item> resolved,
            Map<String, String> failed) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int from = 0; from < skus.size(); from += READS_PER_CALL) {
            List<String> chunk = skus.subList(from, Math.min(skus.size(), from + READS_PER_CALL));
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("location", locationId);
            for (int i = 0; i < chunk.size(); i++) {
                variables.put("id" + i, resolved.get(chunk.get(i)).inventoryItemId());
            }
            JsonNode data = client.query(shop, ShopifyDocuments.availableAt(chunk.size()), variables);
            for (int i = 0; i < chunk.size(); i++) {
                if (!data.hasNonNull("i" + i) && refound(shop, chunk.get(i), resolved)) {
                    out.putAll(available(shop, locationId, List.of(chunk.get(i)), resolved, failed));
                    continue;
                }
                JsonNode level = data.path("i" + i).path("inventoryLevel");
                if (level.isNull() || level.isMissingNode()) {
                    failed.put(chunk.get(i), "the inventory item of SKU " + chunk.get(i) + " is not stocked at " + locationId);
                    continue;
                }
                for (JsonNode q : level.path("quantities")) {
                    if ("available".equals(q.path("name").asText())) {
                        out.put(chunk.get(i), q.path("quantity").asInt());
                    }
                }
            }
        }
        return out;
    }
}
