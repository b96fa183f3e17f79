package io.oms.channel.core.marketplace;

import java.util.List;

/**
 * @param orders the page, oldest change first
 * @param last   no page follows this one
 * @param next   the channel's own position after this page (a keyset, a cursor), kept with the run and handed back
 *               as {@link OrderQuery#after()}: unlike an offset it does not shift when an order read earlier changes
 *               during the run; null when the channel keeps none
 */
public record OrderPage(List<FetchedOrder> orders, boolean last, String next) {

    public OrderPage {
        orders = List.copyOf(orders);
    }
}
