package io.oms.channel.etsy.orders;

import java.util.Optional;

/**
 * Where a cursor run stands in a shop's receipts sorted by update time: the last update second read and how many
 * receipts of that second were read. The next page asks for {@code min_last_modified = updatedSecond} at offset
 * {@code readAtSecond}. A receipt read earlier that changes during the run moves behind the position instead of
 * shifting the rest by one, as a plain offset over the whole run would. Within the second of the position a receipt
 * read that changes does shift the others (Etsy orders a second's receipts among themselves, and a busy shop has
 * hundreds in one second), so the next page starts {@link #OVERLAP} receipts early: what it reads again is unchanged
 * and publishes nothing, and up to that many receipts of the second may change between two pages without one
 * being skipped. More than that is left to the re-check run.
 */
public record ReceiptPosition(long updatedSecond, int readAtSecond) {

    /** Receipts of the position's second read again by the next page. */
    public static final int OVERLAP = 10;

    /**
     * Where the next page of {@code pageSize} starts: {@link #OVERLAP} receipts before this position within its second
     * (at most half a page, so that every page moves on).
     */
    public ReceiptPosition withOverlap(int pageSize) {
        return new ReceiptPosition(updatedSecond, Math.max(0, readAtSecond - Math.min(OVERLAP, pageSize / 2)));
    }

    /** The position after one more receipt, updated at {@code updatedSecond} (null: counted in the current second). */
    public ReceiptPosition after(Long receiptUpdatedSecond) {
        if (receiptUpdatedSecond == null || receiptUpdatedSecond == updatedSecond) {
            return new ReceiptPosition(updatedSecond, readAtSecond + 1);
        }
        return new ReceiptPosition(receiptUpdatedSecond, 1);
    }

    /** The position a page ended at, as {@link #toString()} wrote it; empty when none was kept. */
    public static Optional<ReceiptPosition> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] parts = text.split(":");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReceiptPosition(Long.parseLong(parts[0]), Integer.parseInt(parts[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return updatedSecond + ":" + readAtSecond;
    }
}
