package io.oms.channel.core.lease;

import io.oms.channel.core.ChannelCoreSchema;
import io.oms.testsupport.Infrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several replicas ticking against one real PostgreSQL database (issue 11): the shops are split between them, a
 * replica started later gets its share, and a stopped replica's shops move to the others after the ttl, never held by
 * two at once. Most tests drive the replicas' ticks one after another on a simulated clock, so every moment between
 * two ticks can be observed exactly; the last one lets three replicas tick concurrently on the real clock.
 */
class FairLeaseSharingTest {

    private static final Duration TICK = Duration.ofSeconds(2);
    private static final Duration TTL = Duration.ofSeconds(6);
    private static final int MAX_SHOPS = 100;

    private static PGSimpleDataSource db;

    private final Map<String, Replica> replicas = new HashMap<>();
    private final List<UUID> workable = new ArrayList<>();
    private final List<UUID> unworkable = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeAll
    static void database() {
        Infrastructure infrastructure = Infrastructure.get();
        db = new PGSimpleDataSource();
        db.setUrl(infrastructure.freshDatabase("channel_core_leases"));
        db.setUser(infrastructure.postgres().user());
        db.setPassword(infrastructure.postgres().password());
        new ChannelCoreSchema(db).migrate();
    }

    @BeforeEach
    void twentyWorkableShopsAndTwoThatAreNot() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("delete from channel_shop");
            st.execute("delete from channel_replica");
        }
        for (int i = 0; i < 20; i++) {
            workable.add(shop("shop-" + i, "CONNECTED", true));
        }
        unworkable.add(shop("inactive", "CONNECTED", false));
        unworkable.add(shop("reauth", "NEEDS_REAUTHENTICATION", true));
    }

    @Test
    void aReplicaStartedLaterGetsHalfOfTwentyShopsWithinAFewTicks() {
        Replica a = replica("a");
        a.tick();
        assertThat(a.held).hasSize(20).containsExactlyInAnyOrderElementsOf(workable);

        Replica b = replica("b");
        rounds(3, a, b);

        assertThat(a.held).hasSize(10);
        assertThat(b.held).hasSize(10);
        assertThat(union(a.held, b.held)).containsExactlyInAnyOrderElementsOf(workable).doesNotContainAnyElementsOf(unworkable);
        Set<UUID> before = new HashSet<>(a.held);
        rounds(5, a, b);
        assertThat(a.held).as("a fair split stays put").containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aThirdReplicaArrivingMakesItSevenSevenSix() {
        Replica a = replica("a");
        Replica b = replica("b");
        rounds(3, a, b);

        Replica c = replica("c");
        rounds(3, a, b, c);

        assertThat(List.of(a.held.size(), b.held.size(), c.held.size())).containsExactlyInAnyOrder(7, 7, 6);
        assertThat(union(a.held, b.held, c.held)).containsExactlyInAnyOrderElementsOf(workable);
    }

    @Test
    void aStoppedReplicasShopsMoveToTheOthersAfterTheTtlAndAreNeverHeldByTwo() {
        Replica a = replica("a");
        Replica b = replica("b");
        Replica c = replica("c");
        rounds(3, a, b, c);
        List<UUID> ofC = List.copyOf(c.held);
        assertThat(ofC).isNotEmpty();

        // c stops ticking (killed): until its leases expire nobody else may work its shops
        Instant lastOfC = c.lastTick;
        while (!now.isAfter(lastOfC.plus(TTL))) {
            rounds(1, a, b);
            if (now.isBefore(lastOfC.plus(TTL))) {
                assertThat(union(a.held, b.held)).doesNotContainAnyElementsOf(ofC);
            }
        }
        rounds(2, a, b);

        assertThat(a.held).hasSize(10);
        assertThat(b.held).hasSize(10);
        assertThat(union(a.held, b.held)).containsExactlyInAnyOrderElementsOf(workable);
    }

    @Test
    void aReplicaAboveItsShareKeepsShopsWithWorkInFlight() {
        Replica a = replica("a");
        a.tick();
        List<UUID> sorted = workable.stream().sorted().toList();
        Set<UUID> highest = Set.copyOf(sorted.subList(15, 20));
        a.busy = highest;

        Replica b = replica("b");
        rounds(2, a, b);

        assertThat(a.held).hasSize(10).containsAll(highest);
        assertThat(b.held).hasSize(10).doesNotContainAnyElementsOf(highest);
    }

    @Test
    void aReplicaShutDownGivesItsShopsAndItsShareAwayAtOnce() throws SQLException {
        Replica a = replica("a");
        Replica b = replica("b");
        rounds(3, a, b);

        try (Connection c = db.getConnection()) {
            LeaseTable.releaseAll(c, "b");
        }
        replicas.remove("b");
        rounds(1, a);

        assertThat(a.held).containsExactlyInAnyOrderElementsOf(workable);
    }

    /** Three replicas on their own threads and the real clock (ticks 50 ms apart): they converge, then two take a stopped one's shops. */
    @Test
    void concurrentReplicasConvergeAndTakeOverAStoppedOne() throws Exception {
        // short, yet well above a tick on a busy machine: a replica that misses its renewals for a ttl loses its shops
        Duration ttl = Duration.ofSeconds(2);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Map<String, List<UUID>> held = new java.util.concurrent.ConcurrentHashMap<>();
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(3);
        Map<String, java.util.concurrent.ScheduledFuture<?>> running = new HashMap<>();
        try {
            for (String owner : List.of("x", "y", "z")) {
                running.put(owner, ticks.scheduleWithFixedDelay(() -> {
                    try {
                        held.put(owner, inTransaction(c -> LeaseTable.renewAndClaim(c, owner, Instant.now(), ttl, MAX_SHOPS, Set.of()).held()));
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, 0, 50, TimeUnit.MILLISECONDS));
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(failures).isEmpty();
                assertThat(ownedInTable()).containsOnlyKeys("x", "y", "z");
                assertThat(ownedInTable().values().stream().map(List::size).toList()).containsExactlyInAnyOrder(7, 7, 6);
            });

            running.get("z").cancel(false);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(failures).isEmpty();
                Map<String, List<UUID>> owned = ownedInTable();
                assertThat(owned).containsOnlyKeys("x", "y");
                assertThat(owned.get("x")).hasSize(10);
                assertThat(owned.get("y")).hasSize(10);
                assertThat(union(held.get("x"), held.get("y"))).containsExactlyInAnyOrderElementsOf(workable);
            });
        } finally {
            ticks.shutdownNow();
            ticks.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    // --- simulated replicas ---------------------------------------------------------------------------------------

    private final class Replica {
        final String owner;
        List<UUID> held = List.of();
        Set<UUID> busy = Set.of();
        Instant lastTick;

        Replica(String owner) {
            this.owner = owner;
        }

        void tick() {
            held = inTransaction(c -> LeaseTable.renewAndClaim(c, owner, now, TTL, MAX_SHOPS, busy).held());
            lastTick = now;
            assertEveryShopHeldByOneReplicaAtMost();
        }
    }

    private Replica replica(String owner) {
        Replica r = new Replica(owner);
        replicas.put(owner, r);
        return r;
    }

    /** Each replica ticks once per round, a little apart, the clock moving a tick per round. */
    private void rounds(int count, Replica... ticking) {
        Duration apart = TICK.dividedBy(ticking.length + 1);
        for (int round = 0; round < count; round++) {
            for (Replica r : ticking) {
                now = now.plus(apart);
                r.tick();
            }
            now = now.plus(TICK.minus(apart.multipliedBy(ticking.length)));
        }
    }

    /**
     * After every tick: no shop is in the held set of two replicas whose leases are still running (a replica's set is
     * good until its last tick plus the ttl), and every running holding is what the lease table says.
     */
    private void assertEveryShopHeldByOneReplicaAtMost() {
        Map<UUID, String> holder = new HashMap<>();
        Map<String, List<UUID>> table = ownedInTable(now);
        for (Replica r : replicas.values()) {
            if (r.lastTick == null || !r.lastTick.plus(TTL).isAfter(now)) {
                continue;
            }
            for (UUID shop : r.held) {
                String other = holder.put(shop, r.owner);
                assertThat(other).as("shop %s held by %s and %s at %s", shop, other, r.owner, now).isNull();
            }
            assertThat(table.getOrDefault(r.owner, List.of())).containsExactlyInAnyOrderElementsOf(r.held);
        }
    }

    // --- database helpers -----------------------------------------------------------------------------------------

    private interface InTransaction<T> {
        T run(Connection c) throws SQLException;
    }

    private static <T> T inTransaction(InTransaction<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, List<UUID>> ownedInTable() {
        return ownedInTable(Instant.now());
    }

    private static Map<String, List<UUID>> ownedInTable(Instant at) {
        return inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "select owner, shop_id from channel_shop_lease where owner is not null and expires_at > ?")) {
                st.setTimestamp(1, java.sql.Timestamp.from(at));
                Map<String, List<UUID>> owned = new HashMap<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        owned.computeIfAbsent(rs.getString(1), o -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                    }
                }
                return owned;
            }
        });
    }

    private static UUID shop(String name, String status, boolean active) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement st = c.prepareStatement("""
                    insert into channel_shop (id, channel, external_shop_id, name, status, active, sync_interval_seconds, import_mode,
                        hold_new_orders, max_orders_per_run, skip_order_ids, stock_sync, credentials, created_at, updated_at)
                    values (?, 'test', ?, ?, ?, ?, 60, 'PAID', false, 1000, '{}', true, '\\x00', now(), now())""")) {
                st.setObject(1, id);
                st.setString(2, name + "-" + id);
                st.setString(3, name);
                st.setString(4, status);
                st.setBoolean(5, active);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement(
                    "insert into channel_shop_lease (shop_id, owner, expires_at) values (?, null, to_timestamp(0))")) {
                st.setObject(1, id);
                st.executeUpdate();
            }
        }
        return id;
    }

    @SafeVarargs
    private static Set<UUID> union(Collection<UUID>... sets) {
        Set<UUID> all = new HashSet<>();
        int total = 0;
        for (Collection<UUID> s : sets) {
            all.addAll(s);
            total += s.size();
        }
        assertThat(all).as("no shop in two sets").hasSize(total);
        return all;
    }
}
