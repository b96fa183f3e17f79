package io.oms.sandbox.shopify.orders;

import io.oms.sandbox.generate.Generator.Address;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An order with its lines, fulfillment orders and fulfillments. Mutated only under its monitor. */
public final class ShopifyOrder {

    public final long id;
    public final int number;
    public final String email;
    public final String firstName;
    public final String lastName;
    public final long customerId;
    public final Address address;
    public final String currency;
    public final BigDecimal shippingPrice;
    public final Instant createdAt;
    public Instant updatedAt;
    public Instant cancelledAt;
    public String cancelReason;
    public String financialStatus = "PAID";
    public String note;
    public BigDecimal refunded = BigDecimal.ZERO;
    public final List<Line> lines = new ArrayList<>();
    public final List<FulfillmentOrder> fulfillmentOrders = new ArrayList<>();
    public final List<Fulfillment> fulfillments = new ArrayList<>();

    public ShopifyOrder(long id, int number, String email, String firstName, String lastName, long customerId,
                        Address address, String currency, BigDecimal shippingPrice, Instant createdAt) {
        this.id = id;
        this.number = number;
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
        this.customerId = customerId;
        this.address = address;
        this.currency = currency;
        this.shippingPrice = shippingPrice;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public record Line(long id, long variantId, long productId, long inventoryItemId, String sku, String title,
                       String variantTitle, int quantity, BigDecimal unitPrice) {
    }

    public static final class FulfillmentOrder {
        public final long id;
        public final long locationId;
        public String status = "OPEN";
        public final List<FoLine> lines = new ArrayList<>();
        public Instant updatedAt;

        public FulfillmentOrder(long id, long locationId, Instant at) {
            this.id = id;
            this.locationId = locationId;
            this.updatedAt = at;
        }
    }

    public static final class FoLine {
        public final long id;
        public final long lineId;
        public final int total;
        public int remaining;

        public FoLine(long id, long lineId, int total) {
            this.id = id;
            this.lineId = lineId;
            this.total = total;
            this.remaining = total;
        }
    }

    public record Tracking(String company, String number, String url) {
    }

    public record FulfilledLine(long lineId, int quantity) {
    }

    public record Fulfillment(long id, Instant createdAt, List<Tracking> tracking, List<FulfilledLine> lines,
                              long locationId) {
    }

    public String name() {
        return "#" + number;
    }

    public synchronized BigDecimal subtotal() {
        return lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public synchronized BigDecimal total() {
        return subtotal().add(shippingPrice);
    }

    public synchronized String fulfillmentStatus() {
        int total = lines.stream().mapToInt(Line::quantity).sum();
        int done = fulfillments.stream().flatMap(f -> f.lines().stream()).mapToInt(FulfilledLine::quantity).sum();
        if (done == 0) {
            return "UNFULFILLED";
        }
        return done >= total ? "FULFILLED" : "PARTIALLY_FULFILLED";
    }
}
