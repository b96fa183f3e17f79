package io.oms.inventory.importing;

import io.oms.inventory.item.Item;
import io.oms.inventory.item.ItemData;
import io.oms.inventory.item.ItemService;
import io.oms.inventory.stock.Adjustment;
import io.oms.inventory.stock.Adjustments;
import io.oms.inventory.stock.LedgerEntry;
import io.oms.inventory.warehouse.Warehouse;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bulk import of items and stock from CSV. Columns (by header name, any order): {@code sku, name, price,
 * currency} required; {@code description, sellingPrice, status, warehouse, onHand} optional. A row with a
 * warehouse and onHand sets the stock there (a count). Rows are checked first and applied in
 * transactions of 200; a bad row is refused with its reason and the others go on.
 */
@ApplicationScoped
public class ItemImport {

    public enum Outcome { CREATED, UPDATED, REFUSED }

    /** @param line the line number in the file (the header is line 1) */
    public record RowResult(int line, String sku, Outcome outcome, String reason, String field) {
    }

    public record Report(int created, int updated, int refused, List<RowResult> rows) {
    }

    private static final Set<String> REQUIRED = Set.of("sku", "name", "price", "currency");
    /** Rows applied per transaction. */
    private static final int CHUNK = 200;

    /** A refused row; thrown inside the row's transaction so that nothing of it stays. */
    private static final class RowRefused extends RuntimeException {
        final String field;

        RowRefused(String column, String reason) {
            super(reason.replace(column, display(column)), null, false, false);
            this.field = display(column);
        }

        /** Columns are matched in lower case; reasons name them as the documented header does. */
        private static String display(String column) {
            return switch (column) {
                case "onhand" -> "onHand";
                case "sellingprice" -> "sellingPrice";
                default -> column;
            };
        }
    }

    private final ItemService items;
    private final Adjustments adjustments;

    public ItemImport(ItemService items, Adjustments adjustments) {
        this.items = items;
        this.adjustments = adjustments;
    }

