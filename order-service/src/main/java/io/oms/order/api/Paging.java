package io.oms.order.api;

import io.oms.events.order.OrderStatus;
import io.quarkus.panache.common.Sort;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Parsing of query parameters into typed values, with problems that name the parameter. */
final class Paging {

    /** The sort keys the order list offers, and the entity fields (all indexed) they sort by. */
    private static final Map<String, String> ORDER_SORTS = Map.of(
            "importedAt", "importedAt",
            "createdAt", "marketplaceCreatedAt");

    private Paging() {
    }

    static Sort orderSort(String sort) {
        String value = sort == null || sort.isBlank() ? "importedAt,desc" : sort;
        String[] parts = value.split(",");
        String field = ORDER_SORTS.get(parts[0].trim());
        if (field == null || parts.length > 2) {
            throw ApiProblem.invalid("sort", "sort must be one of " + ORDER_SORTS.keySet() + " with an optional ,asc or ,desc; was '" + sort + "'");
        }
        String direction = parts.length == 2 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        return switch (direction) {
            case "asc" -> Sort.ascending(field).and("id");
            case "desc" -> Sort.descending(field).and("id", Sort.Direction.Descending);
            default -> throw ApiProblem.invalid("sort", "sort direction must be asc or desc; was '" + direction + "'");
        };
    }

    static OrderStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("status", "status must be one of " + Arrays.toString(OrderStatus.values()) + "; was '" + status + "'");
        }
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, field + " must be an RFC 3339 time such as 2026-03-01T00:00:00Z; was '" + value + "'");
        }
    }

    static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(field, field + " must be a UUID; was '" + value + "'");
        }
    }

    /** An id in a path: a malformed one cannot exist, so it is a 404 like an unknown one. */
    static UUID pathId(String what, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound(what, value);
        }
    }
}
