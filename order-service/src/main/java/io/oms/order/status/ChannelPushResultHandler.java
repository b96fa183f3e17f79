package io.oms.order.status;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.channel.ChannelPushResult;
import io.oms.events.channel.PushKind;
import io.oms.events.order.OrderStatus;
import io.oms.messaging.inbox.EventHandler;
import io.oms.order.store.OrderEntity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The marketplace's answer to a tracking push: success confirms IN_TRANSIT; a failure raises
 * {@code tracking-push-failed} on the order with the marketplace's message. Other push kinds are not about orders.
 */
@ApplicationScoped
public class ChannelPushResultHandler implements EventHandler<ChannelPushResult> {

    private final StatusChanges statusChanges;
    private final OrderExceptions exceptions;

    public ChannelPushResultHandler(StatusChanges statusChanges, OrderExceptions exceptions) {
        this.statusChanges = statusChanges;
        this.exceptions = exceptions;
    }

    @Override
    public EventType eventType() {
        return EventType.CHANNEL_PUSH_RESULT;
    }

    @Override
    public String consumerName() {
        return "order-service.channel-push-result";
    }

    @Override
    public void handle(CloudEvent<ChannelPushResult> event) {
        ChannelPushResult result = event.data();
        if (result.kind() != PushKind.TRACKING) {
            return;
        }
        Optional<OrderEntity> found = Orders.byId(result.reference());
        if (found.isEmpty()) {
            return;
        }
        OrderEntity order = found.get();
        if (result.success()) {
            statusChanges.move(order, OrderStatus.IN_TRANSIT, "tracking accepted by " + result.channel(), event.id());
        } else {
            exceptions.raise(order, OrderExceptions.TRACKING_PUSH_FAILED,
                    result.channel() + " refused the tracking push" + (result.pushed() == null ? "" : " (" + result.pushed() + ")")
                            + ": " + result.error(), event.id());
        }
    }
}
