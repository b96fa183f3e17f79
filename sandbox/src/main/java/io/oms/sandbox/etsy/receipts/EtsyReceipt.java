package io.oms.sandbox.etsy.receipts;

import io.oms.sandbox.generate.Generator.Address;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A receipt (an order) with its transactions (lines), shipments and refunds. Mutated only under its monitor. */
public final class EtsyReceipt {

    public final long receiptId;
    public final long shopId;
    public final long sellerUserId;
    public final long buyerUserId;
    public final String buyerEmail;
    public final String name;
    public final Address address;
    public final String currency;
    public final BigDecimal shippingCost;
    public final Instant createdAt;
    public Instant updatedAt;
    public String status = "paid";
    public boolean paid = true;
    public boolean shipped;
    public String messageFromBuyer;
    public final List<Transaction> transactions = new ArrayList<>();
    public final List<Shipment> shipments = new ArrayList<>();
    public final List<Refund> refunds = new ArrayList<>();

    public EtsyReceipt(long receiptId, long shopId, long sellerUserId, long buyerUserId, String buyerEmail, String name,
                       Address address, String currency, BigDecimal shippingCost, Instant createdAt) {
        this.receiptId = receiptId;
        this.shopId = shopId;
        this.sellerUserId = sellerUserId;
        this.buyerUserId = buyerUserId;
        this.buyerEmail = buyerEmail;
        this.name = name;
        this.address = address;
        this.currency = currency;
        this.shippingCost = shippingCost;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** A variation the buyer chose. */
    public record Variation(long propertyId, long valueId, String formattedName, String formattedValue) {
    }

    /** One line of the receipt. */
    public record Transaction(long transactionId, long listingId, long productId, String sku, String title,
                              int quantity, BigDecimal price, List<Variation> variations) {
    }

    public record Shipment(long receiptShippingId, String carrierName, String trackingCode, Instant at) {
    }

    public record Refund(BigDecimal amount, Instant at, String reason) {
    }

    public synchronized BigDecimal subtotal() {
        return transactions.stream().map(t -> t.price().multiply(BigDecimal.valueOf(t.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public synchronized BigDecimal grandTotal() {
        return subtotal().add(shippingCost);
    }

    public synchronized boolean canceledOrRefunded() {
        return "canceled".equals(status) || "fully refunded".equals(status) || "partially refunded".equals(status);
    }
}
