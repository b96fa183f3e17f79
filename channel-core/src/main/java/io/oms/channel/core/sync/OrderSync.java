package io.oms.channel.core.sync;

import io.oms.channel.core.config.ChannelConfig;
import io.oms.channel.core.lease.LeaseStore;
import io.oms.channel.core.marketplace.MarketplaceChannel;
import io.oms.channel.core.marketplace.OrderPage;
import io.oms.channel.core.marketplace.OrderQuery;
import io.oms.channel.core.marketplace.ReauthenticationRequired;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.metrics.ChannelMetrics;
import io.oms.channel.core.orders.OrderPageCommit;
import io.oms.channel.core.orders.PublishedOrders;
import io.oms.channel.core.shop.Shop;
import io.oms.channel.core.shop.ShopService;
import io.oms.channel.core.shop.ShopStore;
import io.oms.messaging.tracing.EventTracing;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Works one leased shop: continues its open run, or starts a scheduled one when the shop is due, and goes
 * through the pages. Each page is fetched outside a transaction (the next one while the current one commits) and
 * committed in one
 * ({@link OrderPageCommit}); the run row remembers where the next page starts, so a stopped replica's
 * successor continues where it left off and a replayed page publishes nothing twice.
 */
@ApplicationScoped
public class OrderSync {

    private final MarketplaceChannel channel;
    private final ShopStore shops;
    private final ShopService shopService;
    private final SyncRunStore runs;
    private final OrderPageCommit pages;
    private final LeaseStore leases;
    private final PublishedOrders published;
    private final ChannelMetrics metrics;
    private final ChannelConfig config;
    private final Clock clock;
    private final EventTracing tracing;
    /** Reads each run's next page while the current one commits: one thread per sync worker. */
    private final ExecutorService pageReads;

