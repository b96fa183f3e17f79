package io.oms.channel.etsy.orders;

import io.oms.channel.etsy.client.EtsyModel;
import io.oms.events.Channel;
import io.oms.events.ListingId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import io.oms.events.order.ChannelStatus;
import io.oms.events.order.OrderImported;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An Etsy receipt to a full OrderImported snapshot; money from Etsy's {amount, divisor} to BigDecimal. */
public final class ReceiptMapper {

    private ReceiptMapper() {
    }

    /** @throws IllegalArgumentException with the reason when the receipt cannot be mapped (a per-record failure) */
    public static OrderImported toSnapshot(String shopId, EtsyModel.Receipt r) {
        if (r.receipt_id() == null) {
            throw new IllegalArgumentException("receipt without receipt_id");
        }
        ChannelStatus status = EtsyStatusMapping.of(r.status())
                .orElseThrow(() -> new IllegalArgumentException("unknown Etsy receipt status '" + r.status() + "'"));
        if (r.grandtotal() == null) {
            throw new IllegalArgumentException("receipt " + r.receipt_id() + " has no grandtotal");
        }
        String currency = r.grandtotal().currency_code();
        OrderImported.Address address = new OrderImported.Address(r.name(), null, r.first_line(), blankToNull(r.second_line()),
                r.city(), blankToNull(r.state()), blankToNull(r.zip()), r.country_iso() == null ? null : r.country_iso().toUpperCase(), null);
        List<OrderImported.Line> lines = (r.transactions() == null ? List.<EtsyModel.Transaction>of() : r.transactions()).stream()
                .map(t -> new OrderImported.Line(
                        String.valueOf(t.transaction_id()),
                        t.listing_id() == null ? null : ListingId.of(String.valueOf(t.listing_id())),
                        blankToNull(t.sku()) == null ? null : Sku.of(t.sku().trim()),
                        t.title(),
                        (t.variations() == null ? List.<EtsyModel.Variation>of() : t.variations()).stream()
                                .map(v -> new OrderImported.Variation(v.formatted_name(), v.formatted_value())).toList(),
                        t.quantity(),
                        money(t.price())))
                .toList();
        OrderImported.Totals totals = new OrderImported.Totals(
                money(r.subtotal()),
                money(r.total_shipping_cost()),
                money(r.total_tax_cost()).add(money(r.total_vat_cost())),
                money(r.discount_amt()),
                money(r.grandtotal()),
                currency);
        return new OrderImported(
                Channel.ETSY,
                ShopId.of(shopId),
                String.valueOf(r.receipt_id()),
                String.valueOf(r.receipt_id()),
                r.status(),
                status,
                new OrderImported.Buyer(r.name(), blankToNull(r.buyer_email()),
                        r.buyer_user_id() == null ? null : String.valueOf(r.buyer_user_id())),
                address,
                address,
                lines,
                totals,
                r.is_paid(),
                shippingMethod(r),
                epoch(r.created_timestamp()),
                epoch(r.updated_timestamp()),
                r.updated_timestamp() == null ? 0 : r.updated_timestamp());
    }

    /** Etsy money is {@code amount / divisor}: exact for Etsy's divisors (powers of ten). */
    public static BigDecimal money(EtsyModel.Money money) {
        if (money == null) {
            return BigDecimal.ZERO;
        }
        int scale = (int) Math.round(Math.log10(money.divisor()));
        BigDecimal exact = BigDecimal.valueOf(money.amount()).divide(BigDecimal.valueOf(money.divisor()));
        return exact.setScale(Math.max(scale, exact.scale()));
    }

    public static Instant epoch(Long seconds) {
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    /** Etsy names the buyer's shipping method per transaction: the first one named stands for the receipt. */
    private static String shippingMethod(EtsyModel.Receipt r) {
        return r.transactions() == null ? null : r.transactions().stream().map(EtsyModel.Transaction::shipping_method)
                .map(ReceiptMapper::blankToNull).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
