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
    public void save(UUID shopId, String externalOrderId, long revision, String contentHash, String channelStatus, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                insert into channel_order (shop_id, external_order_id, revision, content_hash, channel_status, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (shop_id, external_order_id) do update set revision = excluded.revision,
                content_hash = excluded.content_hash, channel_status = excluded.channel_status, updated_at = excluded.updated_at""")) {
            st.setObject(1, shopId);
            st.setString(2, externalOrderId);
            st.setLong(3, revision);
            st.setString(4, contentHash);
            st.setString(5, channelStatus);
            st.setTimestamp(6, Timestamp.from(now));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store order " + externalOrderId, e);
        }
    }

    public record Published(long revision, String contentHash) {
    }
}
