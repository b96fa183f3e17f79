package io.oms.channel.core.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.channel.core.db.Sql;
import io.oms.channel.core.marketplace.FetchedOrder;
import io.oms.channel.core.metrics.ChannelMetrics;
import io.oms.channel.core.shop.ImportMode;
import io.oms.channel.core.shop.Shop;
import io.oms.channel.core.sync.SyncRun;
import io.oms.channel.core.sync.SyncRunStore;
import io.oms.events.CloudEvent;
import io.oms.events.order.OrderImported;
import io.oms.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Commits one fetched page in one transaction: new and changed orders into the outbox, what was published
 * into {@code channel_order}, and the run's progress (which is the cursor of a resumed run). A replayed page
 * finds every order unchanged and publishes nothing; an order whose content changed gets a revision above
 * the last published one even when the marketplace's change time did not move.
 *
 * <p>Commits of one shop are serialised (a transaction-scoped advisory lock): a channel may have two writers of a
 * shop's orders (Shopify: the poll and the webhook processor), and an order seen for the first time has no row
 * yet that {@code for update} could lock, so without it both could publish its first revision.
 */
@ApplicationScoped
public class OrderPageCommit {

    private final PublishedOrders published;
    private final HeldOrderStore held;
    private final SyncRunStore runs;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final Sql sql;
    private final ChannelMetrics metrics;
    private final TransactionSynchronizationRegistry transactions;

    public OrderPageCommit(PublishedOrders published, SyncRunStore runs, HeldOrderStore held, Outbox outbox, ObjectMapper json, Clock clock,
            Sql sql, ChannelMetrics metrics, TransactionSynchronizationRegistry transactions) {
        this.metrics = metrics;
        this.transactions = transactions;
        this.sql = sql;
        this.held = held;
        this.published = published;
        this.runs = runs;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param next where the run's next page starts, as the channel said ({@link io.oms.channel.core.marketplace.OrderPage#next()})
     */
    @Transactional
    public void commit(Shop shop, SyncRun run, List<FetchedOrder> page, String next) {
        sql.query("select pg_advisory_xact_lock(hashtext('channel-order-commit'), hashtext(?))", rs -> true, shop.id().toString());
        Instant now = clock.instant();
        int imported = 0;
        int skipped = 0;
        Instant highWater = null;
        List<SyncRun.Failure> failures = new ArrayList<>();
        for (FetchedOrder order : page) {
            if (order.changedAt() != null && (highWater == null || order.changedAt().isAfter(highWater))) {
                highWater = order.changedAt();
            }
            org.jboss.logging.MDC.put("orderKey", shop.channel() + ":" + shop.externalShopId() + ":" + order.externalOrderId());
            try {
                if (order.isFailure()) {
                    failures.add(new SyncRun.Failure(order.externalOrderId(), order.failure(), now));
                } else if (publish(shop, order.snapshot(), now)) {
                    imported++;
                } else {
                    skipped++;
                }
            } finally {
                org.jboss.logging.MDC.remove("orderKey");
            }
        }
        runs.pageDone(run.id(), run.pageOffset(), page.size(), next, highWater, imported, skipped, failures);
    }

    /** @return whether an event was added to the outbox (a held order is not: it waits for its release) */
    private boolean publish(Shop shop, OrderImported snapshot, Instant now) {
        if (shop.settings().skipOrderIds().contains(snapshot.externalOrderId())) {
            return false;
        }
        var last = published.lock(shop.id(), snapshot.externalOrderId());
        if (last.isEmpty() && shop.settings().importMode() == ImportMode.PAID && !snapshot.paid()) {
            return false;
        }
        if (last.isEmpty() && (shop.settings().holdNewOrders() || held.isHeld(shop.id(), snapshot.externalOrderId()))) {
            held.hold(shop.id(), snapshot, now);
            return false;
        }
        return publishNow(shop, snapshot, last, now);
    }

    /** Publishes a released held order (the operator's decision), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean release(Shop shop, OrderImported snapshot) {
        return publishNow(shop, snapshot, published.lock(shop.id(), snapshot.externalOrderId()), clock.instant());
    }

    private boolean publishNow(Shop shop, OrderImported snapshot, java.util.Optional<PublishedOrders.Published> last, Instant now) {
        String hash = contentHash(snapshot);
        if (last.isPresent() && last.get().contentHash().equals(hash)) {
            return false;
        }
        long revision = last.map(l -> Math.max(snapshot.revision(), l.revision() + 1)).orElse(snapshot.revision());
        OrderImported event = withRevision(snapshot, revision);
        published.save(shop.id(), snapshot.externalOrderId(), revision, hash,
                snapshot.channelStatus() == null ? "UNKNOWN" : snapshot.channelStatus().name(), snapshot.createdAt(), now);
        outbox.add(CloudEvent.of("/channel-" + shop.channel() + "/shops/" + shop.externalShopId(), event, clock));
        countAfterCommit(shop.externalShopId());
        return true;
    }

    /** oms_channel_orders_imported_total counts what committed, whoever published it (poll, webhook, release). */
    private void countAfterCommit(String shop) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    metrics.ordersImported(shop, 1);
                }
            }
        });
    }

    private String contentHash(OrderImported snapshot) {
        try {
            byte[] content = json.writeValueAsBytes(withRevision(snapshot, 0));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash order " + snapshot.externalOrderId(), e);
        }
    }

    static OrderImported withRevision(OrderImported o, long revision) {
        return new OrderImported(o.channel(), o.shopId(), o.externalOrderId(), o.externalOrderNumber(), o.marketplaceStatus(),
                o.channelStatus(), o.buyer(), o.shippingAddress(), o.billingAddress(), o.lines(), o.totals(), o.paid(),
                o.shippingMethod(), o.createdAt(), o.updatedAt(), revision);
    }

}