    public OrderSync(MarketplaceChannel channel, ShopStore shops, ShopService shopService, SyncRunStore runs, OrderPageCommit pages,
            LeaseStore leases, PublishedOrders published, ChannelMetrics metrics, ChannelConfig config, Clock clock, EventTracing tracing) {
        this.tracing = tracing;
        this.metrics = metrics;
        this.published = published;
        this.channel = channel;
        this.shops = shops;
        this.shopService = shopService;
        this.runs = runs;
        this.pages = pages;
        this.leases = leases;
        this.config = config;
        this.clock = clock;
        this.pageReads = Executors.newFixedThreadPool(config.sync().workers(), r -> {
            Thread t = new Thread(r, "shop-page-read");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param owner   this replica's lease name: work stops when the lease is lost
     * @param running false once the replica stops: work stops after the current page
     */
    public void work(UUID shopId, String owner, BooleanSupplier running) {
        MDC.put("shopId", shopId.toString());
        try {
            Optional<Shop> shop = shops.find(shopId);
            if (shop.isEmpty() || !shop.get().settings().active()) {
                return;
            }
            metrics.cursor(shop.get().externalShopId(), shop.get().orderCursor());
            Optional<SyncRun> run = runs.nextOpen(shopId)
                    .or(() -> due(shop.get()) ? Optional.of(schedule(shop.get())) : Optional.empty())
                    .or(() -> recheck(shop.get()));
            if (run.isPresent()) {
                // one trace per run: the OrderImported events of its pages carry it to the order service
                tracing.inSpan("sync orders", java.util.Map.of("oms.channel", shop.get().channel(), "oms.shop", shop.get().externalShopId(),
                        "oms.sync.run", run.get().id().toString()), () -> runPages(shop.get(), start(shop.get(), run.get()), owner, running));
            }
        } finally {
            MDC.remove("shopId");
        }
    }

    private boolean due(Shop shop) {
        return shop.lastOrderSyncAt() == null || !shop.lastOrderSyncAt().plus(shop.settings().syncInterval()).isAfter(clock.instant());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    SyncRun schedule(Shop shop) {
        Instant now = clock.instant();
        SyncRun.Trigger trigger = shop.orderCursor() == null ? SyncRun.Trigger.INITIAL : SyncRun.Trigger.SCHEDULED;
        SyncRun run = new SyncRun(UUID.randomUUID(), shop.id(), "orders", trigger, SyncRun.Status.PENDING, null, null, 0, null, null,
                0, 0, 0, null, now, null, null, java.util.List.of());
        runs.insert(run);
        return run;
    }

    /**
     * The slower cycle: a time-frame run over the orders created since the oldest one that is neither shipped
     * nor closed, so that changes the cursor never reports (Etsy's cancellations and refunds) are published.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<SyncRun> recheck(Shop shop) {
        Instant now = clock.instant();
        if (shop.orderCursor() == null || !shops.recheckStarted(shop.id(), now.minus(config.sync().recheckInterval()), now)) {
            return Optional.empty();
        }
        return published.oldestOpen(shop.id()).map(oldest -> {
            SyncRun run = new SyncRun(UUID.randomUUID(), shop.id(), "orders", SyncRun.Trigger.RECHECK, SyncRun.Status.PENDING,
                    oldest, now.plus(java.time.Duration.ofDays(1)), 0, null, null, 0, 0, 0, null, now, null, null, java.util.List.of());
            runs.insert(run);
            return run;
        });
    }

    /** A cursor run reads from the shop's cursor (the initial look-back for a new shop), fixed when the run starts. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    SyncRun start(Shop shop, SyncRun run) {
        Instant from = run.from() != null ? run.from()
                : shop.orderCursor() != null ? shop.orderCursor() : clock.instant().minus(config.sync().initialLookback());
        runs.start(run.id(), from, clock.instant());
        return runs.find(run.id()).orElseThrow();
    }

    /**
     * The pages of the run. The next page is read while the current one commits: its position is known once the
     * current page is read (its offset, and the channel's own position), so the marketplace calls are not held up
     * by the database. A prefetched page whose predecessor did not commit is dropped unread by anyone.
     */
    private void runPages(Shop shop, SyncRun run, String owner, BooleanSupplier running) {
        ShopAccess access = new ShopAccess(shop.id(), shop.externalShopId());
        int pageSize = config.sync().pageSize();
        int max = shop.settings().maxOrdersPerRun();
        int seenThisTime = 0;
        Future<OrderPage> next = null;
        try {
            if (!goesOn(owner, shop, running)) {
                Log.infof("run %s of shop %s paused at offset %d", run.id(), shop.id(), run.pageOffset());
                return;
            }
            OrderPage page = channel.fetchOrders(access, query(run, run.pageAfter(), run.pageOffset(), pageSize));
            while (true) {
                seenThisTime += page.orders().size();
                boolean more = !page.last() && !page.orders().isEmpty() && (max <= 0 || seenThisTime < max);
                if (more && goesOn(owner, shop, running)) {
                    OrderQuery following = query(run, page.next(), run.pageOffset() + page.orders().size(), pageSize);
                    next = pageReads.submit(tracing.carried(() -> channel.fetchOrders(access, following)));
                }
                pages.commit(shop, run, page.orders(), page.next());
                run = runs.find(run.id()).orElseThrow();
                if (!more) {
                    finish(shop, run);
                    return;
                }
                if (next == null) {
                    Log.infof("run %s of shop %s paused at offset %d", run.id(), shop.id(), run.pageOffset());
                    return;
                }
                page = read(next);
                next = null;
            }
        } catch (PageAlreadyCommitted e) {
            // the next holder of the shop continues (and finishes) the run; failing it here would end its work
            Log.infof("run %s of shop %s left to the shop's new holder: %s", run.id(), shop.id(), e.getMessage());
        } catch (ReauthenticationRequired e) {
            shopService.needsReauthentication(shop.id(), e.getMessage());
            fail(shop, run, e.getMessage());
        } catch (RuntimeException e) {
            Log.warnf("run %s of shop %s failed: %s", run.id(), shop.id(), e.getMessage());
            fail(shop, run, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            if (next != null) {
                next.cancel(true);
            }
        }
    }

    private boolean goesOn(String owner, Shop shop, BooleanSupplier running) {
        return running.getAsBoolean() && leases.holds(owner, shop.id(), clock.instant());
    }

    private static OrderQuery query(SyncRun run, String after, int offset, int pageSize) {
        return run.isTimeFrame()
                ? new OrderQuery(null, run.from(), run.to(), after, offset, pageSize)
                : new OrderQuery(run.from(), null, null, after, offset, pageSize);
    }

    /** The prefetched page, or what its read threw. */
    private static OrderPage read(Future<OrderPage> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a page", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stopPageReads() {
        pageReads.shutdownNow();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void finish(Shop shop, SyncRun run) {
        Instant now = clock.instant();
        runs.finish(run.id(), SyncRun.Status.SUCCEEDED, null, now);
        // a time-frame run does not move the cursor; a cursor run with nothing new keeps it where it was
        shops.orderSyncDone(shop.id(), run.isTimeFrame() ? null : (run.highWater() != null ? run.highWater() : run.from()), now);
        Log.infof("run %s of shop %s done: %d imported, %d skipped, %d failed", run.id(), shop.id(), run.imported(), run.skipped(), run.failed());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void fail(Shop shop, SyncRun run, String message) {
        Instant now = clock.instant();
        runs.finish(run.id(), SyncRun.Status.FAILED, message, now);
        shops.orderSyncDone(shop.id(), null, now);
    }
}
