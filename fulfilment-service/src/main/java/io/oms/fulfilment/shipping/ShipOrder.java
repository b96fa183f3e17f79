package io.oms.fulfilment.shipping;

import java.util.List;

/**
 * Ship (some of) an order.
 *
 * @param trackingUrl null to take it from the carrier's template
 * @param lines       null or empty for everything not shipped yet
 */
public record ShipOrder(String carrier, String trackingNumber, String trackingUrl, List<Line> lines) {

    /**
     * One line of the order, named by the OMS line id, the marketplace's line id or the SKU.
     *
     * @param quantity null for all of the line that is not shipped yet
     */
    public record Line(String lineId, String externalLineId, String sku, Integer quantity) {
    }
}
