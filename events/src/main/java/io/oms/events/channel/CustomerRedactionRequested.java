package io.oms.events.channel;

import io.oms.events.Channel;
import io.oms.events.EventPayload;
import io.oms.events.ShopId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A marketplace asked to erase a buyer's personal data (Shopify's mandatory customers/redact). The connector has
 * cleaned its own store; every service that keeps the buyer's data for this shop does the same (order-service
 * anonymises the name, e-mail, phone and addresses on the shop's orders and on the customer record).
 *
 * @param customerEmail     the buyer's e-mail as the marketplace names it, or null
 * @param customerIds       the marketplace's ids of the buyer (may be empty)
 * @param externalOrderIds  the marketplace's ids of the buyer's orders in this shop (may be empty)
 * @param requestedAt       when the marketplace asked
 */
public record CustomerRedactionRequested(
        Channel channel,
        ShopId shopId,
        String customerEmail,
        List<String> customerIds,
        List<String> externalOrderIds,
        Instant requestedAt) implements EventPayload {

    public CustomerRedactionRequested {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(shopId, "shopId");
        customerIds = customerIds == null ? List.of() : List.copyOf(customerIds);
        externalOrderIds = externalOrderIds == null ? List.of() : List.copyOf(externalOrderIds);
    }

    /** {@code {channel}:{shopId}}: a shop's redactions in order. */
    @Override
    public String kafkaKey() {
        return channel + ":" + shopId;
    }
}
