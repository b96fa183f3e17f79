package io.oms.channel.core.orders;

import io.oms.channel.core.shop.Shop;
import io.oms.channel.core.shop.ShopService;
import io.oms.events.order.OrderImported;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * Held orders (the shop setting "hold new orders"): a new order waits in {@code channel_held_order} (its latest
 * snapshot, kept current by later syncs) until an operator releases it; release publishes it as OrderImported
 * through the outbox in the transaction that removes it from the hold. Orders already published are never held.
 */
@ApplicationScoped
public class HeldOrders {

    private final HeldOrderStore store;
    private final OrderPageCommit commit;
    private final ShopService shops;

    public HeldOrders(HeldOrderStore store, OrderPageCommit commit, ShopService shops) {
        this.store = store;
        this.commit = commit;
        this.shops = shops;
    }

    /** Releases one held order; answers whether an event was published (false when it was already published). */
    @Transactional
    public boolean release(UUID shopId, String externalOrderId) {
        Shop shop = shops.get(shopId);
        OrderImported snapshot = store.take(shopId, externalOrderId)
                .orElseThrow(() -> new NoSuchElementException("order " + externalOrderId + " is not held in shop " + shopId));
        Log.infof("held order %s of shop %s released", externalOrderId, shopId);
        return commit.release(shop, snapshot);
    }

    /** Releases every order held now, each in its own transaction; answers how many were released. */
    public int releaseAll(UUID shopId) {
        shops.get(shopId);
        int released = 0;
        for (String id : store.ids(shopId)) {
            try {
                release(shopId, id);
                released++;
            } catch (NoSuchElementException alreadyReleased) {
                // released meanwhile by another call
            }
        }
        return released;
    }
}
