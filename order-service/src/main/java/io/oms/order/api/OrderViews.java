package io.oms.order.api;

import io.oms.order.api.ApiBodies.Money;
import io.oms.order.status.StatusMachine;
import io.oms.order.store.CustomerEntity;
import io.oms.order.store.OrderEntity;
import io.oms.order.store.OrderQueries;
import io.oms.order.store.RejectedSnapshotEntity;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads orders and customers in one transaction each and maps them to API bodies. */
@ApplicationScoped
public class OrderViews {

    private final OrderQueries queries;
    private final StatusMachine machine;

    public OrderViews(OrderQueries queries, StatusMachine machine) {
        this.queries = queries;
        this.machine = machine;
    }

    @Transactional
    public ApiBodies.Page<ApiBodies.OrderSummary> orders(OrderQueries.OrderFilter filter, int page, int size, Sort sort) {
        OrderQueries.Result<OrderEntity> result = queries.orders(filter, page, size, sort);
        return new ApiBodies.Page<>(result.items().stream().map(OrderViews::summary).toList(), result.total());
    }

    @Transactional
    public Optional<ApiBodies.OrderDetail> order(UUID id) {
        return OrderEntity.<OrderEntity>findByIdOptional(id).map(this::detail);
    }

    @Transactional
    public ApiBodies.Page<ApiBodies.RejectedSnapshot> rejected(String channel, String shopId, int page, int size) {
        OrderQueries.Result<RejectedSnapshotEntity> result = queries.rejected(channel, shopId, page, size);
        return new ApiBodies.Page<>(result.items().stream()
                .map(r -> new ApiBodies.RejectedSnapshot(r.id, r.eventId, r.orderKey, r.channel, r.shopId, r.externalOrderId,
                        r.revision, r.reason, r.receivedAt))
                .toList(), result.total());
    }

    @Transactional
    public ApiBodies.Page<ApiBodies.Customer> customers(String email, String text, int page, int size) {
        OrderQueries.Result<CustomerEntity> result = queries.customers(email, text, page, size);
        return new ApiBodies.Page<>(result.items().stream().map(OrderViews::customer).toList(), result.total());
    }

    @Transactional
    public Optional<ApiBodies.CustomerDetail> customer(UUID id, int page, int size) {
        return CustomerEntity.<CustomerEntity>findByIdOptional(id).map(customer -> {
            OrderQueries.Result<OrderEntity> orders = queries.orders(
                    new OrderQueries.OrderFilter(null, null, null, id, null, null, null), page, size,
                    Sort.descending("importedAt").and("id"));
            return new ApiBodies.CustomerDetail(customer.id, customer.name, customer.email, customer.address, customer.createdAt,
                    new ApiBodies.Page<>(orders.items().stream().map(OrderViews::summary).toList(), orders.total()));
        });
    }

    private static ApiBodies.Customer customer(CustomerEntity customer) {
        return new ApiBodies.Customer(customer.id, customer.name, customer.email, customer.address, customer.createdAt);
    }

    static ApiBodies.OrderSummary summary(OrderEntity order) {
        return new ApiBodies.OrderSummary(order.id, order.orderKey, order.channel, order.shopId, order.externalOrderId,
                order.externalOrderNumber, order.status.name(), order.channelStatus == null ? null : order.channelStatus.name(),
                order.buyerName, order.customer == null ? null : order.customer.id, money(order.total, order.currency),
                order.currencyMismatch, order.revision, order.marketplaceCreatedAt, order.importedAt);
    }

    private ApiBodies.OrderDetail detail(OrderEntity order) {
        String currency = order.currency;
        return new ApiBodies.OrderDetail(order.id, order.orderKey, order.channel, order.shopId, order.externalOrderId,
                order.externalOrderNumber, order.status.name(), order.marketplaceStatus,
                order.channelStatus == null ? null : order.channelStatus.name(),
                new ApiBodies.Buyer(order.buyerName, order.buyerEmail, order.buyerExternalId),
                order.customer == null ? null : order.customer.id, order.shippingAddress, order.billingAddress,
                order.billingFromShipping,
                new ApiBodies.Totals(money(order.subtotal, currency), money(order.shippingAmount, currency), money(order.tax, currency),
                        money(order.discount, currency), money(order.total, currency)),
                currency, order.currencyMismatch ? List.of("currency-mismatch") : List.of(), order.paid, order.shippingMethod,
                order.lines.stream().map(line -> new ApiBodies.Line(line.id, line.externalLineId, line.listingId, line.sku,
                        line.title, line.variations, line.quantity, money(line.unitPrice, currency))).toList(),
                order.missingLines == null ? List.of() : order.missingLines,
                order.history.stream().map(entry -> new ApiBodies.HistoryEntry(entry.fromStatus == null ? null : entry.fromStatus.name(),
                        entry.toStatus.name(), entry.cause, entry.changedAt, entry.eventId)).toList(),
                order.exceptions.stream().map(e -> new ApiBodies.OrderException(e.id, e.code, e.message, e.raisedAt, e.eventId,
                        e.resolvedAt)).toList(),
                machine.allowedAfter(order.status).stream().map(Enum::name).toList(),
                order.revision, order.marketplaceCreatedAt, order.marketplaceUpdatedAt, order.importedAt, order.updatedAt);
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount.toPlainString(), currency);
    }
}
