package io.oms.order;

import io.oms.events.Channel;
import io.oms.events.ListingId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import io.oms.events.order.ChannelStatus;
import io.oms.events.order.OrderImported;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test data: {@code anOrderImported().withLines(3).withRevision(2).build()}. */
public final class OrderImportedBuilder {

    private Channel channel = Channel.ETSY;
    private String shopId = "shop-" + UUID.randomUUID().toString().substring(0, 8);
    private String externalOrderId = "ext-" + UUID.randomUUID().toString().substring(0, 12);
    private String externalOrderNumber = "#" + externalOrderId;
    private ChannelStatus channelStatus = ChannelStatus.PAID;
    private OrderImported.Buyer buyer = new OrderImported.Buyer("Jane Doe", "jane." + UUID.randomUUID() + "@example.com", "b-1");
    private OrderImported.Address shipping = new OrderImported.Address("Jane Doe", null, "Main St 1", null, "Berlin", null, "10115", "DE", null);
    private OrderImported.Address billing = shipping;
    private List<OrderImported.Line> lines = lines(1, 0);
    private String currency = "EUR";
    private long revision = 1;
    private Instant createdAt = Instant.parse("2026-03-01T09:00:00Z");

    public static OrderImportedBuilder anOrderImported() {
        return new OrderImportedBuilder();
    }

    private static List<OrderImported.Line> lines(int count, long salt) {
        List<OrderImported.Line> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(new OrderImported.Line("line-" + i, ListingId.of("listing-" + i), Sku.of("SKU-" + i), "Item " + i + " v" + salt,
                    List.of(new OrderImported.Variation("size", "M")), i + (int) salt, new BigDecimal("12.50").add(BigDecimal.valueOf(salt))));
        }
        return lines;
    }

    public OrderImportedBuilder withChannel(Channel channel) {
        this.channel = channel;
        return this;
    }

    public OrderImportedBuilder withShop(String shopId) {
        this.shopId = shopId;
        return this;
    }

    public OrderImportedBuilder withExternalOrderId(String externalOrderId) {
        this.externalOrderId = externalOrderId;
        this.externalOrderNumber = "#" + externalOrderId;
        return this;
    }

    public OrderImportedBuilder withLines(int count) {
        this.lines = lines(count, revision);
        return this;
    }

    public OrderImportedBuilder withLines(List<OrderImported.Line> lines) {
        this.lines = lines;
        return this;
    }

    public OrderImportedBuilder withRevision(long revision) {
        this.revision = revision;
        return this;
    }

    public OrderImportedBuilder withStatus(ChannelStatus channelStatus) {
        this.channelStatus = channelStatus;
        return this;
    }

    public OrderImportedBuilder withBuyer(String name, String email) {
        this.buyer = new OrderImported.Buyer(name, email, null);
        return this;
    }

    public OrderImportedBuilder withShipping(OrderImported.Address shipping) {
        this.shipping = shipping;
        return this;
    }

    public OrderImportedBuilder withBilling(OrderImported.Address billing) {
        this.billing = billing;
        return this;
    }

    public OrderImportedBuilder withCurrency(String currency) {
        this.currency = currency;
        return this;
    }

    public OrderImportedBuilder createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    public OrderImported build() {
        BigDecimal subtotal = lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shippingCost = new BigDecimal("4.90");
        BigDecimal tax = new BigDecimal("1.000001");
        BigDecimal discount = new BigDecimal("0.50");
        BigDecimal total = subtotal.add(shippingCost).add(tax).subtract(discount);
        return new OrderImported(channel, ShopId.of(shopId), externalOrderId, externalOrderNumber, "paid", channelStatus, buyer,
                shipping, billing, lines, new OrderImported.Totals(subtotal, shippingCost, tax, discount, total, currency), true,
                "Standard", createdAt, createdAt.plusSeconds(revision), revision);
    }
}
