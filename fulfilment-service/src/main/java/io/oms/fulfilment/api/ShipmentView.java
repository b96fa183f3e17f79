package io.oms.fulfilment.api;

import io.oms.fulfilment.store.Shipment;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A shipment as the API shows it. */
public record ShipmentView(UUID id, String orderId, UUID fulfilmentId, String carrier, String service, String trackingNumber,
        String trackingUrl, String deliveryNoteNumber, Instant shippedAt, List<Line> lines) {

    public record Line(String externalLineId, String sku, int quantity) {
    }

    static ShipmentView of(Shipment shipment) {
        return new ShipmentView(shipment.id, shipment.orderId, shipment.fulfilment.id, shipment.carrierCode, shipment.service,
                shipment.trackingNumber, shipment.trackingUrl, shipment.deliveryNoteNumber, shipment.shippedAt,
                shipment.lines.stream().map(l -> new Line(l.externalLineId, l.sku, l.quantity)).toList());
    }
}
