package io.oms.channel.core.push;

import io.oms.channel.core.marketplace.MarketplaceChannel;
import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.inventory.PriceChanged;
import io.oms.messaging.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** PriceChanged → the push queue of every shop listing the SKU (selling price if set, else price). */
@ApplicationScoped
public class PriceChangedHandler implements EventHandler<PriceChanged> {

    private final PushRequests requests;
    private final MarketplaceChannel channel;

    public PriceChangedHandler(PushRequests requests, MarketplaceChannel channel) {
        this.requests = requests;
        this.channel = channel;
    }

    @Override
    public EventType eventType() {
        return EventType.PRICE_CHANGED;
    }

    @Override
    public String consumerName() {
        return "channel-" + channel.channel().value() + ".price-changed";
    }

    @Override
    public void handle(CloudEvent<PriceChanged> event) {
        requests.priceChanged(event.data());
    }
}
