package io.oms.events.inventory;

import io.oms.events.EventPayload;
import io.oms.events.OrderId;
import io.oms.events.Sku;
import java.util.List;
import java.util.Objects;

/**
 * What inventory-service could reserve for an order. order-service moves the order to NEW when nothing
 * is missing, else to PARTIAL.
 *
 * @param warehouseCode the warehouse the reservation was made in, or null when none was
 */
public record ReservationResult(OrderId orderId, List<Line> reservedLines, List<Line> missingLines, String warehouseCode)
        implements EventPayload {

    public ReservationResult {
        Objects.requireNonNull(orderId, "orderId");
        reservedLines = List.copyOf(reservedLines);
        missingLines = List.copyOf(missingLines);
    }

    @Override
    public String kafkaKey() {
        return orderId.value();
    }

    /** True when every line was reserved in full. */
    public boolean complete() {
        return missingLines.isEmpty();
    }

    /** @param lineId the OMS order line id, or null; it tells apart two lines of the same SKU */
    public record Line(String lineId, Sku sku, int quantity) {
    }
}
