package io.oms.fulfilment.orderdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.oms.events.CloudEventCodec;
import io.oms.events.order.OrderImported;
import io.oms.fulfilment.store.FulfilmentOrder;
import io.oms.fulfilment.store.OrderSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** What the marketplace said about an order (the latest OrderImported), looked up by channel, shop and external id. */
@ApplicationScoped
public class OrderDetails {

    private final CloudEventCodec codec;
    private final Clock clock;

    public OrderDetails(CloudEventCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    /** Stores the snapshot unless a newer revision is already kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(OrderImported order) {
        OrderSnapshot.Key key = new OrderSnapshot.Key(order.channel().value(), order.shopId().value(), order.externalOrderId());
        OrderSnapshot snapshot = OrderSnapshot.findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (snapshot != null && snapshot.revision >= order.revision()) {
            return;
        }
        if (snapshot == null) {
            snapshot = new OrderSnapshot();
            snapshot.key = key;
        }
        snapshot.revision = order.revision();
        snapshot.snapshot = write(order);
        snapshot.receivedAt = clock.instant();
        snapshot.persist();
    }

    public Optional<OrderImported> of(FulfilmentOrder order) {
        if (order.externalOrderId == null) {
            return Optional.empty();
        }
        return OrderSnapshot.<OrderSnapshot>findByIdOptional(
                        new OrderSnapshot.Key(order.channel, order.shopId, order.externalOrderId))
                .map(snapshot -> read(snapshot.snapshot));
    }

    private String write(OrderImported order) {
        try {
            return codec.mapper().writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write snapshot of " + order.kafkaKey(), e);
        }
    }

    private OrderImported read(String json) {
        try {
            return codec.mapper().readValue(json, OrderImported.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read order snapshot", e);
        }
    }
}
