package io.oms.channel.core.metrics;

import io.oms.channel.core.lease.LeaseStore;
import io.oms.channel.core.shop.Shop;
import io.oms.channel.core.shop.ShopStatus;
import io.oms.channel.core.shop.ShopStore;
import io.oms.channel.core.sync.ShopWorkers;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the per-shop gauges true on every replica, from the database rather than from the work this replica did:
 * {@code oms_sync_lag_seconds} and {@code oms_channel_shop_needs_reauthentication} for every shop (so a shop that no
 * replica works still raises its alert, and a replica that lost a shop's lease does not report a lag that only grows),
 * and {@code oms_channel_push_queue_depth} 0 for a shop this replica no longer holds (the autoscaler reads it per pod).
 */
@ApplicationScoped
public class ShopGauges {

    private static final int PAGE = 500;

    private final ShopStore shops;
    private final LeaseStore leases;
    private final ShopWorkers workers;
    private final ChannelMetrics metrics;
    private final Clock clock;

    public ShopGauges(ShopStore shops, LeaseStore leases, ShopWorkers workers, ChannelMetrics metrics, Clock clock) {
        this.shops = shops;
        this.leases = leases;
        this.workers = workers;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "${oms.channel.metrics.refresh:30s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            Log.debugf("shop gauges not refreshed: %s", e.getMessage());
        }
    }

    /** Reads every shop once and sets its gauges. */
    public void refresh() {
        Set<String> depthShops = new HashSet<>(metrics.queueDepthShops());
        for (int offset = 0; ; offset += PAGE) {
            List<Shop> page = shops.list(offset, PAGE);
            for (Shop shop : page) {
                String shopId = shop.externalShopId();
                metrics.needsReauthentication(shopId, shop.status() == ShopStatus.NEEDS_REAUTHENTICATION);
                if (shop.settings().active() && shop.orderCursor() != null) {
                    metrics.cursor(shopId, shop.orderCursor());
                } else {
                    metrics.noCursor(shopId);
                }
                if (depthShops.remove(shopId) && !leases.holds(workers.owner(), shop.id(), clock.instant())) {
                    metrics.queueDepth(shopId, 0);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        depthShops.forEach(gone -> metrics.queueDepth(gone, 0));
    }
}
