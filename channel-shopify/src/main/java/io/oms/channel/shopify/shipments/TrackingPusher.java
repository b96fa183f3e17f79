package io.oms.channel.shopify.shipments;

import io.oms.channel.core.lease.LeaseStore;
import io.oms.channel.core.marketplace.ReauthenticationRequired;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.shop.Shop;
import io.oms.channel.core.shop.ShopService;
import io.oms.channel.core.shop.ShopStatus;
import io.oms.channel.core.shop.ShopStore;
import io.oms.channel.core.sync.ShopWorkers;
import io.oms.channel.shopify.config.ShopifyConfig;
import io.oms.events.Channel;
import io.oms.events.CloudEvent;
import io.oms.events.ShopId;
import io.oms.events.channel.ChannelPushResult;
import io.oms.events.channel.PushKind;
import io.oms.messaging.outbox.Outbox;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends queued tracking pushes of the shops this replica holds through {@link ShopifyFulfillments}. The outcome is stored and published as ChannelPushResult in one transaction; Shopify's
 * refusal (user errors, lines it has no more of) is a failed result at once, an outage is retried with backoff up to
 * {@code shopify.shipments.max-attempts}.
 */
@ApplicationScoped
public class TrackingPusher {

    private final TrackingPushes pushes;
    private final ShopStore shops;
    private final ShopService shopService;
    private final LeaseStore leases;
    private final ShopWorkers workers;
    private final ShopifyFulfillments fulfillments;
    private final Outbox outbox;
    private final ShopifyConfig config;
    private final Clock clock;

    public TrackingPusher(TrackingPushes pushes, ShopStore shops, ShopService shopService, LeaseStore leases, ShopWorkers workers,
            ShopifyFulfillments fulfillments, Outbox outbox, ShopifyConfig config, Clock clock) {
        this.pushes = pushes;
        this.shops = shops;
        this.shopService = shopService;
        this.leases = leases;
        this.workers = workers;
        this.fulfillments = fulfillments;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${shopify.shipments.drain-interval:1s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drain() {
        try {
            for (TrackingPush push : pushes.due(clock.instant(), 50)) {
                Optional<Shop> shop = shops.find(push.shopId());
                if (shop.isPresent() && shop.get().status() == ShopStatus.CONNECTED
                        && leases.holds(workers.owner(), push.shopId(), clock.instant())) {
                    push(shop.get(), push);
                }
            }
        } catch (RuntimeException e) {
            Log.warnf("tracking pushes failed: %s", e.getMessage());
        }
    }

    void push(Shop shop, TrackingPush push) {
        ShopifyFulfillments.Outcome outcome;
        try {
            outcome = fulfillments.push(new ShopAccess(shop.id(), shop.externalShopId()), push);
        } catch (ReauthenticationRequired e) {
            shopService.needsReauthentication(shop.id(), e.getMessage());
            pushes.retryLater(push.shipmentId(), e.getMessage(), clock.instant().plus(Duration.ofMinutes(5)));
            return;
        }
        if (outcome.retryable() && push.attempts() + 1 < config.shipments().maxAttempts()) {
            Duration backoff = Duration.ofSeconds(5L << Math.min(push.attempts(), 8));
            Log.infof("tracking push of shipment %s failed (%s): again in %s", push.shipmentId(), outcome.error(), backoff);
            pushes.retryLater(push.shipmentId(), outcome.error(), clock.instant().plus(backoff));
            return;
        }
        finish(shop, push, outcome.success(), outcome.fulfillmentId(), outcome.error());
    }

    /** The push's outcome and its ChannelPushResult, in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void finish(Shop shop, TrackingPush push, boolean success, String fulfillmentId, String error) {
        Instant now = clock.instant();
        if (!pushes.finish(push.shipmentId(), success, fulfillmentId, error, now)) {
            return;
        }
        outbox.add(CloudEvent.of("/channel-shopify/shops/" + shop.externalShopId(), new ChannelPushResult(Channel.SHOPIFY,
                ShopId.of(shop.externalShopId()), PushKind.TRACKING, push.orderId(), success, push.describe(), error, now), clock));
        if (success) {
            Log.infof("shipment %s of order %s fulfilled in Shopify (%s)", push.shipmentId(), push.orderId(), push.describe());
        } else {
            Log.warnf("shipment %s of order %s not fulfilled in Shopify: %s", push.shipmentId(), push.orderId(), error);
        }
    }
}
