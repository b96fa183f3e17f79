package io.oms.channel.shopify.webhooks;

import io.oms.channel.core.lease.LeaseStore;
import io.oms.channel.core.marketplace.FetchedOrder;
import io.oms.channel.core.marketplace.ReauthenticationRequired;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.orders.OrderPageCommit;
import io.oms.channel.core.shop.Shop;
import io.oms.channel.core.shop.ShopService;
import io.oms.channel.core.shop.ShopStatus;
import io.oms.channel.core.shop.ShopStore;
import io.oms.channel.core.sync.ShopWorkers;
import io.oms.channel.core.sync.SyncRun;
import io.oms.channel.core.sync.SyncRunStore;
import io.oms.channel.shopify.ShopifyChannel;
import io.oms.channel.shopify.config.ShopifyConfig;
import io.oms.events.Channel;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Works the stored deliveries after they were answered. Order topics: the replica that holds the shop's lease reads
 * the named orders' current state from Shopify (one call per batch) and commits them through the core's page commit,
 * so a webhook and a poll of the same order revision publish one OrderImported (the core's content hash), and
 * deliveries out of order cannot publish an older state. Other topics (app/uninstalled, privacy) need no Shopify
 * call and are worked by any replica.
 */
@ApplicationScoped
public class WebhookProcessor {

    private static final int MAX_BATCHES_PER_SHOP = 20;

    private final WebhookDeliveries deliveries;
    private final ShopStore shops;
    private final ShopService shopService;
    private final LeaseStore leases;
    private final ShopWorkers workers;
    private final ShopifyChannel channel;
    private final OrderPageCommit pages;
    private final SyncRunStore runs;
    private final PrivacyRequests privacy;
    private final ShopifyConfig config;
    private final Clock clock;

    public WebhookProcessor(WebhookDeliveries deliveries, ShopStore shops, ShopService shopService, LeaseStore leases, ShopWorkers workers,
            ShopifyChannel channel, OrderPageCommit pages, SyncRunStore runs, PrivacyRequests privacy, ShopifyConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.shops = shops;
        this.shopService = shopService;
        this.leases = leases;
        this.workers = workers;
        this.channel = channel;
        this.pages = pages;
        this.runs = runs;
        this.privacy = privacy;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${shopify.webhooks.drain-interval:1s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drain() {
        try {
            while (otherTopics() > 0) {
                // until none is left
            }
            for (String domain : deliveries.shopsWithPendingOrders()) {
                Optional<Shop> shop = shops.findByExternalId(Channel.SHOPIFY.value(), domain);
                if (shop.isPresent() && shop.get().status() == ShopStatus.CONNECTED && shop.get().settings().active()
                        && leases.holds(workers.owner(), shop.get().id(), clock.instant())) {
                    for (int i = 0; i < MAX_BATCHES_PER_SHOP && orderBatch(shop.get()); i++) {
                        // the shop's next batch
                    }
                }
            }
        } catch (RuntimeException e) {
            Log.warnf("webhook processing failed: %s", e.getMessage());
        }
    }

    @Scheduled(every = "1h", delayed = "5m")
    void prune() {
        deliveries.prune(clock.instant().minus(config.webhooks().retention()));
    }

    /** @return whether a batch was worked (more may be pending) */
    boolean orderBatch(Shop shop) {
        List<WebhookDelivery> batch = deliveries.pendingOrders(shop.externalShopId(), config.webhooks().batchSize());
        if (batch.isEmpty()) {
            return false;
        }
        List<String> webhookIds = batch.stream().map(WebhookDelivery::webhookId).toList();
        List<String> orderIds = batch.stream().map(WebhookDelivery::orderId).filter(Objects::nonNull).distinct().toList();
        List<FetchedOrder> orders;
        try {
            orders = orderIds.isEmpty() ? List.of() : channel.fetchOrdersById(new ShopAccess(shop.id(), shop.externalShopId()), orderIds);
        } catch (ReauthenticationRequired e) {
            shopService.needsReauthentication(shop.id(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            Log.warnf("orders of %d webhooks of shop %s could not be read: %s", batch.size(), shop.id(), e.getMessage());
            deliveries.failed(webhookIds, e.getMessage(), config.webhooks().maxAttempts());
            return false;
        }
        publish(shop, orders, webhookIds);
        return true;
    }

    /**
     * One transaction: the orders through the core's page commit (as a run of its own, finished at once, so that the
     * shop's run history shows what webhooks imported) and the deliveries marked processed.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void publish(Shop shop, List<FetchedOrder> orders, List<String> webhookIds) {
        Instant now = clock.instant();
        // MANUAL until the core has a trigger for pushed orders (see the README)
        SyncRun run = new SyncRun(UUID.randomUUID(), shop.id(), "orders", SyncRun.Trigger.MANUAL, SyncRun.Status.RUNNING, null, null, 0,
                null, null, 0, 0, 0, null, now, now, null, List.of());
        runs.insert(run);
        pages.commit(shop, run, orders, null);
        runs.finish(run.id(), SyncRun.Status.SUCCEEDED, "webhooks: " + webhookIds.size() + " deliveries, " + orders.size() + " orders", now);
        deliveries.done(webhookIds, now);
    }

    /** app/uninstalled and the privacy topics; answers how many were worked. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int otherTopics() {
        List<WebhookDelivery> batch = deliveries.lockPendingOthers(50);
        for (WebhookDelivery delivery : batch) {
            switch (delivery.topic()) {
                case "app/uninstalled" -> shops.findByExternalId(Channel.SHOPIFY.value(), delivery.shopDomain()).ifPresent(shop ->
                        shops.updateStatus(shop.id(), ShopStatus.NEEDS_REAUTHENTICATION, "the app was uninstalled from the shop: install and connect it again",
                                clock.instant()));
                case "customers/data_request", "customers/redact", "shop/redact" -> privacy.act(delivery);
                default -> Log.infof("webhook %s of topic %s ignored", delivery.webhookId(), delivery.topic());
            }
        }
        deliveries.done(batch.stream().map(WebhookDelivery::webhookId).toList(), clock.instant());
        return batch.size();
    }
}
