package io.oms.order.api;

import io.oms.order.store.Address;
import io.oms.order.store.MissingLine;
import io.oms.order.store.Variation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the REST API. */
public final class ApiBodies {

    private ApiBodies() {
    }

    /** A list answer: one page of items and the total over all pages. */
    public record Page<T>(List<T> items, long total) {
    }

    /** An amount as an exact decimal string, and its ISO 4217 currency. */
    public record Money(String amount, String currency) {
    }

    public record Totals(Money subtotal, Money shipping, Money tax, Money discount, Money total) {
    }

    public record OrderSummary(UUID id, String orderKey, String channel, String shopId, String externalOrderId,
            String externalOrderNumber, String status, String channelStatus, String buyerName, UUID customerId,
            Money total, boolean currencyMismatch, long revision, Instant createdAt, Instant importedAt) {
    }

    public record Line(UUID id, String externalLineId, String listingId, String sku, String title, List<Variation> variations,
            int quantity, Money unitPrice) {
    }

    public record HistoryEntry(String from, String to, String cause, Instant at, UUID eventId) {
    }

    public record OrderException(UUID id, String code, String message, Instant raisedAt, UUID eventId, Instant resolvedAt) {
    }

    public record Buyer(String name, String email, String externalCustomerId) {
    }

    public record OrderDetail(UUID id, String orderKey, String channel, String shopId, String externalOrderId,
            String externalOrderNumber, String status, String marketplaceStatus, String channelStatus, Buyer buyer,
            UUID customerId, Address shippingAddress, Address billingAddress, boolean billingFromShipping, Totals totals,
            String currency, List<String> flags, boolean paid, String shippingMethod, List<Line> lines,
            List<MissingLine> missingLines, List<HistoryEntry> statusHistory, List<OrderException> exceptions,
            List<String> allowedNextStatuses, long revision, Instant createdAt, Instant updatedAtMarketplace,
            Instant importedAt, Instant updatedAt) {
    }

    public record RejectedSnapshot(UUID id, UUID eventId, String orderKey, String channel, String shopId,
            String externalOrderId, Long revision, String reason, Instant receivedAt) {
    }

    public record Customer(UUID id, String name, String email, Address address, Instant createdAt) {
    }

    public record CustomerDetail(UUID id, String name, String email, Address address, Instant createdAt,
            Page<OrderSummary> orders) {
    }

    /** Body of a seller cancellation. */
    public record CancelRequest(String reason) {
    }

    /** Body of a manual status move by an operator. */
    public record StatusRequest(@jakarta.validation.constraints.NotBlank String status, String cause) {
    }

    /** Body of "release all held orders of a shop". */
    public record ReleaseShopRequest(@jakarta.validation.constraints.NotBlank String channel,
            @jakarta.validation.constraints.NotBlank String shopId) {
    }

    public record Released(int released) {
    }

    public record ShopSettings(String channel, String shopId, boolean holdNewOrders) {
    }

    public record ShopSettingsRequest(boolean holdNewOrders) {
    }

    public record Transition(String from, String to, String description) {
    }

    public record ChannelStatusMapping(String channelStatus, String omsStatus, String description) {
    }

    public record StatusMappings(List<String> statuses, List<Transition> transitions,
            List<ChannelStatusMapping> channelStatusMappings) {
    }
}
