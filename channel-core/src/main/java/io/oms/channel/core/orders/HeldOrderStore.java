package io.oms.channel.core.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.channel.core.db.Sql;
import io.oms.events.order.OrderImported;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code channel_held_order}: new orders of shops that hold them, with their latest snapshot, until released. */
@ApplicationScoped
public class HeldOrderStore {

    private final Sql sql;
    private final ObjectMapper json;

    public HeldOrderStore(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(UUID shopId, OrderImported snapshot, Instant now) {
        try {
            sql.update("""
                    insert into channel_held_order (shop_id, external_order_id, snapshot, held_at, updated_at) values (?, ?, ?, ?, ?)
                    on conflict (shop_id, external_order_id) do update set snapshot = excluded.snapshot, updated_at = excluded.updated_at""",
                    shopId, snapshot.externalOrderId(), new Sql.Json(json.writeValueAsString(snapshot)), now, now);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isHeld(UUID shopId, String externalOrderId) {
        return sql.one("select 1 from channel_held_order where shop_id = ? and external_order_id = ?", rs -> 1, shopId, externalOrderId).isPresent();
    }

    /** Takes the held order out (locked, deleted), answering its latest snapshot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<OrderImported> take(UUID shopId, String externalOrderId) {
        Optional<OrderImported> snapshot = sql.one("select snapshot::text from channel_held_order where shop_id = ? and external_order_id = ? for update",
                rs -> read(rs.getString(1)), shopId, externalOrderId);
        snapshot.ifPresent(s -> sql.update("delete from channel_held_order where shop_id = ? and external_order_id = ?", shopId, externalOrderId));
        return snapshot;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Held> list(UUID shopId, int offset, int limit) {
        return sql.query("""
                select external_order_id, snapshot::text, held_at, updated_at from channel_held_order where shop_id = ?
                order by held_at, external_order_id offset ? limit ?""",
                rs -> {
                    OrderImported o = read(rs.getString(2));
                    return new Held(rs.getString(1), o.marketplaceStatus(), o.totals() == null ? null : o.totals().total(),
                            o.totals() == null ? null : o.totals().currency(), o.createdAt(), Sql.instant(rs.getTimestamp(3)), Sql.instant(rs.getTimestamp(4)));
                }, shopId, offset, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(UUID shopId) {
        return sql.one("select count(*) from channel_held_order where shop_id = ?", rs -> rs.getLong(1), shopId).orElse(0L);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> ids(UUID shopId) {
        return sql.query("select external_order_id from channel_held_order where shop_id = ? order by held_at", rs -> rs.getString(1), shopId);
    }

    private OrderImported read(String text) {
        try {
            return json.readValue(text, OrderImported.class);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable held order", e);
        }
    }

    /** A held order as the operator sees it. */
    public record Held(String externalOrderId, String marketplaceStatus, java.math.BigDecimal grandTotal, String currency, Instant createdAt,
            Instant heldAt, Instant updatedAt) {
    }
}
