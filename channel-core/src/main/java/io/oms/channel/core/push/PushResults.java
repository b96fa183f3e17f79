package io.oms.channel.core.push;

import io.oms.channel.core.marketplace.MarketplaceChannel;
import io.oms.channel.core.shop.Shop;
import io.oms.events.CloudEvent;
import io.oms.events.ShopId;
import io.oms.events.channel.ChannelPushResult;
import io.oms.events.channel.PushKind;
import io.oms.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/** Every push ends in a ChannelPushResult, written to the outbox in the transaction that records the push's end. */
@ApplicationScoped
public class PushResults {

    private final MarketplaceChannel channel;
    private final Outbox outbox;
    private final Clock clock;

    public PushResults(MarketplaceChannel channel, Outbox outbox, Clock clock) {
        this.channel = channel;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Shop shop, PushKind kind, String reference, boolean success, String pushed, String error) {
        ChannelPushResult result = new ChannelPushResult(channel.channel(), ShopId.of(shop.externalShopId()), kind, reference, success,
                pushed, success ? null : (error == null ? "failed" : error), clock.instant());
        outbox.add(CloudEvent.of(source(shop), result, clock));
    }

    public String source(Shop shop) {
        return "/channel-" + channel.channel().value() + "/shops/" + shop.externalShopId();
    }
}
