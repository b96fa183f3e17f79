package io.oms.channel.core.lease;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The lease tick's SQL on a connection whose transaction the caller owns ({@link LeaseStore} under JTA; the lease
 * test with a plain connection, so several "replicas" can tick against one database without a Quarkus app each).
 *
 * <p>Fair sharing: every tick upserts this replica's heartbeat ({@code channel_replica}); replicas seen within the
 * ttl are live, and each may hold {@code share = min(maxShops, ceil(workable shops / live replicas))}. A replica
 * above its share releases the excess at once (so a replica started later gets shops within a tick or two instead
 * of never); below it, it claims free or expired leases up to its share. A dead replica stops being live and its
 * leases expire after the same ttl, so the survivors' share grows as its shops become claimable.
 */
final class LeaseTable {

    /** Heartbeat rows older than this many ttl are deleted (a replica that died long ago). */
    static final int PRUNE_AFTER_TTLS = 10;

    private static final String WORKABLE = "s.active and s.status = 'CONNECTED'";

    private LeaseTable() {
    }

    /**
     * One tick of one replica, in the caller's transaction.
     *
     * @param busy shops of this replica with work in flight: never released for fairness (their turn comes when idle)
     */
    static Tick renewAndClaim(Connection c, String owner, Instant now, Duration ttl, int maxShops, Set<UUID> busy) throws SQLException {
        Timestamp nowTs = Timestamp.from(now);
        heartbeat(c, owner, nowTs, Timestamp.from(now.minus(ttl.multipliedBy(PRUNE_AFTER_TTLS))));
        try (PreparedStatement release = c.prepareStatement("""
                update channel_shop_lease l set owner = null, expires_at = to_timestamp(0)
                from channel_shop s where s.id = l.shop_id and l.owner = ? and not (%s)""".formatted(WORKABLE))) {
            release.setString(1, owner);
            release.executeUpdate();
        }
        List<UUID> own = ids(c, """
                select l.shop_id from channel_shop_lease l join channel_shop s on s.id = l.shop_id
                where %s and l.owner = ? order by l.shop_id for update of l skip locked""".formatted(WORKABLE), st -> st.setString(1, owner));
        int live = Math.max(1, count(c, "select count(*) from channel_replica where seen_at > ?", st -> st.setTimestamp(1, Timestamp.from(now.minus(ttl)))));
        int workable = count(c, "select count(*) from channel_shop_lease l join channel_shop s on s.id = l.shop_id where " + WORKABLE, st -> { });
        int share = Math.min(maxShops, (workable + live - 1) / live);

        List<UUID> held = new ArrayList<>(own);
        List<UUID> released = new ArrayList<>();
        if (own.size() > share) {
            // the highest shop ids go first (deterministic: every replica gives up the same end, claims the other)
            own.stream().sorted(Comparator.reverseOrder()).filter(id -> !busy.contains(id)).limit(own.size() - share).forEach(released::add);
            try (PreparedStatement st = c.prepareStatement(
                    "update channel_shop_lease set owner = null, expires_at = to_timestamp(0) where shop_id = ? and owner = ?")) {
                for (UUID shop : released) {
                    st.setObject(1, shop);
                    st.setString(2, owner);
                    st.addBatch();
                }
                st.executeBatch();
            }
            held.removeAll(released);
        } else if (own.size() < share) {
            held.addAll(ids(c, """
                    select l.shop_id from channel_shop_lease l join channel_shop s on s.id = l.shop_id
                    where %s and (l.owner is null or l.expires_at < ?) and l.owner is distinct from ?
                    order by l.shop_id limit ? for update of l skip locked""".formatted(WORKABLE), st -> {
                st.setTimestamp(1, nowTs);
                st.setString(2, owner);
                st.setInt(3, share - own.size());
            }));
        }
        try (PreparedStatement renew = c.prepareStatement("update channel_shop_lease set owner = ?, expires_at = ? where shop_id = ?")) {
            for (UUID shop : held) {
                renew.setString(1, owner);
                renew.setTimestamp(2, Timestamp.from(now.plus(ttl)));
                renew.setObject(3, shop);
                renew.addBatch();
            }
            renew.executeBatch();
        }
        return new Tick(List.copyOf(held), List.copyOf(released), share, live, workable);
    }

    /** Gives every lease of the replica up and removes its heartbeat, so the others' share grows at their next tick. */
    static void releaseAll(Connection c, String owner) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update channel_shop_lease set owner = null, expires_at = to_timestamp(0) where owner = ?")) {
            st.setString(1, owner);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("delete from channel_replica where owner = ?")) {
            st.setString(1, owner);
            st.executeUpdate();
        }
    }

    private static void heartbeat(Connection c, String owner, Timestamp now, Timestamp pruneBefore) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into channel_replica (owner, seen_at) values (?, ?)
                on conflict (owner) do update set seen_at = excluded.seen_at""")) {
            st.setString(1, owner);
            st.setTimestamp(2, now);
            st.executeUpdate();
        }
        // skip locked: two replicas pruning the same rows in different orders must not deadlock each other's tick
        try (PreparedStatement st = c.prepareStatement("""
                delete from channel_replica where owner in
                (select owner from channel_replica where seen_at < ? for update skip locked)""")) {
            st.setTimestamp(1, pruneBefore);
            st.executeUpdate();
        }
    }

    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    private static List<UUID> ids(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private static int count(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * What one tick decided.
     *
     * @param held     the shops this replica holds now (renewed for a ttl)
     * @param released shops given up because this replica held more than its share
     * @param share    how many shops this replica may hold
     * @param live     replicas seen within the ttl, this one included
     * @param workable connected and active shops
     */
    record Tick(List<UUID> held, List<UUID> released, int share, int live, int workable) {
    }
}
