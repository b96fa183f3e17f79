package io.oms.inventory.stock;

/**
 * A stock adjustment: a receipt adds {@code quantity} (at least 1), a correction adds it (negative takes
 * away), a count sets on hand to it.
 */
public record Adjustment(Kind kind, String sku, String warehouseCode, int quantity, String reason, String reference) {

    public enum Kind {
        RECEIPT(LedgerEntry.Kind.RECEIPT),
        CORRECTION(LedgerEntry.Kind.CORRECTION),
        COUNT(LedgerEntry.Kind.COUNT);

        private final LedgerEntry.Kind ledgerKind;

        Kind(LedgerEntry.Kind ledgerKind) {
            this.ledgerKind = ledgerKind;
        }

        public LedgerEntry.Kind ledgerKind() {
            return ledgerKind;
        }
    }

    /** The change of on hand this adjustment makes to a row holding {@code onHand}. */
    public int onHandDelta(int onHand) {
        return kind == Kind.COUNT ? quantity - onHand : quantity;
    }
}
