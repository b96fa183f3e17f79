package io.oms.fulfilment.api;

import io.oms.fulfilment.store.FulfilmentOrder;
import io.oms.fulfilment.store.FulfilmentState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A fulfilment order as the API shows it. */
public record FulfilmentView(UUID id, String orderId, String channel, String shopId, String externalOrderId,
        FulfilmentState state, boolean needsAttention, String attentionReason, Instant createdAt, Instant updatedAt,
        List<Line> lines) {

    public record Line(String lineId, String externalLineId, String sku, int quantity, int shippedQuantity) {
    }

    static FulfilmentView of(FulfilmentOrder order) {
        return new FulfilmentView(order.id, order.orderId, order.channel, order.shopId, order.externalOrderId, order.state,
                order.needsAttention, order.attentionReason, order.createdAt, order.updatedAt,
                order.lines.stream().map(l -> new Line(l.lineId, l.externalLineId, l.sku, l.quantity, l.shippedQuantity)).toList());
    }
}
