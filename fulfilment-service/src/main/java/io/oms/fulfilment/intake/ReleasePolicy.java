package io.oms.fulfilment.intake;

import io.oms.events.order.OrderStatus;
import io.oms.fulfilment.config.FulfilmentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/** The order statuses fulfilment reacts to, as a table. */
@ApplicationScoped
public class ReleasePolicy {

    private final Map<OrderStatus, OrderReaction> reactions = new EnumMap<>(OrderStatus.class);

    public ReleasePolicy(FulfilmentConfig config) {
        for (OrderStatus status : OrderStatus.values()) {
            reactions.put(status, OrderReaction.IGNORE);
        }
        reactions.put(OrderStatus.READY_FOR_PICKING, OrderReaction.RELEASE);
        reactions.put(OrderStatus.NEW, config.releaseOnNew() ? OrderReaction.RELEASE : OrderReaction.IGNORE);
        reactions.put(OrderStatus.CANCEL_IN_PROCESS, OrderReaction.CANCEL);
        reactions.put(OrderStatus.CANCELLED, OrderReaction.CANCEL);
    }

    public OrderReaction reactionTo(OrderStatus newStatus) {
        return newStatus == null ? OrderReaction.IGNORE : reactions.get(newStatus);
    }

    /** The whole table, for the read-only API. */
    public Map<OrderStatus, OrderReaction> table() {
        return Map.copyOf(reactions);
    }
}
