package io.oms.channel.core.push;

import io.oms.channel.core.marketplace.MarketplaceChannel;
import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.inventory.StockChanged;
import io.oms.messaging.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** StockChanged → the push queue of every shop listing the SKU. */
@ApplicationScoped
public class StockChangedHandler implements EventHandler<StockChanged> {

    private final PushRequests requests;
    private final MarketplaceChannel channel;

    public StockChangedHandler(PushRequests requests, MarketplaceChannel channel) {
        this.requests = requests;
        this.channel = channel;
    }

    @Override
    public EventType eventType() {
        return EventType.STOCK_CHANGED;
    }

    @Override
    public String consumerName() {
        return "channel-" + channel.channel().value() + ".stock-changed";
    }

    @Override
    public void handle(CloudEvent<StockChanged> event) {
        requests.stockChanged(event.data());
    }
}
