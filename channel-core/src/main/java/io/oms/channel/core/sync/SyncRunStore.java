package io.oms.channel.core.sync;

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
import java.util.Optional;
import java.util.UUID;

/** The {@code channel_sync_run} and {@code channel_sync_failure} tables. */
@ApplicationScoped
public class SyncRunStore {

    private static final String COLUMNS = """
            id, shop_id, what, trigger, status, from_time, to_time, page_offset, page_after, high_water, imported, skipped, failed,
            message, created_at, started_at, finished_at""";

    private final DataSource dataSource;

    public SyncRunStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(SyncRun run) {
        update("""
                insert into channel_sync_run (id, shop_id, what, trigger, status, from_time, to_time, created_at, started_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                run.id(), run.shopId(), run.what(), run.trigger().name(), run.status().name(), ts(run.from()), ts(run.to()),
                ts(run.createdAt()), ts(run.startedAt()));
    }

    /** The run to continue or start for the shop: a running one (left by a stopped replica) first, then the oldest pending. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SyncRun> nextOpen(UUID shopId) {
        return query("select " + COLUMNS + """
                 from channel_sync_run where shop_id = ? and status in ('PENDING', 'RUNNING')
                order by case status when 'RUNNING' then 0 else 1 end, created_at limit 1""", false, shopId).stream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SyncRun> find(UUID runId) {
        return query("select " + COLUMNS + " from channel_sync_run where id = ?", true, runId).stream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SyncRun> list(UUID shopId, int offset, int limit) {
        return query("select " + COLUMNS + " from channel_sync_run where shop_id = ? order by created_at desc offset ? limit ?",
                true, shopId, offset, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(UUID shopId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select count(*) from channel_sync_run where shop_id = ?")) {
            st.setObject(1, shopId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count sync runs", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void start(UUID runId, Instant from, Instant now) {
        update("update channel_sync_run set status = 'RUNNING', from_time = coalesce(from_time, ?), started_at = coalesce(started_at, ?) where id = ?",
                ts(from), ts(now), runId);
    }

    /**
     * Records a committed page: where the next page starts (the count read so far and the channel's position), the newest change seen, the counts and the failures.
     *
     * @param pageOffset the run's offset the page was fetched at
     * @throws PageAlreadyCommitted if the run is no longer at that offset (another holder committed the page)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pageDone(UUID runId, int pageOffset, int fetched, String next, Instant highWater, int imported, int skipped, Collection<SyncRun.Failure> failures) {
        int updated = update("""
                update channel_sync_run set page_offset = page_offset + ?, page_after = ?, high_water = greatest(high_water, ?),
                imported = imported + ?, skipped = skipped + ?, failed = failed + ? where id = ? and page_offset = ?""",
                fetched, next, ts(highWater), imported, skipped, failures.size(), runId, pageOffset);
        if (updated == 0) {
            throw new PageAlreadyCommitted(runId, pageOffset);
        }
        if (!failures.isEmpty()) {
            try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                    "insert into channel_sync_failure (run_id, external_id, message, at) values (?, ?, ?, ?)")) {
                for (SyncRun.Failure failure : failures) {
                    st.setObject(1, runId);
                    st.setString(2, failure.externalId());
                    st.setString(3, failure.message());
                    st.setTimestamp(4, ts(failure.at()));
                    st.addBatch();
                }
                st.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot store failures of run " + runId, e);
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(UUID runId, SyncRun.Status status, String message, Instant now) {
        update("update channel_sync_run set status = ?, message = ?, finished_at = ? where id = ?", status.name(), message, ts(now), runId);
    }

    /** Deletes finished runs older than their retention: successful ones after {@code succeededBefore}, failed ones after {@code failedBefore}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int prune(Instant succeededBefore, Instant failedBefore) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                delete from channel_sync_run where (status = 'SUCCEEDED' and finished_at < ?) or (status = 'FAILED' and finished_at < ?)""")) {
            st.setTimestamp(1, ts(succeededBefore));
            st.setTimestamp(2, ts(failedBefore));
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prune sync runs", e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write channel_sync_run", e);
        }
    }

    private List<SyncRun> query(String sql, boolean withFailures, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            List<SyncRun> runs = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject("id", UUID.class);
                    runs.add(new SyncRun(id, rs.getObject("shop_id", UUID.class), rs.getString("what"),
                            SyncRun.Trigger.valueOf(rs.getString("trigger")), SyncRun.Status.valueOf(rs.getString("status")),
                            instant(rs.getTimestamp("from_time")), instant(rs.getTimestamp("to_time")), rs.getInt("page_offset"), rs.getString("page_after"),
                            instant(rs.getTimestamp("high_water")), rs.getInt("imported"), rs.getInt("skipped"), rs.getInt("failed"),
                            rs.getString("message"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                            instant(rs.getTimestamp("finished_at")), withFailures ? failures(c, id) : List.of()));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read channel_sync_run", e);
        }
    }

    private static List<SyncRun.Failure> failures(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "select external_id, message, at from channel_sync_failure where run_id = ? order by id limit 1000")) {
            st.setObject(1, runId);
            List<SyncRun.Failure> failures = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    failures.add(new SyncRun.Failure(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                }
            }
            return failures;
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
