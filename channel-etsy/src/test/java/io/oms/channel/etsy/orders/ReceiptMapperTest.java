package io.oms.channel.etsy.orders;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.channel.etsy.client.EtsyModel;
import io.oms.events.order.ChannelStatus;
import io.oms.events.order.OrderImported;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A getShopReceipts answer (recorded from the sandbox) to OrderImported snapshots. */
class ReceiptMapperTest {

    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void aPaidReceiptBecomesAFullSnapshotWithExactMoney() throws Exception {
        EtsyModel.Receipt receipt = page().results().get(0);

        OrderImported order = ReceiptMapper.toSnapshot("41000001", receipt);

        assertThat(order.channel().value()).isEqualTo("etsy");
        assertThat(order.kafkaKey()).isEqualTo("etsy:41000001:" + receipt.receipt_id());
        assertThat(order.channelStatus()).isEqualTo(ChannelStatus.PAID);
        assertThat(order.paid()).isTrue();
        assertThat(order.lines()).hasSize(receipt.transactions().size()).isNotEmpty();
        OrderImported.Line line = order.lines().get(0);
        EtsyModel.Transaction transaction = receipt.transactions().get(0);
        assertThat(line.listingId().value()).isEqualTo(String.valueOf(transaction.listing_id()));
        assertThat(line.quantity()).isEqualTo(transaction.quantity());
        assertThat(line.unitPrice()).isEqualByComparingTo(BigDecimal.valueOf(transaction.price().amount()).movePointLeft(2));
        assertThat(line.variations()).isNotEmpty();
        assertThat(order.totals().currency()).isEqualTo("EUR");
        assertThat(order.totals().total()).isEqualByComparingTo(BigDecimal.valueOf(receipt.grandtotal().amount()).movePointLeft(2));
        assertThat(order.billingAddress()).isEqualTo(order.shippingAddress());
        assertThat(order.shippingAddress().countryCode()).hasSize(2);
        assertThat(order.revision()).isEqualTo(receipt.updated_timestamp());
        assertThat(order.shippingMethod()).as("the buyer's shipping method, named on the transaction").isEqualTo("DHL Paket");
    }

    @Test
    void etsyMoneyIsAmountOverDivisor() {
        assertThat(ReceiptMapper.money(new EtsyModel.Money(1799, 100, "EUR"))).isEqualTo(new BigDecimal("17.99"));
        assertThat(ReceiptMapper.money(new EtsyModel.Money(5, 1000, "EUR"))).isEqualTo(new BigDecimal("0.005"));
        assertThat(ReceiptMapper.money(new EtsyModel.Money(1200, 100, "USD"))).isEqualTo(new BigDecimal("12.00"));
    }

    @Test
    void anUnknownStatusIsAFailureOfThatRecord() throws Exception {
        EtsyModel.Receipt r = page().results().get(0);
        EtsyModel.Receipt odd = new EtsyModel.Receipt(r.receipt_id(), r.buyer_user_id(), r.buyer_email(), r.name(), r.first_line(),
                r.second_line(), r.city(), r.state(), r.zip(), r.country_iso(), "lost in space", r.is_paid(), r.is_shipped(),
                r.created_timestamp(), r.updated_timestamp(), r.grandtotal(), r.subtotal(), r.total_shipping_cost(), r.total_tax_cost(),
                r.total_vat_cost(), r.discount_amt(), r.transactions());

        assertThatThrownBy(() -> ReceiptMapper.toSnapshot("1", odd)).hasMessageContaining("lost in space");
    }

    private EtsyModel.Receipts page() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/etsy/receipts-page.json")) {
            return json.readValue(in, EtsyModel.Receipts.class);
        }
    }
}
