package io.oms.channel.core.push;

import io.oms.channel.core.config.ChannelConfig;
import io.oms.channel.core.lease.LeaseStore;
import io.oms.channel.core.listing.ListingDiscovery;
import io.oms.channel.core.marketplace.ReauthenticationRequired;
import io.oms.channel.core.metrics.ChannelMetrics;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.shipment.ShipmentChannel;
import io.oms.channel.core.shipment.ShipmentPushes;
import io.oms.channel.core.shop.Shop;
import io.oms.channel.core.shop.ShopService;
import io.oms.channel.core.shop.ShopStatus;
import io.oms.channel.core.shop.ShopStore;
import io.oms.events.channel.PushKind;
import io.oms.events.fulfilment.ShipmentCreated;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Drains one leased shop's queues (one drain cycle per call): first listing discovery if the shop was never
 * discovered, then every due listing push (one marketplace write per listing per cycle, under the listing's lock; a
 * channel may read a group of them ahead in one call),
 * then due shipments. The channel's client keeps the calls within the shop's rate limit. A push that failed
 * for an outage stays queued with a growing delay; one the marketplace refused, or that kept failing, ends
 * in a ChannelPushResult failure; a success ends in a ChannelPushResult success.
 */
@ApplicationScoped
public class PushWorker {

    private final Instance<InventoryPushChannel> inventory;
    private final Instance<BatchInventoryPushChannel> batches;
    private final Instance<ShipmentChannel> shipping;
    private final ListingDiscovery discovery;
    private final PushQueue queue;
    private final ShipmentPushes shipments;
    private final PushResults results;
    private final ListingLocks locks;
    private final ShopStore shops;
    private final ShopService shopService;
    private final LeaseStore leases;
    private final ChannelMetrics metrics;
    private final ChannelConfig config;
    private final Clock clock;
    private final Map<UUID, Instant> discoveryFailedAt = new ConcurrentHashMap<>();

    public PushWorker(Instance<InventoryPushChannel> inventory, Instance<BatchInventoryPushChannel> batches, Instance<ShipmentChannel> shipping, ListingDiscovery discovery, PushQueue queue,
            ShipmentPushes shipments, PushResults results, ListingLocks locks, ShopStore shops, ShopService shopService, LeaseStore leases,
            ChannelMetrics metrics, ChannelConfig config, Clock clock) {
        this.metrics = metrics;
        this.inventory = inventory;
        this.batches = batches;
        this.shipping = shipping;
        this.discovery = discovery;
        this.queue = queue;
        this.shipments = shipments;
        this.results = results;
        this.locks = locks;
        this.shops = shops;
        this.shopService = shopService;
        this.leases = leases;
        this.config = config;
        this.clock = clock;
    }

    public void work(UUID shopId, String owner, BooleanSupplier running) {
        MDC.put("shopId", shopId.toString());
        try {
            Optional<Shop> found = shops.find(shopId);
            if (found.isEmpty() || !found.get().settings().active() || found.get().status() != ShopStatus.CONNECTED) {
                return;
            }
            Shop shop = found.get();
            BooleanSupplier go = () -> running.getAsBoolean() && leases.holds(owner, shopId, clock.instant());
            discoverOnce(shop);
            if (batches.isResolvable()) {
                drainBatches(shop, go);
            } else if (inventory.isResolvable()) {
                drainListings(shop, go);
            }
            if (shipping.isResolvable()) {
                drainShipments(shop, go);
            }
            metrics.queueDepth(shop.externalShopId(), queue.depth(shopId));
        } catch (ReauthenticationRequired e) {
            shopService.needsReauthentication(shopId, e.getMessage());
        } finally {
            MDC.remove("shopId");
        }
    }

    private void discoverOnce(Shop shop) {
        if (!discovery.supported() || discovery.discovered(shop.id())) {
            return;
        }
        Instant failed = discoveryFailedAt.get(shop.id());
        if (failed != null && failed.plus(config.push().retryBackoff()).isAfter(clock.instant())) {
            return;
        }
        try {
            discovery.discover(shop.id());
            discoveryFailedAt.remove(shop.id());
        } catch (ReauthenticationRequired e) {
            throw e;
        } catch (RuntimeException e) {
            discoveryFailedAt.put(shop.id(), clock.instant());
            Log.warnf("listing discovery of shop %s failed: %s", shop.id(), e.getMessage());
        }
    }

