package io.oms.channel.shopify.orders;

import com.fasterxml.jackson.databind.JsonNode;
import io.oms.events.Channel;
import io.oms.events.ListingId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import io.oms.events.order.ChannelStatus;
import io.oms.events.order.OrderImported;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An Admin GraphQL {@code Order} (fragment {@code OrderSnapshot}) to a full OrderImported snapshot. Ids are the
 * numeric tails of Shopify's gids; amounts are the shop money; the revision is {@code updatedAt} in epoch millis.
 */
public final class OrderMapper {

    private OrderMapper() {
    }

    /**
     * @param lines the order's line items (the first page of them inside {@code order} may be completed by the caller)
     * @throws IllegalArgumentException with the reason when the order cannot be mapped (a per-record failure)
     */
    public static OrderImported toSnapshot(String shopDomain, JsonNode order, List<JsonNode> lines) {
        String id = numericId(order.path("id").asText(null));
        if (id == null) {
            throw new IllegalArgumentException("order without id");
        }
        boolean cancelled = order.hasNonNull("cancelledAt");
        String financial = order.path("displayFinancialStatus").asText("");
        String fulfillment = order.path("displayFulfillmentStatus").asText("");
        ChannelStatus status = ShopifyStatusMapping.of(cancelled, financial, fulfillment).orElseThrow(() -> new IllegalArgumentException(
                "order " + id + ": no status mapping for financial status '" + financial + "', fulfillment status '" + fulfillment + "'"));
        JsonNode total = order.path("totalPriceSet").path("shopMoney");
        if (!total.hasNonNull("amount")) {
            throw new IllegalArgumentException("order " + id + " has no total price");
        }
        String currency = total.path("currencyCode").asText();
        OrderImported.Address shipping = address(order.path("shippingAddress"));
        OrderImported.Address billing = address(order.path("billingAddress"));
        String buyerName = order.path("customer").hasNonNull("displayName") ? order.path("customer").path("displayName").asText()
                : shipping == null ? null : shipping.name();
        List<OrderImported.Line> mapped = new ArrayList<>();
        for (JsonNode line : lines) {
            mapped.add(line(line, cancelled));
        }
        OrderImported.Totals totals = new OrderImported.Totals(
                money(order.path("subtotalPriceSet")),
                money(order.path("totalShippingPriceSet")),
                money(order.path("totalTaxSet")),
                money(order.path("totalDiscountsSet")),
                money(order.path("totalPriceSet")),
                currency);
        Instant updatedAt = instant(order.path("updatedAt"));
        String marketplaceStatus = financial + "/" + fulfillment + (cancelled ? "/CANCELLED" + reason(order) : "");
        return new OrderImported(
                Channel.SHOPIFY,
                ShopId.of(shopDomain),
                id,
                order.path("name").asText(null),
                marketplaceStatus,
                status,
                new OrderImported.Buyer(buyerName, text(order.path("email")), numericId(order.path("customer").path("id").asText(null))),
                shipping,
                billing != null ? billing : shipping,
                mapped,
                totals,
                ShopifyStatusMapping.PAID_FINANCIAL_STATUSES.contains(financial),
                text(order.path("shippingLine").path("title")),
                instant(order.path("createdAt")),
                updatedAt,
                updatedAt == null ? 0 : updatedAt.toEpochMilli());
    }

    private static String reason(JsonNode order) {
        return order.hasNonNull("cancelReason") ? ":" + order.path("cancelReason").asText() : "";
    }

    /**
     * The quantity is Shopify's {@code currentQuantity} (after edits and removals), except on a cancelled order, whose
     * current quantities are all 0: there the ordered quantity says what was cancelled.
     */
    private static OrderImported.Line line(JsonNode line, boolean cancelled) {
        String variantId = numericId(line.path("variant").path("id").asText(null));
        String sku = text(line.path("sku"));
        String variantTitle = text(line.path("variantTitle"));
        int quantity = cancelled || !line.hasNonNull("currentQuantity") ? line.path("quantity").asInt() : line.path("currentQuantity").asInt();
        return new OrderImported.Line(
                numericId(line.path("id").asText(null)),
                variantId == null ? null : ListingId.of(variantId),
                sku == null ? null : Sku.of(sku),
                line.path("title").asText(null),
                variantTitle == null ? List.of() : List.of(new OrderImported.Variation("variant", variantTitle)),
                quantity,
                money(line.path("originalUnitPriceSet")));
    }

    private static OrderImported.Address address(JsonNode a) {
        if (a == null || a.isNull() || a.isMissingNode()) {
            return null;
        }
        String country = text(a.path("countryCodeV2"));
        return new OrderImported.Address(text(a.path("name")), text(a.path("company")), text(a.path("address1")), text(a.path("address2")),
                text(a.path("city")), text(a.path("provinceCode")), text(a.path("zip")), country == null ? null : country.toUpperCase(),
                text(a.path("phone")));
    }

    /** A MoneyBag's shop money as an exact decimal (Shopify sends decimal strings); 0 when absent. */
    static BigDecimal money(JsonNode bag) {
        JsonNode amount = bag.path("shopMoney").path("amount");
        return amount.isMissingNode() || amount.isNull() ? BigDecimal.ZERO : new BigDecimal(amount.asText());
    }

    /** {@code gid://shopify/Order/123} → {@code 123}. */
    public static String numericId(String gid) {
        if (gid == null || gid.isBlank()) {
            return null;
        }
        int q = gid.indexOf('?');
        String plain = q >= 0 ? gid.substring(0, q) : gid;
        return plain.substring(plain.lastIndexOf('/') + 1);
    }

    public static String gid(String type, String numericId) {
        return numericId.startsWith("gid://") ? numericId : "gid://shopify/" + type + "/" + numericId;
    }

    private static Instant instant(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : Instant.parse(node.asText());
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() || node.asText().isBlank() ? null : node.asText();
    }
}
