package io.oms.channel.core.sync;

import io.oms.channel.core.shop.ShopService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Manual syncs and the run history; the replica that holds the shop's lease runs them. */
@ApplicationScoped
public class SyncService {

    private final SyncRunStore runs;
    private final ShopService shops;
    private final Clock clock;

    public SyncService(SyncRunStore runs, ShopService shops, Clock clock) {
        this.runs = runs;
        this.shops = shops;
        this.clock = clock;
    }

    /**
     * Queues a manual order sync: from the cursor when {@code from} and {@code to} are null, else of the orders
     * created in that time frame.
     */
    @Transactional
    public SyncRun request(UUID shopId, Instant from, Instant to) {
        shops.get(shopId);
        SyncRun run = new SyncRun(UUID.randomUUID(), shopId, "orders", SyncRun.Trigger.MANUAL, SyncRun.Status.PENDING,
                to == null ? null : from, to, 0, null, null, 0, 0, 0, null, clock.instant(), null, null, List.of());
        runs.insert(run);
        return runs.find(run.id()).orElseThrow();
    }

    /** A failed run again, as a new run over the same time frame. */
    @Transactional
    public SyncRun retry(UUID shopId, UUID runId) {
        SyncRun failed = runs.find(runId).filter(r -> r.shopId().equals(shopId))
                .orElseThrow(() -> new java.util.NoSuchElementException("no sync run " + runId + " of shop " + shopId));
        return request(shopId, failed.isTimeFrame() ? failed.from() : null, failed.to());
    }

    public List<SyncRun> history(UUID shopId, int offset, int limit) {
        shops.get(shopId);
        return runs.list(shopId, offset, limit);
    }

    public long count(UUID shopId) {
        return runs.count(shopId);
    }
}
