package io.oms.inventory.api;

import io.oms.inventory.config.InventoryConfig;

/** Page and size query parameters, checked. */
final class Pages {

    record Request(int page, int size) {
    }

    private Pages() {
    }

    static Request of(Integer page, Integer size, InventoryConfig.Api config) {
        int p = page == null ? 0 : page;
        int s = size == null ? config.defaultPageSize() : size;
        if (p < 0) {
            throw ApiException.badRequest("page counts from 0", "page");
        }
        if (s < 1 || s > config.maxPageSize()) {
            throw ApiException.badRequest("size must be between 1 and " + config.maxPageSize(), "size");
        }
        return new Request(p, s);
    }
}