    /** Imports the file; empty when the header itself is unusable (then the answer names the missing column). */
    public Report importCsv(String text) {
        List<List<String>> records = Csv.parse(text == null ? "" : text.replace("\uFEFF", ""));
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the file is empty: a header line is needed");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new IllegalArgumentException("the header has no column '" + required + "'");
            }
        }
        RowResult[] results = new RowResult[records.size() - 1];
        List<Prepared> prepared = new ArrayList<>();
        Map<String, Boolean> warehouseExists = new HashMap<>();
        for (int i = 1; i < records.size(); i++) {
            int line = i + 1;
            Row row = new Row(columns, records.get(i));
            try {
                prepared.add(prepare(line, row, warehouseExists));
            } catch (RowRefused e) {
                results[i - 1] = new RowResult(line, row.get("sku"), Outcome.REFUSED, e.getMessage(), e.field);
            }
        }
        for (int from = 0; from < prepared.size(); from += CHUNK) {
            List<Prepared> chunk = prepared.subList(from, Math.min(prepared.size(), from + CHUNK));
            try {
                List<Boolean> created = QuarkusTransaction.requiringNew().call(() -> chunk.stream().map(this::apply).toList());
                for (int i = 0; i < chunk.size(); i++) {
                    Prepared row = chunk.get(i);
                    results[row.line() - 2] = new RowResult(row.line(), row.sku(), created.get(i) ? Outcome.CREATED : Outcome.UPDATED, null, null);
                }
            } catch (RuntimeException chunkFailed) {
                // one row spoiled the chunk: apply its rows one by one, so only that row is refused
                for (Prepared row : chunk) {
                    results[row.line() - 2] = applyAlone(row);
                }
            }
        }
        List<RowResult> rows = List.of(results);
        int created = (int) rows.stream().filter(r -> r.outcome() == Outcome.CREATED).count();
        int updated = (int) rows.stream().filter(r -> r.outcome() == Outcome.UPDATED).count();
        int refused = (int) rows.stream().filter(r -> r.outcome() == Outcome.REFUSED).count();
        return new Report(created, updated, refused, rows);
    }

    /** A row that passed the checks, ready to apply. */
    private record Prepared(int line, String sku, ItemData data, String warehouse, Integer onHand) {
    }

    private Prepared prepare(int line, Row row, Map<String, Boolean> warehouseExists) {
        ItemData data = row.toItem();
        String warehouse = row.get("warehouse");
        Integer onHand = row.integer("onhand");
        if (onHand != null && warehouse == null) {
            throw new RowRefused("warehouse", "onHand needs a warehouse");
        }
        if (warehouse != null && !warehouseExists.computeIfAbsent(warehouse,
                code -> QuarkusTransaction.requiringNew().call(() -> Warehouse.findByIdOptional(code).isPresent()))) {
            throw new RowRefused("warehouse", "no warehouse has the code '" + warehouse + "'");
        }
        return new Prepared(line, row.get("sku"), data, warehouse, onHand);
    }

    /** Inside a transaction: saves the item and sets its stock; answers whether the item was created. */
    private boolean apply(Prepared row) {
        boolean created = items.save(row.sku(), row.data()).created();
        if (row.warehouse() != null && row.onHand() != null) {
            Adjustments.Outcome outcome = adjustments.applyInTransaction(
                    new Adjustment(Adjustment.Kind.COUNT, row.sku(), row.warehouse(), row.onHand(), "CSV import", "line " + row.line()),
                    LedgerEntry.Kind.IMPORT);
            if (outcome instanceof Adjustments.Refused refusal) {
                throw new RowRefused(refusal.field(), refusal.detail());
            }
        }
        return created;
    }

    private RowResult applyAlone(Prepared row) {
        try {
            boolean created = QuarkusTransaction.requiringNew().call(() -> apply(row));
            return new RowResult(row.line(), row.sku(), created ? Outcome.CREATED : Outcome.UPDATED, null, null);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof RowRefused)) {
                cause = cause.getCause();
            }
            if (cause instanceof RowRefused refused) {
                return new RowResult(row.line(), row.sku(), Outcome.REFUSED, refused.getMessage(), refused.field);
            }
            return new RowResult(row.line(), row.sku(), Outcome.REFUSED, "the row could not be stored: " + e.getClass().getSimpleName(), null);
        }
    }

    /** One data row, read by column name, checked like the API checks a body. */
    private record Row(Map<String, Integer> columns, List<String> fields) {

        String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= fields.size()) {
                return null;
            }
            String value = fields.get(index).trim();
            return value.isEmpty() ? null : value;
        }

        Integer integer(String column) {
            String value = get(column);
            if (value == null) {
                return null;
            }
            try {
                int number = Integer.parseInt(value);
                if (number < 0) {
                    throw new RowRefused(column, column + " must be 0 or more");
                }
                return number;
            } catch (NumberFormatException e) {
                throw new RowRefused(column, column + " is not a whole number: '" + value + "'");
            }
        }

        BigDecimal amount(String column, boolean required) {
            String value = get(column);
            if (value == null) {
                if (required) {
                    throw new RowRefused(column, column + " is missing");
                }
                return null;
            }
            try {
                BigDecimal amount = new BigDecimal(value);
                if (amount.signum() < 0 || amount.scale() > 6 || amount.precision() - amount.scale() > 13) {
                    throw new RowRefused(column, column + " must be an amount of 0 or more with at most 6 decimals");
                }
                return amount;
            } catch (NumberFormatException e) {
                throw new RowRefused(column, column + " is not a number: '" + value + "'");
            }
        }

        ItemData toItem() {
            String sku = get("sku");
            if (sku == null) {
                throw new RowRefused("sku", "sku is missing");
            }
            if (sku.length() > 255) {
                throw new RowRefused("sku", "sku is longer than 255 characters");
            }
            String name = get("name");
            if (name == null) {
                throw new RowRefused("name", "name is missing");
            }
            if (name.length() > 500) {
                throw new RowRefused("name", "name is longer than 500 characters");
            }
            BigDecimal price = amount("price", true);
            BigDecimal sellingPrice = amount("sellingprice", false);
            String currency = get("currency");
            if (currency == null || !currency.matches("[A-Z]{3}")) {
                throw new RowRefused("currency", "currency must be an ISO 4217 code in upper case");
            }
            String status = get("status");
            if (status != null && !status.matches("(?i)active|inactive")) {
                throw new RowRefused("status", "status must be active or inactive");
            }
            String description = get("description");
            return new ItemData(name, description, price, sellingPrice, currency,
                    status == null ? Item.Status.ACTIVE : Item.Status.valueOf(status.toUpperCase(Locale.ROOT)));
        }
    }
}
