package io.oms.channel.shopify.orders;

import io.oms.events.order.ChannelStatus;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Shopify order state to the canonical channel status (DESIGN section 7), as data: the first row that matches
 * wins. An order is cancelled when {@code cancelledAt} is set; the financial and fulfillment statuses are the
 * Admin API's {@code displayFinancialStatus} and {@code displayFulfillmentStatus}; {@code *} matches any.
 */
public final class ShopifyStatusMapping {

    /** One row of the table. */
    public record Rule(String cancelled, Set<String> financial, Set<String> fulfillment, ChannelStatus status) {

        boolean matches(boolean isCancelled, String financialStatus, String fulfillmentStatus) {
            return (cancelled.equals("*") || cancelled.equals(isCancelled ? "yes" : "no"))
                    && (financial.contains("*") || financial.contains(financialStatus))
                    && (fulfillment.contains("*") || fulfillment.contains(fulfillmentStatus));
        }
    }

    private static final Set<String> ANY = Set.of("*");
    private static final Set<String> PAID = Set.of("PAID", "PARTIALLY_REFUNDED");

    public static final List<Rule> RULES = List.of(
            new Rule("yes", ANY, ANY, ChannelStatus.CANCELLED),
            new Rule("no", Set.of("REFUNDED"), ANY, ChannelStatus.REFUNDED),
            new Rule("no", Set.of("VOIDED"), ANY, ChannelStatus.CANCELLED),
            new Rule("no", Set.of("PENDING", "AUTHORIZED", "PARTIALLY_PAID", "EXPIRED"), ANY, ChannelStatus.PENDING),
            new Rule("no", PAID, Set.of("FULFILLED"), ChannelStatus.SHIPPED),
            new Rule("no", PAID, Set.of("PARTIALLY_FULFILLED"), ChannelStatus.PARTIALLY_SHIPPED),
            new Rule("no", PAID, ANY, ChannelStatus.PAID));

    /** Financial statuses of an order whose money was received (paid, even if later refunded). */
    public static final Set<String> PAID_FINANCIAL_STATUSES = Set.of("PAID", "PARTIALLY_REFUNDED", "REFUNDED");

    private ShopifyStatusMapping() {
    }

    public static Optional<ChannelStatus> of(boolean cancelled, String financialStatus, String fulfillmentStatus) {
        return RULES.stream().filter(r -> r.matches(cancelled, financialStatus, fulfillmentStatus)).findFirst().map(Rule::status);
    }
}
