package io.oms.order.status;

import io.oms.order.store.OrderEntity;
import io.oms.order.store.OrderExceptionEntity;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/** Raises exceptions on orders that an operator has to look at; an open exception of a code is raised once. */
@ApplicationScoped
public class OrderExceptions {

    public static final String CANCEL_AFTER_PACK = "cancel-after-pack";
    public static final String TRACKING_PUSH_FAILED = "tracking-push-failed";
    public static final String UNEXPECTED_SHIPMENT = "unexpected-shipment";

    private final Clock clock;

    public OrderExceptions(Clock clock) {
        this.clock = clock;
    }

    /** Raises {@code code} on the order unless one of that code is still open. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raise(OrderEntity order, String code, String message, UUID eventId) {
        boolean open = order.exceptions.stream().anyMatch(exception -> exception.code.equals(code) && exception.resolvedAt == null);
        if (open) {
            return;
        }
        OrderExceptionEntity exception = new OrderExceptionEntity();
        exception.id = UUID.randomUUID();
        exception.order = order;
        exception.code = code;
        exception.message = message;
        exception.raisedAt = clock.instant();
        exception.eventId = eventId;
        order.exceptions.add(exception);
        exception.persist();
        Log.infof("order %s (%s): exception %s: %s", order.id, order.orderKey, code, message);
    }
}
