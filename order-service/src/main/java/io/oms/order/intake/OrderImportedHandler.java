package io.oms.order.intake;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.order.OrderImported;
import io.oms.messaging.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Consumes {@code oms.order-imported.v1}; messaging de-duplicates by event id around it. */
@ApplicationScoped
public class OrderImportedHandler implements EventHandler<OrderImported> {

    private final OrderIntake intake;

    public OrderImportedHandler(OrderIntake intake) {
        this.intake = intake;
    }

    @Override
    public EventType eventType() {
        return EventType.ORDER_IMPORTED;
    }

    @Override
    public String consumerName() {
        return "order-service.order-imported";
    }

    @Override
    public void handle(CloudEvent<OrderImported> event) {
        intake.apply(event);
    }

    /** A batch's orders and customers in three queries (see {@link OrderIntake#prepare}). */
    @Override
    public void beforeBatch(List<CloudEvent<OrderImported>> events) {
        intake.prepare(events);
    }

    /**
     * No flush per event: the intake's look-ups go through {@link io.oms.order.store.TransactionLookups}, which never
     * triggers Hibernate's auto flush, so the batch's orders, lines, history and customers stay in the session and are
     * inserted at commit in JDBC batches (one round trip per table and 100 rows instead of one per row).
     */
    @Override
    public boolean flushAfterEachEvent() {
        return false;
    }
}
