package io.oms.inventory.stock;

import io.oms.inventory.item.Item;
import io.oms.inventory.warehouse.Warehouse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Applies stock adjustments (receipts, corrections, counts) through the ledger. */
@ApplicationScoped
public class Adjustments {

    /** The outcome: the ledger entry and the stock after it, or why it was refused. */
    public sealed interface Outcome permits Applied, Refused {
    }

    public record Applied(LedgerEntry entry, Stock stock) implements Outcome {
    }

    /** @param field the request field at fault */
    public record Refused(Reason reason, String field, String detail) implements Outcome {
    }

    public enum Reason { UNKNOWN, INVALID, CONFLICT }

    private final StockLedger ledger;

    public Adjustments(StockLedger ledger) {
        this.ledger = ledger;
    }

    @Transactional
    public Outcome apply(Adjustment adjustment) {
        return applyInTransaction(adjustment, adjustment.kind().ledgerKind());
    }

    /** The same inside the caller's transaction, recorded in the ledger as {@code kind}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome applyInTransaction(Adjustment adjustment, LedgerEntry.Kind kind) {
        if (Item.findByIdOptional(adjustment.sku()).isEmpty()) {
            return new Refused(Reason.UNKNOWN, "sku", "no item has the SKU '" + adjustment.sku() + "'");
        }
        if (Warehouse.findByIdOptional(adjustment.warehouseCode()).isEmpty()) {
            return new Refused(Reason.UNKNOWN, "warehouse", "no warehouse has the code '" + adjustment.warehouseCode() + "'");
        }
        switch (adjustment.kind()) {
            case RECEIPT -> {
                if (adjustment.quantity() < 1) {
                    return new Refused(Reason.INVALID, "quantity", "a receipt adds at least 1 unit");
                }
            }
            case COUNT -> {
                if (adjustment.quantity() < 0) {
                    return new Refused(Reason.INVALID, "quantity", "a count is 0 or more");
                }
            }
            case CORRECTION -> {
                if (adjustment.quantity() == 0) {
                    return new Refused(Reason.INVALID, "quantity", "a correction changes on hand by at least 1 unit");
                }
            }
        }
        Stock stock = ledger.lock(adjustment.sku(), adjustment.warehouseCode());
        int delta = adjustment.onHandDelta(stock.onHand);
        if (stock.onHand + delta < 0) {
            return new Refused(Reason.CONFLICT, "quantity", "on hand of " + adjustment.sku() + " in " + adjustment.warehouseCode()
                    + " is " + stock.onHand + "; a correction of " + delta + " would make it negative");
        }
        LedgerEntry entry = ledger.apply(stock, kind, delta, 0, adjustment.reason(), adjustment.reference());
        return new Applied(entry, stock);
    }
}
