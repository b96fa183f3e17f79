package io.oms.inventory.listing;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.channel.ListingDiscovered;
import io.oms.messaging.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Maps each listing a connector discovers to an item, or keeps it unconfirmed. */
@ApplicationScoped
public class ListingDiscoveredHandler implements EventHandler<ListingDiscovered> {

    public static final String CONSUMER = "inventory-service.listing-discovered";

    private final ListingMapping mapping;

    public ListingDiscoveredHandler(ListingMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public EventType eventType() {
        return EventType.LISTING_DISCOVERED;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public void handle(CloudEvent<ListingDiscovered> event) {
        mapping.discovered(event.data());
    }
}
