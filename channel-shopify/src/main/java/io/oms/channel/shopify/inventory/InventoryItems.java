package io.oms.channel.shopify.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The {@code shopify_inventory_item} cache: SKU to inventory item and variant, per shop. */
@ApplicationScoped
public class InventoryItems {

    /** @param variantId the variant's gid, may be null */
    public record Item(String sku, String inventoryItemId, String variantId) {
    }

    private final DataSource dataSource;

    public InventoryItems(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Item> find(UUID shopId, Collection<String> skus) {
        Map<String, Item> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select sku, inventory_item_id, variant_id from shopify_inventory_item where shop_id = ? and sku = any (?)")) {
            st.setObject(1, shopId);
            st.setArray(2, c.createArrayOf("text", skus.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Item(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read inventory items", e);
        }
    }

    @Transactional
    public void remember(UUID shopId, Collection<Item> items, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                insert into shopify_inventory_item (shop_id, sku, inventory_item_id, variant_id, resolved_at) values (?, ?, ?, ?, ?)
                on conflict (shop_id, sku) do update set inventory_item_id = excluded.inventory_item_id,
                variant_id = coalesce(excluded.variant_id, shopify_inventory_item.variant_id), resolved_at = excluded.resolved_at""")) {
            for (Item item : items) {
                st.setObject(1, shopId);
                st.setString(2, item.sku());
                st.setString(3, item.inventoryItemId());
                st.setString(4, item.variantId());
                st.setTimestamp(5, Timestamp.from(now));
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store inventory items", e);
        }
    }
}
