package io.oms.channel.core.listing;

import io.oms.channel.core.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code channel_listing}: the sellable units found per shop and the SKU each carries. */
@ApplicationScoped
public class ListingStore {

    private final Sql sql;

    public ListingStore(Sql sql) {
        this.sql = sql;
    }

    /** Replaces what is known of the shop's listings with what the marketplace showed now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(UUID shopId, List<ListingSnapshot> listings, Instant now) {
        sql.update("delete from channel_listing where shop_id = ?", shopId);
        for (ListingSnapshot l : listings) {
            for (ListingSnapshot.Unit u : l.units()) {
                sql.update("""
                        insert into channel_listing (shop_id, unit_id, listing_id, sku, title, price, currency, quantity, image_url, state, discovered_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (shop_id, unit_id) do nothing""",
                        shopId, u.unitId(), l.listingId(), blankToNull(u.sku()), l.title(), u.price(), l.currency(), u.quantity(),
                        l.imageUrl(), l.state(), now);
            }
        }
        sql.update("update channel_shop set listings_discovered_at = ? where id = ?", now, shopId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ListedUnit> list(UUID shopId) {
        return sql.query("select " + COLUMNS + " from channel_listing where shop_id = ? order by listing_id, unit_id", ListingStore::map, shopId);
    }

    /** Units that carry the SKU, in every shop of this service. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ListedUnit> bySku(String sku) {
        return sql.query("select " + COLUMNS + " from channel_listing where sku = ? order by shop_id, listing_id", ListingStore::map, sku);
    }

    /** SKUs that more than one unit of the shop carries, with those units. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DuplicateSku> duplicates(UUID shopId) {
        return sql.query("""
                select sku, array_agg(unit_id order by unit_id) from channel_listing where shop_id = ? and sku is not null
                group by sku having count(*) > 1 order by sku""",
                rs -> new DuplicateSku(rs.getString(1), List.of((String[]) rs.getArray(2).getArray())), shopId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> discoveredAt(UUID shopId) {
        return sql.one("select listings_discovered_at from channel_shop where id = ? and listings_discovered_at is not null", rs -> Sql.instant(rs.getTimestamp(1)), shopId);
    }

    private static final String COLUMNS = "shop_id, unit_id, listing_id, sku, title, price, currency, quantity, image_url, state, discovered_at";

    private static ListedUnit map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ListedUnit(rs.getObject("shop_id", UUID.class), rs.getString("unit_id"), rs.getString("listing_id"), rs.getString("sku"),
                rs.getString("title"), rs.getBigDecimal("price"), rs.getString("currency"), (Integer) rs.getObject("quantity"),
                rs.getString("image_url"), rs.getString("state"), Sql.instant(rs.getTimestamp("discovered_at")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** One stored unit. */
    public record ListedUnit(UUID shopId, String unitId, String listingId, String sku, String title, java.math.BigDecimal price,
            String currency, Integer quantity, String imageUrl, String state, Instant discoveredAt) {
    }

    /** A SKU carried by more than one unit of a shop: reported, never merged; its stock is not pushed. */
    public record DuplicateSku(String sku, List<String> unitIds) {
    }
}
