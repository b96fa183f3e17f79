package io.oms.channel.etsy.client;

import java.util.List;

/**
 * Etsy's shapes, as on the wire (snake case names), only the fields the connector reads. They never leave
 * this module: {@link io.oms.channel.etsy.orders.ReceiptMapper} turns them into events.
 */
public final class EtsyModel {

    private EtsyModel() {
    }

    public record Token(String access_token, String token_type, Long expires_in, String refresh_token) {
    }

    public record Me(Long user_id, Long shop_id) {
    }

    public record Shop(Long shop_id, String shop_name, Long user_id, String currency_code, String shipping_from_country_iso) {
    }

    public record Receipts(int count, List<Receipt> results) {
    }

    /** Etsy money: {@code amount / divisor} in {@code currency_code}. */
    public record Money(long amount, int divisor, String currency_code) {
    }

    public record Receipt(
            Long receipt_id,
            Long buyer_user_id,
            String buyer_email,
            String name,
            String first_line,
            String second_line,
            String city,
            String state,
            String zip,
            String country_iso,
            String status,
            boolean is_paid,
            boolean is_shipped,
            Long created_timestamp,
            Long updated_timestamp,
            Money grandtotal,
            Money subtotal,
            Money total_shipping_cost,
            Money total_tax_cost,
            Money total_vat_cost,
            Money discount_amt,
            List<Transaction> transactions) {
    }

    public record Transaction(
            Long transaction_id,
            String title,
            Long listing_id,
            Long product_id,
            String sku,
            int quantity,
            Money price,
            List<Variation> variations,
            String shipping_method) {
    }

    public record Variation(String formatted_name, String formatted_value) {
    }

    public record Error(String error, String error_description) {
    }

    public record Listings(int count, List<Listing> results) {
    }

    public record Listing(Long listing_id, String title, String state, Integer quantity, Money price, List<Image> images,
            Inventory inventory) {
    }

    public record Image(Long listing_image_id, Integer rank, String url_fullxfull, String url_570xN) {
    }

    /** getListingInventory's answer; updateListingInventory wants it back whole, with offering prices as floats. */
    public record Inventory(List<Product> products, List<Long> price_on_property, List<Long> quantity_on_property,
            List<Long> sku_on_property) {
    }

    public record Product(Long product_id, String sku, Boolean is_deleted, List<Offering> offerings, List<PropertyValue> property_values) {
    }

    public record Offering(Long offering_id, Integer quantity, Boolean is_enabled, Boolean is_deleted, Money price, Long readiness_state_id) {
    }

    public record PropertyValue(Long property_id, String property_name, Long scale_id, List<Long> value_ids, List<String> values) {
    }

    public record Carriers(int count, List<Carrier> results) {
    }

    public record Carrier(Long shipping_carrier_id, String name) {
    }

    public record Shipment(Long receipt_shipping_id, String carrier_name, String tracking_code) {
    }

    /** getShopReceipt as the shipment push reads it. */
    public record ReceiptShipments(Long receipt_id, String status, Boolean is_shipped, List<Shipment> shipments, List<Transaction> transactions) {
    }
}
