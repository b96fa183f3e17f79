package io.oms.channel.etsy.orders;

import io.oms.events.order.ChannelStatus;

import java.util.Map;
import java.util.Optional;

/** Etsy receipt status to the canonical channel status (DESIGN section 7), as data. */
public final class EtsyStatusMapping {

    /** Keys are Etsy's receipt statuses, lower case. */
    public static final Map<String, ChannelStatus> BY_ETSY_STATUS = Map.of(
            "open", ChannelStatus.PENDING,
            "payment processing", ChannelStatus.PENDING,
            "paid", ChannelStatus.PAID,
            "completed", ChannelStatus.SHIPPED,
            "canceled", ChannelStatus.CANCELLED,
            "fully refunded", ChannelStatus.REFUNDED,
            "partially refunded", ChannelStatus.PAID);

    private EtsyStatusMapping() {
    }

    public static Optional<ChannelStatus> of(String etsyStatus) {
        return etsyStatus == null ? Optional.empty() : Optional.ofNullable(BY_ETSY_STATUS.get(etsyStatus.toLowerCase()));
    }
}
