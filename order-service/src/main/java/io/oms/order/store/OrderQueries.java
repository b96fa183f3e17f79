package io.oms.order.store;

import io.oms.events.order.OrderStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The list queries of the API; each filter has an index (V1__orders.sql). */
@ApplicationScoped
public class OrderQueries {

    /** Filters of the order list; null means "any". */
    public record OrderFilter(String channel, String shopId, OrderStatus status, UUID customerId, Instant createdFrom,
            Instant createdTo, String text) {
    }

    public record Result<T>(List<T> items, long total) {
    }

    public Result<OrderEntity> orders(OrderFilter filter, int page, int size, Sort sort) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.channel() != null) {
            where.add("channel = :channel");
            params.put("channel", filter.channel());
        }
        if (filter.shopId() != null) {
            where.add("shopId = :shopId");
            params.put("shopId", filter.shopId());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.put("status", filter.status());
        }
        if (filter.customerId() != null) {
            where.add("customer.id = :customerId");
            params.put("customerId", filter.customerId());
        }
        if (filter.createdFrom() != null) {
            where.add("marketplaceCreatedAt >= :createdFrom");
            params.put("createdFrom", filter.createdFrom());
        }
        if (filter.createdTo() != null) {
            where.add("marketplaceCreatedAt < :createdTo");
            params.put("createdTo", filter.createdTo());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("(lower(externalOrderNumber) like :text or lower(externalOrderId) like :text or lower(buyerName) like :text)");
            params.put("text", filter.text().trim().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String query = String.join(" and ", where);
        PanacheQuery<OrderEntity> found = query.isEmpty() ? OrderEntity.findAll(sort) : OrderEntity.find(query, sort, params);
        return new Result<>(found.page(page, size).list(), found.count());
    }

    public Result<RejectedSnapshotEntity> rejected(String channel, String shopId, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (channel != null) {
            where.add("channel = :channel");
            params.put("channel", channel);
        }
        if (shopId != null) {
            where.add("shopId = :shopId");
            params.put("shopId", shopId);
        }
        Sort sort = Sort.descending("receivedAt").and("id");
        String query = String.join(" and ", where);
        PanacheQuery<RejectedSnapshotEntity> found = query.isEmpty() ? RejectedSnapshotEntity.findAll(sort)
                : RejectedSnapshotEntity.find(query, sort, params);
        return new Result<>(found.page(page, size).list(), found.count());
    }

    public Result<CustomerEntity> customers(String email, String text, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (email != null) {
            where.add("email = :email");
            params.put("email", email.trim().toLowerCase(Locale.ROOT));
        }
        if (text != null && !text.isBlank()) {
            where.add("lower(name) like :text");
            params.put("text", "%" + text.trim().toLowerCase(Locale.ROOT) + "%");
        }
        Sort sort = Sort.ascending("createdAt").and("id");
        String query = String.join(" and ", where);
        PanacheQuery<CustomerEntity> found = query.isEmpty() ? CustomerEntity.findAll(sort) : CustomerEntity.find(query, sort, params);
        return new Result<>(found.page(page, size).list(), found.count());
    }
}
