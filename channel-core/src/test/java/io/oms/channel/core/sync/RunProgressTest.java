package io.oms.channel.core.sync;

import io.oms.channel.core.ChannelCoreSchema;
import io.oms.testsupport.Infrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run's progress against real PostgreSQL: when a replica that lost a shop's lease mid-page and the shop's next
 * holder both commit the page fetched at the same offset, only the first moves the run on (the second is refused and
 * rolled back), so the run never skips the following page.
 */
class RunProgressTest {

    private static PGSimpleDataSource db;

    @BeforeAll
    static void database() {
        Infrastructure infrastructure = Infrastructure.get();
        db = new PGSimpleDataSource();
        db.setUrl(infrastructure.freshDatabase("channel_core_runs"));
        db.setUser(infrastructure.postgres().user());
        db.setPassword(infrastructure.postgres().password());
        new ChannelCoreSchema(db).migrate();
    }

    @Test
    void aPageCommittedTwiceAtTheSameOffsetMovesTheRunOnOnce() throws SQLException {
        SyncRunStore runs = new SyncRunStore(db);
        UUID shop = shop();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        SyncRun run = new SyncRun(UUID.randomUUID(), shop, "orders", SyncRun.Trigger.INITIAL, SyncRun.Status.RUNNING, now, null, 0, null, null,
                0, 0, 0, null, now, now, null, List.of());
        runs.insert(run);

        runs.pageDone(run.id(), 0, 100, "after-100", now, 100, 0, List.of());
        assertThatThrownBy(() -> runs.pageDone(run.id(), 0, 100, "after-100-again", now, 0, 100, List.of())).isInstanceOf(PageAlreadyCommitted.class);
        runs.pageDone(run.id(), 100, 40, "after-140", now, 40, 0, List.of());

        SyncRun after = runs.find(run.id()).orElseThrow();
        assertThat(after.pageOffset()).isEqualTo(140);
        assertThat(after.pageAfter()).isEqualTo("after-140");
        assertThat(after.imported()).isEqualTo(140);
        assertThat(after.skipped()).isZero();
    }

    private static UUID shop() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("""
                insert into channel_shop (id, channel, external_shop_id, name, status, active, sync_interval_seconds, import_mode,
                    hold_new_orders, max_orders_per_run, skip_order_ids, stock_sync, credentials, created_at, updated_at)
                values (?, 'test', ?, 'shop', 'CONNECTED', true, 60, 'PAID', false, 1000, '{}', true, '\\x00', now(), now())""")) {
            st.setObject(1, id);
            st.setString(2, id.toString());
            st.executeUpdate();
        }
        return id;
    }
}
