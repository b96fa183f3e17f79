package io.oms.channel.shopify.orders;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shopify pages with opaque cursors; the core's runs resume at an offset (the number of orders already read).
 * This maps (shop, search, offset) to the cursor that continues there, for the replica that read the previous
 * page. A replica that takes over a run in the middle has no entry and walks the pages from the start (see
 * {@code ShopifyChannel}); the core keeping an opaque page token with the run would spare that walk.
 */
@ApplicationScoped
public class PageCursors {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, String> cursors = new ConcurrentHashMap<>();

    public Optional<String> after(UUID shopId, String search, int offset) {
        return Optional.ofNullable(cursors.get(key(shopId, search, offset)));
    }

    public void remember(UUID shopId, String search, int offset, String cursor) {
        if (cursors.size() > MAX_ENTRIES) {
            cursors.clear(); // old runs' entries; a miss only costs a walk
        }
        cursors.put(key(shopId, search, offset), cursor);
    }

    private static String key(UUID shopId, String search, int offset) {
        return shopId + "|" + search + "|" + offset;
    }
}
