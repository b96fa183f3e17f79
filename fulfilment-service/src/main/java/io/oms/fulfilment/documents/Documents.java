package io.oms.fulfilment.documents;

import io.oms.events.order.OrderImported;
import io.oms.fulfilment.orderdata.OrderDetails;
import io.oms.fulfilment.shipping.Carriers;
import io.oms.fulfilment.store.FulfilmentLine;
import io.oms.fulfilment.store.FulfilmentOrder;
import io.oms.fulfilment.store.Invoice;
import io.oms.fulfilment.store.Shipment;
import io.oms.fulfilment.store.ShipmentLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Delivery notes and invoices as PDF: order, lines, addresses (when the order's snapshot is known) and tracking. */
@ApplicationScoped
public class Documents {

    private final OrderDetails details;
    private final Carriers carriers;

    public Documents(OrderDetails details, Carriers carriers) {
        this.details = details;
        this.carriers = carriers;
    }

    @Transactional
    public Optional<byte[]> deliveryNote(UUID shipmentId) {
        Shipment shipment = Shipment.findById(shipmentId);
        if (shipment == null) {
            return Optional.empty();
        }
        FulfilmentOrder order = shipment.fulfilment;
        Optional<OrderImported> snapshot = details.of(order);
        try (PdfWriter pdf = new PdfWriter("Delivery note " + shipment.deliveryNoteNumber)) {
            orderHeader(pdf, order, snapshot);
            pdf.line("Shipped at: " + shipment.shippedAt);
            pdf.line("Carrier: " + carriers.find(shipment.carrierCode).map(c -> c.name).orElse(shipment.carrierCode));
            pdf.line("Tracking number: " + shipment.trackingNumber);
            if (shipment.trackingUrl != null) {
                pdf.line("Tracking: " + shipment.trackingUrl);
            }
            pdf.blank();
            address(pdf, "Ship to", snapshot.map(OrderImported::shippingAddress));
            pdf.blank();
            pdf.bold("Qty   SKU / item");
            for (ShipmentLine line : shipment.lines) {
                pdf.line(line.quantity + "  x  " + describe(line.sku, line.externalLineId, snapshot));
            }
            return Optional.of(pdf.finish());
        }
    }

    @Transactional
    public Optional<byte[]> invoice(String orderId) {
        Optional<FulfilmentOrder> found = FulfilmentOrder.find("orderId", orderId).firstResultOptional();
        Invoice invoice = Invoice.findById(orderId);
        if (found.isEmpty() || invoice == null) {
            return Optional.empty();
        }
        FulfilmentOrder order = found.get();
        Optional<OrderImported> snapshot = details.of(order);
        try (PdfWriter pdf = new PdfWriter("Invoice " + invoice.invoiceNumber)) {
            orderHeader(pdf, order, snapshot);
            pdf.line("Invoice date: " + invoice.issuedAt);
            pdf.blank();
            address(pdf, "Bill to", snapshot.map(OrderImported::billingAddress));
            pdf.blank();
            address(pdf, "Ship to", snapshot.map(OrderImported::shippingAddress));
            pdf.blank();
            String currency = snapshot.map(o -> o.totals() == null ? "" : o.totals().currency()).orElse("");
            pdf.bold("Qty   SKU / item   unit price   amount");
            for (FulfilmentLine line : order.lines) {
                Optional<OrderImported.Line> priced = snapshotLine(line.externalLineId, snapshot);
                String price = priced.map(p -> p.unitPrice() == null ? ""
                        : "   " + p.unitPrice().toPlainString() + "   " + p.unitPrice().multiply(BigDecimal.valueOf(line.quantity))
                                .toPlainString() + " " + currency).orElse("");
                pdf.line(line.quantity + "  x  " + describe(line.sku, line.externalLineId, snapshot) + price);
            }
            snapshot.map(OrderImported::totals).ifPresent(totals -> {
                pdf.blank();
                pdf.line("Subtotal: " + amount(totals.subtotal(), totals.currency()));
                pdf.line("Shipping: " + amount(totals.shipping(), totals.currency()));
                pdf.line("Tax: " + amount(totals.tax(), totals.currency()));
                pdf.line("Discount: " + amount(totals.discount(), totals.currency()));
                pdf.bold("Total: " + amount(totals.total(), totals.currency()));
            });
            List<Shipment> shipments = Shipment.list("fulfilment = ?1 order by shippedAt", order);
            if (!shipments.isEmpty()) {
                pdf.blank();
                pdf.bold("Shipments");
                shipments.forEach(s -> pdf.line(s.deliveryNoteNumber + ": " + s.carrierCode + " " + s.trackingNumber));
            }
            return Optional.of(pdf.finish());
        }
    }

    private static void orderHeader(PdfWriter pdf, FulfilmentOrder order, Optional<OrderImported> snapshot) {
        pdf.line("Order: " + order.orderId);
        String number = snapshot.map(OrderImported::externalOrderNumber).orElse(null);
        pdf.line("Marketplace order: " + order.channel + " " + order.externalOrderId + (number == null ? "" : " (no. " + number + ")"));
        pdf.line("Shop: " + order.shopId);
        snapshot.map(OrderImported::buyer).ifPresent(buyer -> pdf.line("Buyer: " + Stream.of(buyer.name(), buyer.email())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "))));
    }

    private static void address(PdfWriter pdf, String title, Optional<OrderImported.Address> address) {
        pdf.bold(title);
        if (address.isEmpty() || address.get() == null) {
            pdf.line("(the marketplace's order with its address has not reached fulfilment-service)");
            return;
        }
        OrderImported.Address a = address.get();
        List<String> lines = new ArrayList<>();
        lines.add(a.name());
        lines.add(a.company());
        lines.add(a.line1());
        lines.add(a.line2());
        lines.add(Stream.of(a.postalCode(), a.city()).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" ")));
        lines.add(Stream.of(a.region(), a.countryCode()).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", ")));
        lines.stream().filter(s -> s != null && !s.isBlank()).forEach(pdf::line);
    }

    private static String describe(String sku, String externalLineId, Optional<OrderImported> snapshot) {
        String title = snapshotLine(externalLineId, snapshot).map(OrderImported.Line::title).orElse(null);
        return Stream.of(sku, title, externalLineId == null ? null : "(line " + externalLineId + ")")
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("  "));
    }

    private static Optional<OrderImported.Line> snapshotLine(String externalLineId, Optional<OrderImported> snapshot) {
        return snapshot.flatMap(order -> order.lines().stream()
                .filter(line -> line.externalLineId() != null && line.externalLineId().equals(externalLineId)).findFirst());
    }

    private static String amount(BigDecimal value, String currency) {
        return value == null ? "-" : value.toPlainString() + " " + currency;
    }
}
