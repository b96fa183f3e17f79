package io.oms.channel.shopify.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.channel.core.marketplace.FetchedOrder;
import io.oms.channel.core.orders.OrderPageCommit;
import io.oms.channel.core.orders.PublishedOrders;
import io.oms.channel.core.shop.Shop;
import io.oms.channel.core.sync.SyncRun;
import io.oms.channel.core.sync.SyncRunStore;
import io.oms.messaging.outbox.Outbox;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * Shopify-local, until the core does it: the core's page commit, serialised per shop with a transaction-scoped
 * advisory lock. Shopify has two writers of a shop's orders, the poll (the core's worker) and the webhook processor;
 * the core's {@code channel_order ... for update} locks nothing for an order seen for the first time, so without
 * this both could publish its first revision. With the lock the second sees the first's row and publishes nothing.
 * Delete this class once {@link OrderPageCommit} takes such a lock itself. A singleton (no client proxy): the core
 * class has no no-args constructor that a proxy of a subclass would need.
 */
@Alternative
@Priority(1)
@Singleton
public class ShopLockedOrderPageCommit extends OrderPageCommit {

    private final DataSource dataSource;

    public ShopLockedOrderPageCommit(PublishedOrders published, SyncRunStore runs, Outbox outbox, ObjectMapper json, Clock clock,
            DataSource dataSource) {
        super(published, runs, outbox, json, clock);
        this.dataSource = dataSource;
    }

    @Override
    @Transactional
    public void commit(Shop shop, SyncRun run, List<FetchedOrder> page) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select pg_advisory_xact_lock(hashtext('channel-order-commit'), hashtext(?))")) {
            st.setString(1, shop.id().toString());
            st.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock the orders of shop " + shop.id(), e);
        }
        super.commit(shop, run, page);
    }
}
