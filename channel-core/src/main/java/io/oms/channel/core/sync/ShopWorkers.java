package io.oms.channel.core.sync;

import io.oms.channel.core.config.ChannelConfig;
import io.oms.channel.core.lease.LeaseStore;
import io.oms.channel.core.metrics.ChannelMetrics;
import io.oms.channel.core.push.PushWorker;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * This replica's share of the work: on every tick it renews and claims shop leases (the heartbeat), then
 * gives each leased shop without work in flight to a worker thread ({@link OrderSync}), and each leased shop
 * without a drain in flight to a push thread ({@link PushWorker}: listing discovery, stock, price, shipments),
 * so a long order sync never holds up a shop's pushes.
 */
@ApplicationScoped
public class ShopWorkers {

    private final LeaseStore leases;
    private final OrderSync orderSync;
    private final PushWorker pushWorker;
    private final SyncRunStore runs;
    private final ChannelConfig config;
    private final Clock clock;
    private final String owner;
    private final ExecutorService pool;
    private final ExecutorService pushPool;
    private final Map<UUID, Future<?>> inFlight = new ConcurrentHashMap<>();
    private final Map<UUID, Future<?>> pushesInFlight = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile int heldCount;

    public ShopWorkers(LeaseStore leases, OrderSync orderSync, PushWorker pushWorker, SyncRunStore runs, ChannelConfig config, Clock clock,
            ChannelMetrics metrics) {
        this.leases = leases;
        this.orderSync = orderSync;
        this.pushWorker = pushWorker;
        this.runs = runs;
        this.config = config;
        this.clock = clock;
        this.owner = config.replicaId().orElseGet(ShopWorkers::defaultReplicaId);
        this.pool = Executors.newFixedThreadPool(config.sync().workers(), r -> {
            Thread t = new Thread(r, "shop-worker");
            t.setDaemon(true);
            return t;
        });
        this.pushPool = Executors.newFixedThreadPool(config.push().workers(), r -> {
            Thread t = new Thread(r, "shop-push");
            t.setDaemon(true);
            return t;
        });
        metrics.shopsLeased(this::heldShops);
    }

    @Scheduled(every = "${oms.channel.sync.tick:2s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!running) {
            return;
        }
        try {
            inFlight.values().removeIf(Future::isDone);
            pushesInFlight.values().removeIf(Future::isDone);
            // a shop with work in flight is not released for fairness: its turn comes at a tick when it is idle
            Set<UUID> busy = new HashSet<>(inFlight.keySet());
            busy.addAll(pushesInFlight.keySet());
            List<UUID> held = leases.renewAndClaim(owner, clock.instant(), config.lease().ttl(), config.lease().maxShops(), busy);
            heldCount = held.size();
            for (UUID shopId : held) {
                inFlight.computeIfAbsent(shopId, id -> pool.submit(() -> work(id)));
                pushesInFlight.computeIfAbsent(shopId, id -> pushPool.submit(() -> push(id)));
            }
        } catch (RuntimeException e) {
            Log.warnf("lease tick failed: %s", e.getMessage());
        }
    }

    private void work(UUID shopId) {
        try {
            orderSync.work(shopId, owner, () -> running);
        } catch (RuntimeException e) {
            Log.warnf("work on shop %s failed: %s", shopId, e.getMessage());
        }
    }

    private void push(UUID shopId) {
        try {
            pushWorker.work(shopId, owner, () -> running);
        } catch (RuntimeException e) {
            Log.warnf("pushes of shop %s failed: %s", shopId, e.getMessage());
        }
    }

    @Scheduled(every = "1h", delayed = "1m")
    void pruneRuns() {
        runs.prune(clock.instant().minus(Duration.ofDays(30)), clock.instant().minus(Duration.ofDays(60)));
    }

    /**
     * Stops claiming and working shops: in-flight work stops after its current page, then every lease is
     * given up so another replica (or this one, after {@link #start()}) continues at once.
     */
    public void stop() {
        running = false;
        for (Future<?> work : java.util.stream.Stream.concat(inFlight.values().stream(), pushesInFlight.values().stream()).toList()) {
            try {
                work.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                Log.warnf("work did not stop in time: %s", e.getMessage());
            }
        }
        inFlight.clear();
        pushesInFlight.clear();
        leases.releaseAll(owner);
        heldCount = 0;
        Log.infof("replica %s stopped working shops", owner);
    }

    public void start() {
        running = true;
    }

    /** Shops this replica held after its last tick (0 once stopped). */
    public int heldShops() {
        return heldCount;
    }

    /** This replica's name in the lease table. */
    public String owner() {
        return owner;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
        pool.shutdownNow();
        pushPool.shutdownNow();
    }

    private static String defaultReplicaId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "replica";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
