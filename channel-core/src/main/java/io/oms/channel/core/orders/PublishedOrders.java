package io.oms.channel.core.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code channel_order} table: what was last published per marketplace order. */
@ApplicationScoped
public class PublishedOrders {

    private final DataSource dataSource;

    public PublishedOrders(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The last published revision and content, locked until the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Published> lock(UUID shopId, String externalOrderId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select revision, content_hash from channel_order where shop_id = ? and external_order_id = ? for update")) {
            st.setObject(1, shopId);
            st.setString(2, externalOrderId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new Published(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read order " + externalOrderId, e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(UUID shopId, String externalOrderId, long revision, String contentHash, String channelStatus, Instant orderCreatedAt,
            Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                insert into channel_order (shop_id, external_order_id, revision, content_hash, channel_status, updated_at, order_created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (shop_id, external_order_id) do update set revision = excluded.revision,
                content_hash = excluded.content_hash, channel_status = excluded.channel_status, updated_at = excluded.updated_at,
                order_created_at = excluded.order_created_at""")) {
            st.setObject(1, shopId);
            st.setString(2, externalOrderId);
            st.setLong(3, revision);
            st.setString(4, contentHash);
            st.setString(5, channelStatus);
            st.setTimestamp(6, Timestamp.from(now));
            st.setTimestamp(7, orderCreatedAt == null ? Timestamp.from(now) : Timestamp.from(orderCreatedAt));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store order " + externalOrderId, e);
        }
    }

    /** When the oldest order of the shop that is neither shipped nor closed was created, if there is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> oldestOpen(UUID shopId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select min(order_created_at) from channel_order where shop_id = ? and channel_status in ('PENDING', 'PAID')")) {
            st.setObject(1, shopId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(1);
                return Optional.ofNullable(oldest).map(Timestamp::toInstant);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read open orders of shop " + shopId, e);
        }
    }

    public record Published(long revision, String contentHash) {
    }
}
