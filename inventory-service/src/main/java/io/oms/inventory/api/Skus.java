package io.oms.inventory.api;

/** The SKU rules at the edge: trimmed, not blank, at most 255 characters; case is kept. */
final class Skus {

    private Skus() {
    }

    static String normalize(String raw, String field) {
        String sku = raw == null ? "" : raw.trim();
        if (sku.isEmpty()) {
            throw ApiException.badRequest("the SKU must not be blank", field);
        }
        if (sku.length() > 255) {
            throw ApiException.badRequest("the SKU is longer than 255 characters", field);
        }
        return sku;
    }
}
