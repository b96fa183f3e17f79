package io.oms.channel.core.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.channel.core.db.Sql;
import io.oms.channel.core.listing.ListingStore;
import io.oms.channel.core.listing.ListingStore.ListedUnit;
import io.oms.channel.core.shop.Shop;
import io.oms.channel.core.shop.ShopStore;
import io.oms.events.channel.PushKind;
import io.oms.events.inventory.PriceChanged;
import io.oms.events.inventory.StockChanged;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns the OMS's stock and price changes into queued pushes: for each shop listing the SKU, the wanted quantity
 * (from the shop's warehouse, never more than available) and price. Runs in the consuming transaction (inbox);
 * an event older than the last one seen for its SKU changes nothing.
 */
@ApplicationScoped
public class PushRequests {

    private final ListingStore listings;
    private final ShopStore shops;
    private final PushQueue queue;
    private final PushResults results;
    private final Sql sql;
    private final ObjectMapper json;
    private final Clock clock;

    public PushRequests(ListingStore listings, ShopStore shops, PushQueue queue, PushResults results, Sql sql, ObjectMapper json, Clock clock) {
        this.listings = listings;
        this.shops = shops;
        this.queue = queue;
        this.results = results;
        this.sql = sql;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void stockChanged(StockChanged event) {
        String sku = event.sku().value();
        int accepted = sql.update("""
                insert into channel_sku_state as s (sku, warehouses, total, stock_version) values (?, ?, ?, ?)
                on conflict (sku) do update set warehouses = excluded.warehouses, total = excluded.total, stock_version = excluded.stock_version
                where s.stock_version is null or s.stock_version < excluded.stock_version""",
                sku, jsonb(event.warehouses()), event.totalAvailable(), event.version());
        if (accepted == 0) {
            Log.debugf("StockChanged %s version %d is not newer: ignored", sku, event.version());
            return;
        }
        Instant now = clock.instant();
        perShop(sku).forEach((shopId, units) -> shops.find(shopId).ifPresent(shop -> {
            if (shop.settings().stockSync() && !duplicate(shop, PushKind.STOCK, sku, units)) {
                queue.wantStock(shopId, units.get(0).listingId(), sku, wantedQuantity(shop, event.warehouses(), event.totalAvailable()), now);
            }
        }));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void priceChanged(PriceChanged event) {
        String sku = event.sku().value();
        int accepted = sql.update("""
                insert into channel_sku_state as s (sku, price, selling_price, currency, price_version) values (?, ?, ?, ?, ?)
                on conflict (sku) do update set price = excluded.price, selling_price = excluded.selling_price, currency = excluded.currency,
                price_version = excluded.price_version where s.price_version is null or s.price_version < excluded.price_version""",
                sku, event.price(), event.sellingPrice(), event.currency(), event.version());
        if (accepted == 0 || event.marketplacePrice() == null) {
            return;
        }
        Instant now = clock.instant();
        perShop(sku).forEach((shopId, units) -> shops.find(shopId).ifPresent(shop -> {
            if (!duplicate(shop, PushKind.PRICE, sku, units)) {
                queue.wantPrice(shopId, units.get(0).listingId(), sku, event.marketplacePrice(), event.currency(), now);
            }
        }));
    }

    /**
     * After a discovery: queues the last known stock and price of the shop's SKUs, so a listing found after the
     * OMS published its stock still gets it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueKnown(Shop shop) {
        Instant now = clock.instant();
        Map<String, List<ListedUnit>> bySku = listings.list(shop.id()).stream().filter(u -> u.sku() != null)
                .collect(Collectors.groupingBy(ListedUnit::sku));
        bySku.forEach((sku, units) -> {
            if (units.size() > 1) {
                return;
            }
            sql.one("select warehouses::text, total, stock_version, price, selling_price, currency, price_version from channel_sku_state where sku = ?",
                    rs -> {
                        if (rs.getObject(3) != null && shop.settings().stockSync()) {
                            queue.wantStock(shop.id(), units.get(0).listingId(), sku,
                                    wantedQuantity(shop, readWarehouses(rs.getString(1)), rs.getInt(2)), now);
                        }
                        if (rs.getObject(7) != null) {
                            BigDecimal price = rs.getBigDecimal(5) != null ? rs.getBigDecimal(5) : rs.getBigDecimal(4);
                            if (price != null) {
                                queue.wantPrice(shop.id(), units.get(0).listingId(), sku, price, rs.getString(6), now);
                            }
                        }
                        return Boolean.TRUE;
                    }, sku);
        });
    }

    /** Available from the shop's warehouse (all sellable stock when none is set), never below 0 nor above the total. */
    static int wantedQuantity(Shop shop, List<StockChanged.WarehouseStock> warehouses, int totalAvailable) {
        String warehouse = shop.settings().warehouse();
        int available = warehouse == null || warehouse.isBlank() ? totalAvailable
                : warehouses.stream().filter(w -> warehouse.equals(w.warehouseCode())).mapToInt(StockChanged.WarehouseStock::available)
                        .findFirst().orElse(0);
        return Math.max(0, Math.min(available, totalAvailable));
    }

    private Map<UUID, List<ListedUnit>> perShop(String sku) {
        return listings.bySku(sku).stream().collect(Collectors.groupingBy(ListedUnit::shopId));
    }

    /** A SKU on more than one unit of a shop is not pushed (each would show the whole stock): the operator is told. */
    private boolean duplicate(Shop shop, PushKind kind, String sku, List<ListedUnit> units) {
        if (units.size() < 2) {
            return false;
        }
        String where = units.stream().map(ListedUnit::unitId).collect(Collectors.joining(", "));
        results.publish(shop, kind, sku, false, null, "SKU " + sku + " is on " + units.size() + " listings of the shop (" + where
                + "): not pushed; give each listing its own SKU");
        return true;
    }

    private Sql.Json jsonb(Object value) {
        try {
            return new Sql.Json(json.writeValueAsString(value));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<StockChanged.WarehouseStock> readWarehouses(String text) {
        try {
            return Optional.ofNullable(text).map(t -> {
                try {
                    return List.of(json.readValue(t, StockChanged.WarehouseStock[].class));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).orElse(List.of());
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
