package io.oms.inventory.reservation;

import io.oms.events.order.OrderStatus;

import java.util.EnumMap;
import java.util.Map;

/** What an order's new status means for its stock: a table, not an if chain. */
public final class ReservationRules {

    public enum Action {
        /** Reserve the order's lines, once: a known order is left as it is. */
        RESERVE,
        /** Release everything the order holds and stop waiting for stock. */
        RELEASE,
        NONE
    }

    private static final Map<OrderStatus, Action> BY_NEW_STATUS = new EnumMap<>(Map.of(
            OrderStatus.ON_HOLD, Action.NONE,
            OrderStatus.NEW, Action.RESERVE,
            OrderStatus.PARTIAL, Action.RESERVE,
            OrderStatus.READY_FOR_PICKING, Action.RESERVE,
            OrderStatus.PACKED, Action.NONE,
            OrderStatus.READY_TO_SHIP, Action.NONE,
            OrderStatus.IN_TRANSIT, Action.NONE,
            OrderStatus.COMPLETED, Action.NONE,
            OrderStatus.CANCEL_IN_PROCESS, Action.RELEASE,
            OrderStatus.CANCELLED, Action.RELEASE));

    private ReservationRules() {
    }

    public static Action forNewStatus(OrderStatus status) {
        return status == null ? Action.NONE : BY_NEW_STATUS.getOrDefault(status, Action.NONE);
    }
}
