package io.oms.channel.etsy.orders;

import java.util.Optional;

/**
 * Where a cursor run stands in a shop's receipts sorted by update time: the last update second read and how many
 * receipts of that second were read. The next page asks for {@code min_last_modified = updatedSecond} at offset
 * {@code readAtSecond}. A receipt read earlier that changes during the run moves behind the position instead of
 * shifting the rest by one, as a plain offset over the whole run would; only a change within the very second of the
 * position can still shift it.
 */
public record ReceiptPosition(long updatedSecond, int readAtSecond) {

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
