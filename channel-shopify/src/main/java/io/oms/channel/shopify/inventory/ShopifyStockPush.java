package io.oms.channel.shopify.inventory;

import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.push.BatchInventoryPushChannel;
import io.oms.channel.core.push.PushOutcome;
import io.oms.channel.core.push.WantedOffering;
import io.oms.channel.core.shop.ShopSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

/**
 * The core's stock push queue drained into Shopify: each drain cycle hands every due product of a leased shop, at most
 * 250 SKUs per batch, and one batch is one {@code inventorySetQuantities} (plus a re-read and a second write when a
 * sale happened meanwhile). The quantities go to the shop's {@code location} setting (a Location id or gid), else to
 * its primary location. Prices are not set in Shopify (the core reports that as a failed price push).
 */
@ApplicationScoped
public class ShopifyStockPush implements BatchInventoryPushChannel {

    private final ShopifyInventory inventory;
    private final Map<UUID, String> primaryLocations = new ConcurrentHashMap<>();

    public ShopifyStockPush(ShopifyInventory inventory) {
        this.inventory = inventory;
    }

    @Override
    public int maxPerCall() {
        return ShopifyInventory.MAX_PER_CALL;
    }

    @Override
    public Map<String, PushOutcome> pushBatch(ShopAccess shop, ShopSettings settings, List<ListingPush> batch) {
        String location = location(shop, settings);
        Map<String, Integer> wanted = new LinkedHashMap<>();
        batch.forEach(p -> p.wanted().stream().filter(w -> w.quantity() != null).forEach(w -> wanted.put(w.sku(), w.quantity())));
        ShopifyInventory.Result result = inventory.setAvailable(shop, location, wanted);
        Map<String, PushOutcome> outcomes = new LinkedHashMap<>();
        for (ListingPush p : batch) {
            StringJoiner pushed = new StringJoiner(", ", "available at " + location + ": ", "");
            Map<String, String> notApplied = new LinkedHashMap<>();
            for (WantedOffering w : p.wanted()) {
                if (w.quantity() == null) {
                    continue;
                }
                if (result.applied().containsKey(w.sku())) {
                    pushed.add(w.sku() + "=" + result.applied().get(w.sku()));
                } else {
                    notApplied.put(w.sku(), result.failed().getOrDefault(w.sku(), "not written"));
                }
            }
            outcomes.put(p.listingId(), PushOutcome.success(pushed.toString(), notApplied));
        }
        return outcomes;
    }

    /** The configured location as a gid, else the shop's primary location (asked once per shop and replica). */
    String location(ShopAccess shop, ShopSettings settings) {
        String configured = settings.location();
        if (configured != null && !configured.isBlank()) {
            return configured.startsWith("gid://") ? configured : "gid://shopify/Location/" + configured.trim();
        }
        return primaryLocations.computeIfAbsent(shop.id(), id -> inventory.primaryLocation(shop));
    }
}
