package io.oms.order.status;

import io.oms.events.OrderId;
import io.oms.order.store.OrderEntity;

import java.util.Optional;
import java.util.UUID;

/** Looks orders up by the OMS order id that other services carry in their events. */
final class Orders {

    private Orders() {
    }

    static Optional<OrderEntity> byId(OrderId orderId) {
        return byId(orderId.value());
    }

    static Optional<OrderEntity> byId(String orderId) {
        try {
            return OrderEntity.findByIdOptional(UUID.fromString(orderId));
        } catch (IllegalArgumentException notAnOmsId) {
            return Optional.empty();
        }
    }
}
