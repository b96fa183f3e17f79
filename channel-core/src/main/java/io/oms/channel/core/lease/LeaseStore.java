package io.oms.channel.core.lease;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The lease table (DESIGN section 6): a shop is worked by the replica that holds its unexpired lease.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas ticking at the same time never wait on
 * each other nor claim the same shop.
 */
@ApplicationScoped
public class LeaseStore {

    private final DataSource dataSource;

    public LeaseStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Renews this replica's leases and claims free or expired ones of workable shops (connected and active),
     * up to {@code maxShops} in all; releases leases of shops that are no longer workable.
     *
     * @return the shops this replica holds now
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> renewAndClaim(String owner, Instant now, Duration ttl, int maxShops) {
        Timestamp nowTs = Timestamp.from(now);
        Timestamp until = Timestamp.from(now.plus(ttl));
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement release = c.prepareStatement("""
                    update channel_shop_lease l set owner = null, expires_at = to_timestamp(0)
                    from channel_shop s where s.id = l.shop_id and l.owner = ? and (not s.active or s.status <> 'CONNECTED')""")) {
                release.setString(1, owner);
                release.executeUpdate();
            }
            List<UUID> claimed = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    select l.shop_id from channel_shop_lease l join channel_shop s on s.id = l.shop_id
                    where s.active and s.status = 'CONNECTED' and (l.owner = ? or l.expires_at < ?)
                    order by (l.owner = ?) desc nulls last, l.shop_id
                    limit ? for update of l skip locked""")) {
                select.setString(1, owner);
                select.setTimestamp(2, nowTs);
                select.setString(3, owner);
                select.setInt(4, maxShops);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            try (PreparedStatement renew = c.prepareStatement(
                    "update channel_shop_lease set owner = ?, expires_at = ? where shop_id = ?")) {
                for (UUID shop : claimed) {
                    renew.setString(1, owner);
                    renew.setTimestamp(2, until);
                    renew.setObject(3, shop);
                    renew.addBatch();
                }
                renew.executeBatch();
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot renew leases of " + owner, e);
        }
    }

    /** Gives every lease of this replica up at once (shutdown), so another replica takes over without waiting for expiry. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void releaseAll(String owner) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "update channel_shop_lease set owner = null, expires_at = to_timestamp(0) where owner = ?")) {
            st.setString(1, owner);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release leases of " + owner, e);
        }
    }

    /** Who holds the shop's lease until when, or null for a free one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Lease lease(UUID shopId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select owner, expires_at from channel_shop_lease where shop_id = ?")) {
            st.setObject(1, shopId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new Lease(shopId, rs.getString(1), rs.getTimestamp(2).toInstant()) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the lease of " + shopId, e);
        }
    }

    /** Whether this replica still holds the shop (checked before each page, so a lost lease stops work). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean holds(String owner, UUID shopId, Instant now) {
        Lease lease = lease(shopId);
        return lease != null && owner.equals(lease.owner()) && lease.expiresAt().isAfter(now);
    }

    public record Lease(UUID shopId, String owner, Instant expiresAt) {
    }
}
