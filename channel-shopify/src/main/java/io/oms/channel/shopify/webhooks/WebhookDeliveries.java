package io.oms.channel.shopify.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The {@code shopify_webhook_delivery} table, through JDBC (like the core's stores). */
@ApplicationScoped
public class WebhookDeliveries {

    private static final String COLUMNS = "webhook_id, shop_domain, topic, order_id, customer_id, body, received_at";

    private final DataSource dataSource;

    public WebhookDeliveries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a delivery; answers false when one with the same webhook id was stored before (a duplicate). */
    @Transactional
    public boolean store(WebhookDelivery d) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                insert into shopify_webhook_delivery (webhook_id, shop_domain, topic, order_id, customer_id, body, status, received_at)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?) on conflict (webhook_id) do nothing""")) {
            st.setString(1, d.webhookId());
            st.setString(2, d.shopDomain());
            st.setString(3, d.topic());
            st.setString(4, d.orderId());
            st.setString(5, d.customerId());
            st.setString(6, d.body());
            st.setTimestamp(7, Timestamp.from(d.receivedAt()));
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store webhook " + d.webhookId(), e);
        }
    }

    /** Shops with pending order deliveries. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> shopsWithPendingOrders() {
        List<String> shops = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select distinct shop_domain from shopify_webhook_delivery where status = 'PENDING' and topic like 'orders/%'");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                shops.add(rs.getString(1));
            }
            return shops;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pending webhooks", e);
        }
    }

    /** The oldest pending order deliveries of a shop. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookDelivery> pendingOrders(String shopDomain, int limit) {
        return query("select " + COLUMNS + " " + """
                 from shopify_webhook_delivery where status = 'PENDING' and topic like 'orders/%' and shop_domain = ?
                 order by received_at limit ?""", shopDomain, limit);
    }

    /** Pending deliveries of other topics (app/uninstalled, privacy), locked for the caller's transaction; other replicas skip them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<WebhookDelivery> lockPendingOthers(int limit) {
        return query("select " + COLUMNS + " " + """
                 from shopify_webhook_delivery where status = 'PENDING' and topic not like 'orders/%'
                 order by received_at limit ? for update skip locked""", limit);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void done(Collection<String> webhookIds, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "update shopify_webhook_delivery set status = 'DONE', processed_at = ? where webhook_id = any (?) and status = 'PENDING'")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setArray(2, c.createArrayOf("text", webhookIds.toArray()));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark webhooks processed", e);
        }
    }

    /**
     * Notes a failed attempt; the delivery stays pending and is tried again on the next cycle, until {@code maxAttempts}:
     * then it is FAILED (left for operators; the poll still imports its order).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(Collection<String> webhookIds, String error, int maxAttempts) {
        update("""
                update shopify_webhook_delivery set attempts = attempts + 1, last_error = ?,
                status = case when attempts + 1 >= ? then 'FAILED' else status end where webhook_id = any (?)""", error, maxAttempts, webhookIds);
    }

    /** Removes the personal data (the raw bodies) of these orders' and this customer's deliveries; answers how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int redactCustomer(String shopDomain, String customerId, Collection<String> orderIds) {
        return update("""
                update shopify_webhook_delivery set body = null, customer_id = null
                where shop_domain = ? and body is not null and topic like 'orders/%' and (customer_id = ? or order_id = any (?))""",
                shopDomain, customerId, orderIds);
    }

    /** Removes every raw body of the shop (shop/redact); answers how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int redactShop(String shopDomain) {
        return update("update shopify_webhook_delivery set body = null, customer_id = null where shop_domain = ? and body is not null "
                + "and topic like 'orders/%'", shopDomain);
    }

    /** How many stored deliveries hold data of this customer or these orders (a data request's answer). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int countForCustomer(String shopDomain, String customerId, Collection<String> orderIds) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                select count(*) from shopify_webhook_delivery where shop_domain = ? and body is not null and topic like 'orders/%'
                and (customer_id = ? or order_id = any (?))""")) {
            st.setString(1, shopDomain);
            st.setString(2, customerId);
            st.setArray(3, c.createArrayOf("text", orderIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count deliveries", e);
        }
    }

    /** Deletes processed deliveries received before {@code before}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int prune(Instant before) {
        return update("delete from shopify_webhook_delivery where status <> 'PENDING' and processed_at < ?", Timestamp.from(before));
    }

    /** Deliveries of a shop, newest first (operators and tests). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookDelivery> recent(String shopDomain, int limit) {
        return query("select " + COLUMNS + " from shopify_webhook_delivery where shop_domain = ? order by received_at desc limit ?",
                shopDomain, limit);
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bind(c, st, args);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update shopify_webhook_delivery", e);
        }
    }

    private List<WebhookDelivery> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bind(c, st, args);
            List<WebhookDelivery> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new WebhookDelivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read shopify_webhook_delivery", e);
        }
    }

    private static void bind(Connection c, PreparedStatement st, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Collection<?> values) {
                st.setArray(i + 1, c.createArrayOf("text", values.toArray()));
            } else {
                st.setObject(i + 1, args[i]);
            }
        }
    }
}
