package io.oms.channel.core.push;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.channel.core.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The coalescing push queue ({@code channel_push_queue}): one row per shop and listing. A new wanted value is
 * merged into the row (per SKU, latest wins) and bumps its version, so a hundred stock changes of a SKU before
 * the next drain cost one marketplace write. A drained row is deleted only if no newer value arrived meanwhile.
 */
@ApplicationScoped
public class PushQueue {

    private static final TypeReference<Map<String, Integer>> STOCK = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Price>> PRICE = new TypeReference<>() {
    };

    private final Sql sql;
    private final ObjectMapper json;

    public PushQueue(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void wantStock(UUID shopId, String listingId, String sku, int quantity, Instant now) {
        upsert(shopId, listingId, Map.of(sku, quantity), Map.of(), now);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void wantPrice(UUID shopId, String listingId, String sku, BigDecimal price, String currency, Instant now) {
        upsert(shopId, listingId, Map.of(), Map.of(sku, new Price(price.toPlainString(), currency)), now);
    }

    private void upsert(UUID shopId, String listingId, Map<String, Integer> stock, Map<String, Price> price, Instant now) {
        sql.update("""
                insert into channel_push_queue as q (shop_id, listing_id, stock, price, version, attempts, due_at, queued_at)
                values (?, ?, ?, ?, 1, 0, ?, ?)
                on conflict (shop_id, listing_id) do update set stock = q.stock || excluded.stock, price = q.price || excluded.price,
                version = q.version + 1""", shopId, listingId, jsonb(stock), jsonb(price), now, now);
    }

    /** Rows of the shop that are due, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Queued> due(UUID shopId, Instant now, int limit) {
        return sql.query("""
                select listing_id, stock::text, price::text, version, attempts, last_error from channel_push_queue
                where shop_id = ? and due_at <= ? order by due_at, queued_at limit ?""",
                rs -> new Queued(shopId, rs.getString(1), read(rs.getString(2), STOCK), read(rs.getString(3), PRICE), rs.getLong(4),
                        rs.getInt(5), rs.getString(6)), shopId, now, limit);
    }

    /** Removes the row if it still holds what was pushed; a row with newer values stays for the next cycle. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean done(Queued row) {
        return sql.update("delete from channel_push_queue where shop_id = ? and listing_id = ? and version = ?",
                row.shopId(), row.listingId(), row.version()) == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void retryLater(Queued row, Instant dueAt, String error) {
        sql.update("update channel_push_queue set attempts = attempts + 1, due_at = ?, last_error = ? where shop_id = ? and listing_id = ?",
                dueAt, error, row.shopId(), row.listingId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long depth(UUID shopId) {
        return sql.one("select count(*) from channel_push_queue where shop_id = ?", rs -> rs.getLong(1), shopId).orElse(0L);
    }

    /** Every queued row of the shop (for the operator). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Queued> list(UUID shopId) {
        return sql.query("""
                select listing_id, stock::text, price::text, version, attempts, last_error from channel_push_queue where shop_id = ? order by queued_at""",
                rs -> new Queued(shopId, rs.getString(1), read(rs.getString(2), STOCK), read(rs.getString(3), PRICE), rs.getLong(4),
                        rs.getInt(5), rs.getString(6)), shopId);
    }

    private Sql.Json jsonb(Object value) {
        try {
            return new Sql.Json(json.writeValueAsString(value));
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the push queue", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable push queue row", e);
        }
    }

    /** A price as queued: the amount as a decimal string (never a float). */
    public record Price(String amount, String currency) {
    }

    /** One queued row: the latest wanted quantity and price per SKU of one listing, and why its last push failed (or null). */
    public record Queued(UUID shopId, String listingId, Map<String, Integer> stock, Map<String, Price> price, long version, int attempts,
            String lastError) {

        public Queued {
            stock = new TreeMap<>(stock);
            price = new TreeMap<>(price);
        }

        /** One entry per SKU, quantity and price together. */
        public List<WantedOffering> wanted(boolean withStock) {
            TreeMap<String, WantedOffering> out = new TreeMap<>();
            if (withStock) {
                stock.forEach((sku, q) -> out.put(sku, WantedOffering.stock(sku, q)));
            }
            price.forEach((sku, p) -> out.merge(sku, WantedOffering.price(sku, new BigDecimal(p.amount()), p.currency()),
                    (a, b) -> new WantedOffering(sku, a.quantity(), b.price(), b.currency())));
            return new ArrayList<>(out.values());
        }
    }
}
