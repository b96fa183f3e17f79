package io.oms.channel.core.marketplace;

import java.util.List;

/**
 * @param orders the page, oldest change first
 * @param last   no page follows this one
 */
public record OrderPage(List<FetchedOrder> orders, boolean last) {

    public OrderPage {
        orders = List.copyOf(orders);
    }
}
