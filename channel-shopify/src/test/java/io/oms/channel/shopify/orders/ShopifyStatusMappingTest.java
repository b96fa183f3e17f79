package io.oms.channel.shopify.orders;

import io.oms.events.order.ChannelStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN section 7's Shopify column, row by row. */
class ShopifyStatusMappingTest {

    @Test
    void pendingAndAuthorizedOrdersArePending() {
        assertThat(ShopifyStatusMapping.of(false, "PENDING", "UNFULFILLED")).contains(ChannelStatus.PENDING);
        assertThat(ShopifyStatusMapping.of(false, "AUTHORIZED", "UNFULFILLED")).contains(ChannelStatus.PENDING);
    }

    @Test
    void paidOrdersArePaidThenPartlyShippedThenShipped() {
        assertThat(ShopifyStatusMapping.of(false, "PAID", "UNFULFILLED")).contains(ChannelStatus.PAID);
        assertThat(ShopifyStatusMapping.of(false, "PAID", "PARTIALLY_FULFILLED")).contains(ChannelStatus.PARTIALLY_SHIPPED);
        assertThat(ShopifyStatusMapping.of(false, "PARTIALLY_REFUNDED", "FULFILLED")).contains(ChannelStatus.SHIPPED);
    }

    @Test
    void cancelledWinsOverEverythingAndAFullRefundIsRefunded() {
        assertThat(ShopifyStatusMapping.of(true, "REFUNDED", "UNFULFILLED")).contains(ChannelStatus.CANCELLED);
        assertThat(ShopifyStatusMapping.of(true, "PAID", "FULFILLED")).contains(ChannelStatus.CANCELLED);
        assertThat(ShopifyStatusMapping.of(false, "REFUNDED", "FULFILLED")).contains(ChannelStatus.REFUNDED);
    }

    @Test
    void anUnknownStatusHasNoMapping() {
        assertThat(ShopifyStatusMapping.of(false, "SOMETHING_NEW", "UNFULFILLED")).isEmpty();
    }
}
