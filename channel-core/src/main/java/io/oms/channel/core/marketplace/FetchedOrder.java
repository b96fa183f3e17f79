package io.oms.channel.core.marketplace;

import io.oms.events.order.OrderImported;

import java.time.Instant;

/**
 * One marketplace order of a page: its snapshot, or why it could not be mapped.
 *
 * @param changedAt when the marketplace last changed it (moves the cursor)
 * @param snapshot  null when {@code failure} is set; its revision is the channel's proposal (the core
 *                  raises it when the content changed without the marketplace's time moving)
 */
public record FetchedOrder(String externalOrderId, Instant changedAt, OrderImported snapshot, String failure) {

    public static FetchedOrder of(OrderImported snapshot, Instant changedAt) {
        return new FetchedOrder(snapshot.externalOrderId(), changedAt, snapshot, null);
    }

    public static FetchedOrder failed(String externalOrderId, Instant changedAt, String failure) {
        return new FetchedOrder(externalOrderId, changedAt, null, failure);
    }

    public boolean isFailure() {
        return failure != null;
    }
}
