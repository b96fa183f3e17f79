package io.oms.inventory.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * The only writer of stock rows: locks a row, applies a change, writes the ledger entry and marks the SKU
 * for the next StockChanged, all in the caller's transaction.
 */
@ApplicationScoped
public class StockLedger {

    private final EntityManager entityManager;
    private final StockEvents stockEvents;
    private final Event<StockIncreased> increased;
    private final Clock clock;

    public StockLedger(EntityManager entityManager, StockEvents stockEvents, Event<StockIncreased> increased, Clock clock) {
        this.entityManager = entityManager;
        this.stockEvents = stockEvents;
        this.increased = increased;
        this.clock = clock;
    }

    /** The stock row of a SKU in a warehouse, created at zero when missing, locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stock lock(String sku, String warehouseCode) {
        entityManager.createNativeQuery("""
                        insert into stock (sku, warehouse_code, on_hand, reserved, version) values (?1, ?2, 0, 0, 0)
                        on conflict (sku, warehouse_code) do nothing""")
                .setParameter(1, sku).setParameter(2, warehouseCode).executeUpdate();
        return Stock.<Stock>find("sku = ?1 and warehouseCode = ?2", sku, warehouseCode)
                .withLock(LockModeType.PESSIMISTIC_WRITE).singleResult();
    }

    /**
     * Applies a change to a locked row. The caller has checked that on hand and reserved stay at zero or
     * above. Fires {@link StockIncreased} when the available quantity went up.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerEntry apply(Stock stock, LedgerEntry.Kind kind, int onHandDelta, int reservedDelta, String reason, String reference) {
        int availableBefore = stock.available();
        stock.onHand += onHandDelta;
        stock.reserved += reservedDelta;
        if (stock.onHand < 0 || stock.reserved < 0) {
            throw new IllegalStateException("stock of " + stock.sku + " in " + stock.warehouseCode + " would go below zero");
        }
        LedgerEntry entry = new LedgerEntry();
        entry.sku = stock.sku;
        entry.warehouseCode = stock.warehouseCode;
        entry.kind = kind;
        entry.onHandDelta = onHandDelta;
        entry.reservedDelta = reservedDelta;
        entry.onHandAfter = stock.onHand;
        entry.reservedAfter = stock.reserved;
        entry.reason = reason;
        entry.reference = reference;
        entry.createdAt = clock.instant();
        entry.persist();
        stockEvents.markChanged(stock.sku);
        if (stock.available() > availableBefore) {
            increased.fire(new StockIncreased(stock.sku, stock.warehouseCode));
        }
        return entry;
    }

    @Transactional
    public List<Stock> stockOf(String sku) {
        return Stock.list("sku = ?1 order by warehouseCode", sku);
    }

    @Transactional
    public List<LedgerEntry> ledger(String sku, int page, int size) {
        return LedgerEntry.find("sku = ?1 order by id", sku).page(page, size).list();
    }

    @Transactional
    public long ledgerSize(String sku) {
        return LedgerEntry.count("sku", sku);
    }
}
