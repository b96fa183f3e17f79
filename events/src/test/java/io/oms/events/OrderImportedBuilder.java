package io.oms.events;

import io.oms.events.order.ChannelStatus;
import io.oms.events.order.OrderImported;
import io.oms.events.order.OrderImported.Address;
import io.oms.events.order.OrderImported.Buyer;
import io.oms.events.order.OrderImported.Line;
import io.oms.events.order.OrderImported.Totals;
import io.oms.events.order.OrderImported.Variation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test data: a valid, paid Etsy order whose money adds up; change what the test is about. */
final class OrderImportedBuilder {

    private String externalOrderId = "3456789012";
    private ChannelStatus channelStatus = ChannelStatus.PAID;
    private int lineCount = 1;
    private BigDecimal unitPrice = new BigDecimal("12.50");
    private long revision = 1;

    static OrderImportedBuilder anOrderImported() {
        return new OrderImportedBuilder();
    }

    OrderImportedBuilder withExternalOrderId(String externalOrderId) {
        this.externalOrderId = externalOrderId;
        return this;
    }

    OrderImportedBuilder withChannelStatus(ChannelStatus channelStatus) {
        this.channelStatus = channelStatus;
        return this;
    }

    OrderImportedBuilder withLines(int lineCount) {
        this.lineCount = lineCount;
        return this;
    }

    OrderImportedBuilder withUnitPrice(String unitPrice) {
        this.unitPrice = new BigDecimal(unitPrice);
        return this;
    }

    OrderImportedBuilder withRevision(long revision) {
        this.revision = revision;
        return this;
    }

    OrderImported build() {
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i <= lineCount; i++) {
            lines.add(new Line("line-" + i, ListingId.of("14000000" + i), Sku.of("SKU-" + i), "Item " + i,
                    List.of(new Variation("Colour", "Blue")), 1, unitPrice));
        }
        BigDecimal subtotal = unitPrice.multiply(BigDecimal.valueOf(lineCount));
        BigDecimal shipping = new BigDecimal("4.90");
        Address address = new Address("Erika Mustermann", null, "Heidestraße 17", null, "Köln", null, "51147", "DE", null);
        return new OrderImported(Channel.ETSY, ShopId.of("12345678"), externalOrderId, externalOrderId, "paid",
                channelStatus, new Buyer("Erika Mustermann", "erika@example.com", null), address, address, lines,
                new Totals(subtotal, shipping, new BigDecimal("0.00"), new BigDecimal("0.00"), subtotal.add(shipping), "EUR"),
                true, "Standard", Instant.parse("2026-03-01T09:12:44Z"), Instant.parse("2026-03-01T09:15:02.123Z"), revision);
    }
}
