package io.oms.events.order;

import io.oms.events.Channel;
import io.oms.events.EventPayload;
import io.oms.events.OrderId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An OMS order moved from one status to another. Published by order-service; inventory-service reserves
 * or releases stock from it, fulfilment-service starts or stops picking.
 *
 * @param oldStatus null when the order was just created
 * @param lines     the order's lines as they are after the change
 */
public record OrderStatusChanged(
        OrderId orderId,
        Channel channel,
        ShopId shopId,
        String externalOrderId,
        OrderStatus oldStatus,
        OrderStatus newStatus,
        List<Line> lines,
        Instant changedAt) implements EventPayload {

    public OrderStatusChanged {
        Objects.requireNonNull(orderId, "orderId");
        lines = List.copyOf(lines);
    }

    @Override
    public String kafkaKey() {
        return orderId.value();
    }

    /**
     * @param lineId         the OMS order line id
     * @param externalLineId the marketplace's line id
     * @param sku            may be null while the line's listing is not mapped to an item
     */
    public record Line(String lineId, String externalLineId, Sku sku, int quantity) {
    }
}
