package io.oms.channel.core.shop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code channel_shop} table, through JDBC; every method joins the caller's transaction. */
@ApplicationScoped
public class ShopStore {

    private static final String COLUMNS = """
            id, channel, external_shop_id, name, status, status_message, active, sync_interval_seconds, import_mode,
            hold_new_orders, max_orders_per_run, skip_order_ids, stock_sync, warehouse, location, order_cursor, last_order_sync_at,
            created_at, updated_at""";

    private final DataSource dataSource;

    public ShopStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Shop shop, byte[] sealedCredentials) {
        String sql = "insert into channel_shop (" + COLUMNS + ", credentials) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            ShopSettings s = shop.settings();
            st.setObject(1, shop.id());
            st.setString(2, shop.channel());
            st.setString(3, shop.externalShopId());
            st.setString(4, shop.name());
            st.setString(5, shop.status().name());
            st.setString(6, shop.statusMessage());
            st.setBoolean(7, s.active());
            st.setInt(8, (int) s.syncInterval().toSeconds());
            st.setString(9, s.importMode().name());
            st.setBoolean(10, s.holdNewOrders());
            st.setInt(11, s.maxOrdersPerRun());
            st.setArray(12, c.createArrayOf("text", s.skipOrderIds().toArray()));
            st.setBoolean(13, s.stockSync());
            st.setString(14, s.warehouse());
            st.setString(15, s.location());
            st.setTimestamp(16, ts(shop.orderCursor()));
            st.setTimestamp(17, ts(shop.lastOrderSyncAt()));
            st.setTimestamp(18, ts(shop.createdAt()));
            st.setTimestamp(19, ts(shop.updatedAt()));
            st.setBytes(20, sealedCredentials);
            st.executeUpdate();
            try (PreparedStatement lease = c.prepareStatement(
                    "insert into channel_shop_lease (shop_id, owner, expires_at) values (?, null, to_timestamp(0))")) {
                lease.setObject(1, shop.id());
                lease.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store shop " + shop.id(), e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Shop> find(UUID id) {
        return query("select " + COLUMNS + " from channel_shop where id = ?", id).stream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Shop> findByExternalId(String channel, String externalShopId) {
        return query("select " + COLUMNS + " from channel_shop where channel = ? and external_shop_id = ?", channel, externalShopId)
                .stream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Shop> list(int offset, int limit) {
        return query("select " + COLUMNS + " from channel_shop order by created_at, id offset ? limit ?", offset, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("select count(*) from channel_shop");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count shops", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void updateSettings(UUID id, String name, ShopSettings s, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                update channel_shop set name = ?, active = ?, sync_interval_seconds = ?, import_mode = ?, hold_new_orders = ?,
                max_orders_per_run = ?, skip_order_ids = ?, stock_sync = ?, warehouse = ?, location = ?, updated_at = ? where id = ?""")) {
            st.setString(1, name);
            st.setBoolean(2, s.active());
            st.setInt(3, (int) s.syncInterval().toSeconds());
            st.setString(4, s.importMode().name());
            st.setBoolean(5, s.holdNewOrders());
            st.setInt(6, s.maxOrdersPerRun());
            st.setArray(7, c.createArrayOf("text", s.skipOrderIds().toArray()));
            st.setBoolean(8, s.stockSync());
            st.setString(9, s.warehouse());
            st.setString(10, s.location());
            st.setTimestamp(11, ts(now));
            st.setObject(12, id);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update shop " + id, e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void updateStatus(UUID id, ShopStatus status, String message, Instant now) {
        update("update channel_shop set status = ?, status_message = ?, updated_at = ? where id = ?",
                status.name(), message, ts(now), id);
    }

    /** Moves the order cursor (never backwards) and notes when the shop was last synced (the first sync starts the re-check cycle). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderSyncDone(UUID id, Instant cursor, Instant syncedAt) {
        update("""
                update channel_shop set order_cursor = greatest(order_cursor, coalesce(?, order_cursor)),
                last_order_sync_at = ?, last_recheck_at = coalesce(last_recheck_at, ?) where id = ?""", ts(cursor), ts(syncedAt), ts(syncedAt), id);
    }

    /** Sets the cursor where it is still empty (a new shop's initial sync). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void initCursor(UUID id, Instant cursor) {
        update("update channel_shop set order_cursor = ? where id = ? and order_cursor is null", ts(cursor), id);
    }

    /** Notes the start of a re-check of open orders; answers false when another worker noted one since {@code before}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recheckStarted(UUID id, Instant before, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "update channel_shop set last_recheck_at = ? where id = ? and last_recheck_at <= ?")) {
            st.setTimestamp(1, ts(now));
            st.setObject(2, id);
            st.setTimestamp(3, ts(before));
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot note a re-check of shop " + id, e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] lockCredentials(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select credentials from channel_shop where id = ? for update")) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no shop " + id);
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read credentials of shop " + id, e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] credentials(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select credentials from channel_shop where id = ?")) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no shop " + id);
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read credentials of shop " + id, e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void storeCredentials(UUID id, byte[] sealed, Instant now) {
        update("update channel_shop set credentials = ?, updated_at = ? where id = ?", sealed, ts(now), id);
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, args);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update channel_shop", e);
        }
    }

    private List<Shop> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, args);
            List<Shop> shops = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    shops.add(map(rs));
                }
            }
            return shops;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read channel_shop", e);
        }
    }

    private static void bind(PreparedStatement st, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            st.setObject(i + 1, args[i]);
        }
    }

    private static Shop map(ResultSet rs) throws SQLException {
        Array skip = rs.getArray("skip_order_ids");
        ShopSettings settings = new ShopSettings(
                rs.getBoolean("active"),
                Duration.ofSeconds(rs.getInt("sync_interval_seconds")),
                ImportMode.valueOf(rs.getString("import_mode")),
                rs.getBoolean("hold_new_orders"),
                rs.getInt("max_orders_per_run"),
                skip == null ? List.of() : Arrays.asList((String[]) skip.getArray()),
                rs.getBoolean("stock_sync"),
                rs.getString("warehouse"),
                rs.getString("location"));
        return new Shop(
                rs.getObject("id", UUID.class),
                rs.getString("channel"),
                rs.getString("external_shop_id"),
                rs.getString("name"),
                ShopStatus.valueOf(rs.getString("status")),
                rs.getString("status_message"),
                settings,
                instant(rs.getTimestamp("order_cursor")),
                instant(rs.getTimestamp("last_order_sync_at")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