    private void drainListings(Shop shop, BooleanSupplier go) {
        ShopAccess access = new ShopAccess(shop.id(), shop.externalShopId());
        List<PushQueue.Queued> due = queue.due(shop.id(), clock.instant(), config.push().batchSize());
        int readAhead = Math.max(1, config.push().readAhead());
        for (int from = 0; from < due.size(); from += readAhead) {
            List<PushQueue.Queued> group = due.subList(from, Math.min(due.size(), from + readAhead));
            if (!go.getAsBoolean()) {
                return;
            }
            readAhead(access, group);
            for (PushQueue.Queued row : group) {
                if (!go.getAsBoolean()) {
                    return;
                }
                pushListing(shop, access, row);
            }
        }
    }

    private void readAhead(ShopAccess access, List<PushQueue.Queued> group) {
        List<String> listings = group.stream().map(PushQueue.Queued::listingId).toList();
        try {
            inventory.get().readAhead(access, listings);
        } catch (ReauthenticationRequired e) {
            throw e;
        } catch (RuntimeException e) {
            Log.infof("read-ahead of %d listings failed (each push reads its own): %s", listings.size(), e.getMessage());
        }
    }

    private void pushListing(Shop shop, ShopAccess access, PushQueue.Queued row) {
        List<WantedOffering> wanted = row.wanted(shop.settings().stockSync());
        if (wanted.isEmpty()) {
            listingDone(shop, row, PushOutcome.success(null));
            return;
        }
        PushOutcome outcome;
        try {
            outcome = locks.withLock(shop.id(), row.listingId(), () -> inventory.get().pushListing(access, row.listingId(), wanted));
        } catch (ReauthenticationRequired e) {
            throw e;
        } catch (RuntimeException e) {
            outcome = PushOutcome.later(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        listingDone(shop, row, outcome);
    }

    /**
     * A batching channel: the shop's due rows in one call of at most {@code push.batch-calls × maxPerCall} SKUs (a row
     * is never split; what does not fit waits for the next cycle), which the channel writes in calls of
     * {@code maxPerCall}; the outcomes are recorded in one transaction.
     */
    private void drainBatches(Shop shop, BooleanSupplier go) {
        BatchInventoryPushChannel channel = batches.get();
        int limit = Math.max(1, channel.maxPerCall()) * Math.max(1, config.push().batchCalls());
        List<PushQueue.Queued> batch = new ArrayList<>();
        int skus = 0;
        for (PushQueue.Queued row : queue.due(shop.id(), clock.instant(), limit)) {
            int size = wanted(shop, channel, row).size();
            if (!batch.isEmpty() && skus + size > limit) {
                break;
            }
            batch.add(row);
            skus += size;
        }
        if (!batch.isEmpty() && go.getAsBoolean()) {
            pushBatch(shop, new ShopAccess(shop.id(), shop.externalShopId()), channel, batch);
        }
    }

    private void pushBatch(Shop shop, ShopAccess access, BatchInventoryPushChannel channel, List<PushQueue.Queued> rows) {
        List<BatchInventoryPushChannel.ListingPush> pushes = new ArrayList<>();
        Map<String, PushOutcome> outcomes = new HashMap<>();
        for (PushQueue.Queued row : rows) {
            List<WantedOffering> wanted = wanted(shop, channel, row);
            if (wanted.isEmpty()) {
                outcomes.put(row.listingId(), PushOutcome.success(null));
            } else {
                pushes.add(new BatchInventoryPushChannel.ListingPush(row.listingId(), wanted));
            }
        }
        if (!pushes.isEmpty()) {
            try {
                outcomes.putAll(channel.pushBatch(access, shop.settings(), pushes));
            } catch (ReauthenticationRequired e) {
                throw e;
            } catch (RuntimeException e) {
                PushOutcome later = PushOutcome.later(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                pushes.forEach(p -> outcomes.put(p.listingId(), later));
            }
        }
        batchDone(shop, rows, outcomes, channel.pushesPrices());
    }

    /** What a batching channel is given of a row: stock (if the shop syncs it), prices only if the channel sets them. */
    private static List<WantedOffering> wanted(Shop shop, BatchInventoryPushChannel channel, PushQueue.Queued row) {
        return row.wanted(shop.settings().stockSync()).stream()
                .map(w -> channel.pushesPrices() ? w : new WantedOffering(w.sku(), w.quantity(), null, null))
                .filter(w -> w.quantity() != null || w.price() != null).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void batchDone(Shop shop, List<PushQueue.Queued> rows, Map<String, PushOutcome> outcomes, boolean pushesPrices) {
        for (PushQueue.Queued row : rows) {
            PushOutcome outcome = outcomes.getOrDefault(row.listingId(), PushOutcome.later("no answer for listing " + row.listingId()));
            if (pushesPrices || row.price().isEmpty() || (!outcome.success() && outcome.retryable())) {
                finish(shop, row, outcome);
                continue;
            }
            // the stock's outcome for the stock; the prices were not sent
            finish(shop, new PushQueue.Queued(row.shopId(), row.listingId(), row.stock(), Map.of(), row.version(), row.attempts(),
                    row.lastError()), outcome);
            row.price().forEach((sku, price) -> results.publish(shop, PushKind.PRICE, sku, false, null,
                    "channel-" + shop.channel() + " does not set prices on the marketplace: price " + price.amount() + " " + price.currency()
                            + " not pushed"));
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void listingDone(Shop shop, PushQueue.Queued row, PushOutcome outcome) {
        finish(shop, row, outcome);
    }

    private void finish(Shop shop, PushQueue.Queued row, PushOutcome outcome) {
        Instant now = clock.instant();
        if (!outcome.success() && outcome.retryable() && row.attempts() + 1 < config.push().maxAttempts()) {
            queue.retryLater(row, now.plus(backoff(row.attempts())), outcome.error());
            Log.infof("push of listing %s of shop %s failed (%s): retry %d later", row.listingId(), shop.id(), outcome.error(), row.attempts() + 1);
            return;
        }
        queue.done(row);
        boolean withStock = shop.settings().stockSync();
        if (withStock) {
            row.stock().forEach((sku, quantity) -> result(shop, PushKind.STOCK, sku, outcome, "listing " + row.listingId() + " quantity=" + quantity));
        }
        row.price().forEach((sku, price) -> result(shop, PushKind.PRICE, sku, outcome,
                "listing " + row.listingId() + " price=" + price.amount() + " " + price.currency()));
    }

    private void result(Shop shop, PushKind kind, String sku, PushOutcome outcome, String pushed) {
        String notApplied = outcome.notApplied().get(sku);
        boolean success = outcome.success() && notApplied == null;
        results.publish(shop, kind, sku, success, pushed, success ? null : notApplied != null ? notApplied : outcome.error());
    }

    private void drainShipments(Shop shop, BooleanSupplier go) {
        ShopAccess access = new ShopAccess(shop.id(), shop.externalShopId());
        for (ShipmentPushes.Pending pending : shipments.due(shop.id(), clock.instant(), config.push().batchSize())) {
            if (!go.getAsBoolean()) {
                return;
            }
            ShipmentCreated s = pending.shipment();
            PushOutcome outcome;
            try {
                outcome = locks.withLock(shop.id(), "receipt:" + s.externalOrderId(), () -> shipping.get().pushShipment(access, s));
            } catch (ReauthenticationRequired e) {
                throw e;
            } catch (RuntimeException e) {
                outcome = PushOutcome.later(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            shipmentDone(shop, pending, outcome);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void shipmentDone(Shop shop, ShipmentPushes.Pending pending, PushOutcome outcome) {
        Instant now = clock.instant();
        if (!outcome.success() && outcome.retryable() && pending.attempts() + 1 < config.push().maxAttempts()) {
            shipments.retryLater(pending.shipmentId(), now.plus(backoff(pending.attempts())), outcome.error());
            return;
        }
        ShipmentCreated s = pending.shipment();
        shipments.finish(pending.shipmentId(), outcome.success(), outcome.success() ? outcome.pushed() : outcome.error(), now);
        results.publish(shop, PushKind.TRACKING, s.orderId().value(), outcome.success(),
                outcome.pushed() != null ? outcome.pushed() : s.carrier() + " " + s.trackingNumber(), outcome.error());
        Log.infof("shipment %s of order %s: %s", pending.shipmentId(), s.externalOrderId(),
                outcome.success() ? "sent" : "refused: " + outcome.error());
    }

    /** The configured backoff, doubling with every attempt up to 32 times it. */
    private Duration backoff(int attempts) {
        return config.push().retryBackoff().multipliedBy(1L << Math.min(attempts, 5));
    }
}
