package io.oms.fulfilment.api;

import io.oms.fulfilment.shipping.ShipOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/v1/orders/{orderId}/shipments}.
 *
 * @param carrier     a carrier's code or name (see {@code GET /api/v1/carriers}); when missing, the carrier
 *                    that the order's marketplace shipping method maps to
 * @param trackingUrl optional: filled from the carrier's template when missing
 * @param lines       optional: every line not shipped yet when missing
 */
public record ShipmentRequest(
        @Size(max = 200) String carrier,
        @NotBlank @Size(max = 200) String trackingNumber,
        @Size(max = 1000) String trackingUrl,
        List<@Valid @jakarta.validation.constraints.NotNull Line> lines) {

    /** A line, named by {@code lineId}, {@code externalLineId} or {@code sku}; quantity defaults to what is left. */
    public record Line(String lineId, String externalLineId, String sku, @Positive Integer quantity) {

        @AssertTrue(message = "name the line by lineId, externalLineId or sku")
        public boolean isNamed() {
            return lineId != null || externalLineId != null || sku != null;
        }
    }

    ShipOrder toCommand() {
        return new ShipOrder(carrier, trackingNumber, trackingUrl, lines == null ? List.of()
                : lines.stream().map(l -> new ShipOrder.Line(l.lineId(), l.externalLineId(), l.sku(), l.quantity())).toList());
    }
}
