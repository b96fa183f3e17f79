package io.oms.channel.core.lease;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The lease table (DESIGN section 6): a shop is worked by the replica that holds its unexpired lease.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas ticking at the same time never wait on
 * each other nor claim the same shop; {@link LeaseTable} keeps the SQL and the fair share.
 */
@ApplicationScoped
public class LeaseStore {

    private final DataSource dataSource;

    public LeaseStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The replica's heartbeat and lease tick, in one transaction: records that {@code owner} is alive, renews its
     * leases, releases those of shops no longer workable (not connected or not active) and, when it holds more than
     * its share ({@code min(maxShops, ceil(workable shops / live replicas))}), the excess (highest shop ids first,
     * never one in {@code busy}); below its share it claims free or expired leases up to it.
     *
     * @param busy shops whose work is in flight on this replica: kept even above the share, released on a later tick
     * @return the shops this replica holds now
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> renewAndClaim(String owner, Instant now, Duration ttl, int maxShops, Set<UUID> busy) {
        try (Connection c = dataSource.getConnection()) {
            LeaseTable.Tick tick = LeaseTable.renewAndClaim(c, owner, now, ttl, maxShops, busy);
            if (!tick.released().isEmpty()) {
                Log.infof("replica %s released %d shops above its share of %d (%d workable shops, %d live replicas)",
                        owner, tick.released().size(), tick.share(), tick.workable(), tick.live());
            }
            return tick.held();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot renew leases of " + owner, e);
        }
    }

    /**
     * Gives every lease of this replica up at once (shutdown), so another replica takes over without waiting for
     * expiry, and removes its heartbeat so the others' share grows at their next tick.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void releaseAll(String owner) {
        try (Connection c = dataSource.getConnection()) {
            LeaseTable.releaseAll(c, owner);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release leases of " + owner, e);
        }
    }

    /** Owner of each shop's unexpired lease (shops without one are absent): the shop API shows it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, String> owners(Collection<UUID> shopIds, Instant now) {
        if (shopIds.isEmpty()) {
            return Map.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select shop_id, owner from channel_shop_lease where shop_id = any(?) and owner is not null and expires_at > ?")) {
            st.setArray(1, c.createArrayOf("uuid", shopIds.toArray()));
            st.setTimestamp(2, java.sql.Timestamp.from(now));
            Map<UUID, String> owners = new HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
            return owners;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read lease owners", e);
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
