package io.oms.events.order;

import io.oms.events.Channel;
import io.oms.events.EventPayload;
import io.oms.events.ListingId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A full snapshot of a marketplace order, published by a connector whenever the marketplace order changes.
 * Consumers keep the highest {@code revision} per key and ignore older ones.
 *
 * @param externalOrderNumber the number the seller and buyer see, if the marketplace has one besides the id
 * @param marketplaceStatus   the marketplace's own status, raw, for operators
 * @param channelStatus       the marketplace status mapped to the canonical vocabulary
 * @param billingAddress      the producer fills it with the shipping address when the marketplace gives none
 * @param shippingMethod      the marketplace's shipping method or profile name, may be null
 * @param revision            increases with every change of this order seen by the connector
 */
public record OrderImported(
        Channel channel,
        ShopId shopId,
        String externalOrderId,
        String externalOrderNumber,
        String marketplaceStatus,
        ChannelStatus channelStatus,
        Buyer buyer,
        Address shippingAddress,
        Address billingAddress,
        List<Line> lines,
        Totals totals,
        boolean paid,
        String shippingMethod,
        Instant createdAt,
        Instant updatedAt,
        long revision) implements EventPayload {

    public OrderImported {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(shopId, "shopId");
        Objects.requireNonNull(externalOrderId, "externalOrderId");
        lines = List.copyOf(lines);
    }

    /** {@code {channel}:{shopId}:{externalOrderId}}: one partition sees every revision of an order in order. */
    @Override
    public String kafkaKey() {
        return channel + ":" + shopId + ":" + externalOrderId;
    }

    /** @param externalCustomerId the marketplace's buyer id (Etsy buyer_user_id, Shopify customer id), may be null */
    public record Buyer(String name, String email, String externalCustomerId) {
    }

    /**
     * @param region      state, province or county, may be null
     * @param postalCode  may be null: not every country has one
     * @param countryCode ISO 3166-1 alpha-2, upper case
     */
    public record Address(
            String name,
            String company,
            String line1,
            String line2,
            String city,
            String region,
            String postalCode,
            String countryCode,
            String phone) {
    }

    /**
     * @param listingId  the channel's listing or variant, may be null (a custom line)
     * @param sku        may be null: a listing without a SKU is matched later by inventory-service
     * @param variations what the buyer chose (size, colour), empty when none
     * @param unitPrice  price of one unit in the order's currency ({@link Totals#currency()})
     */
    public record Line(
            String externalLineId,
            ListingId listingId,
            Sku sku,
            String title,
            List<Variation> variations,
            int quantity,
            BigDecimal unitPrice) {

        public Line {
            variations = variations == null ? List.of() : List.copyOf(variations);
        }
    }

    public record Variation(String name, String value) {
    }

    /**
     * Amounts as the marketplace reports them, all in {@code currency} (ISO 4217) and never negative:
     * a discount is a positive amount that was taken off.
     */
    public record Totals(
            BigDecimal subtotal,
            BigDecimal shipping,
            BigDecimal tax,
            BigDecimal discount,
            BigDecimal total,
            String currency) {
    }
}
