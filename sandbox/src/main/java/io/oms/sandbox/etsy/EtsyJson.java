package io.oms.sandbox.etsy;

import io.oms.sandbox.etsy.listings.EtsyListing;
import io.oms.sandbox.etsy.receipts.EtsyReceipt;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Etsy's wire shapes (snake_case, Money objects, unix seconds), built from the sandbox's state. */
public final class EtsyJson {

    private EtsyJson() {
    }

    public static Map<String, Object> money(BigDecimal amount, String currency) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("amount", amount.movePointRight(2).longValueExact());
        m.put("divisor", 100);
        m.put("currency_code", currency);
        return m;
    }

    static long epoch(Instant i) {
        return i.getEpochSecond();
    }

    public static Map<String, Object> shop(EtsyShop s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop_id", s.shopId);
        m.put("user_id", s.userId);
        m.put("shop_name", s.shopName);
        m.put("create_date", epoch(s.createdAt));
        m.put("created_timestamp", epoch(s.createdAt));
        m.put("title", "Handmade goods by " + s.shopName);
        m.put("announcement", null);
        m.put("currency_code", s.currency);
        m.put("is_vacation", false);
        m.put("vacation_message", null);
        m.put("sale_message", null);
        m.put("digital_sale_message", null);
        m.put("update_date", epoch(s.createdAt));
        m.put("updated_timestamp", epoch(s.createdAt));
        m.put("listing_active_count", s.listings.values().stream().filter(l -> "active".equals(l.state)).count());
        m.put("digital_listing_count", 0);
        m.put("login_name", s.loginName);
        m.put("accepts_custom_requests", false);
        m.put("url", "https://www.etsy.com/shop/" + s.shopName);
        m.put("num_favorers", 0);
        m.put("languages", List.of("en-US"));
        m.put("is_using_structured_policies", true);
        m.put("is_direct_checkout_onboarded", true);
        m.put("is_etsy_payments_onboarded", true);
        m.put("is_shop_us_based", "US".equals(s.countryIso));
        m.put("transaction_sold_count", s.receipts.size());
        m.put("shipping_from_country_iso", s.countryIso);
        m.put("shop_location_country_iso", s.countryIso);
        m.put("review_count", 0);
        m.put("review_average", null);
        return m;
    }

    public static Map<String, Object> listing(EtsyListing l) {
        synchronized (l) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("listing_id", l.listingId);
            m.put("user_id", l.userId);
            m.put("shop_id", l.shopId);
            m.put("title", l.title);
            m.put("description", l.description);
            m.put("state", l.state);
            m.put("creation_timestamp", epoch(l.createdAt));
            m.put("created_timestamp", epoch(l.createdAt));
            m.put("ending_timestamp", epoch(l.createdAt.plusSeconds(120L * 86400)));
            m.put("original_creation_timestamp", epoch(l.createdAt));
            m.put("last_modified_timestamp", epoch(l.updatedAt));
            m.put("updated_timestamp", epoch(l.updatedAt));
            m.put("state_timestamp", epoch(l.stateAt));
            m.put("quantity", l.quantity());
            m.put("shop_section_id", null);
            m.put("featured_rank", -1);
            m.put("url", "https://www.etsy.com/listing/" + l.listingId);
            m.put("num_favorers", 0);
            m.put("non_taxable", false);
            m.put("is_taxable", true);
            m.put("is_customizable", false);
            m.put("is_personalizable", false);
            m.put("personalization_is_required", false);
            m.put("personalization_char_count_max", null);
            m.put("personalization_instructions", null);
            m.put("listing_type", l.type);
            m.put("tags", l.tags);
            m.put("materials", l.materials);
            m.put("shipping_profile_id", l.shippingProfileId);
            m.put("return_policy_id", null);
            m.put("processing_min", 1);
            m.put("processing_max", 3);
            m.put("who_made", l.whoMade);
            m.put("when_made", l.whenMade);
            m.put("is_supply", false);
            m.put("item_weight", null);
            m.put("item_weight_unit", null);
            m.put("item_length", null);
            m.put("item_width", null);
            m.put("item_height", null);
            m.put("item_dimensions_unit", null);
            m.put("is_private", false);
            m.put("style", List.of());
            m.put("file_data", "");
            m.put("has_variations", !l.quantityOnProperty.isEmpty() || !l.priceOnProperty.isEmpty()
                    || !l.skuOnProperty.isEmpty());
            m.put("should_auto_renew", true);
            m.put("language", "en-US");
            m.put("price", money(l.price(), l.currency));
            m.put("taxonomy_id", l.taxonomyId);
            return m;
        }
    }

    /** A listing with the associations asked for by {@code includes}. */
    public static Map<String, Object> listingWith(EtsyListing l, EtsyShop shop, List<String> includes) {
        Map<String, Object> m = listing(l);
        if (includes.contains("Inventory")) {
            m.put("inventory", inventory(l));
        }
        if (includes.contains("Shop")) {
            m.put("shop", shop(shop));
        }
        if (includes.contains("Images")) {
            List<Map<String, Object>> images = new ArrayList<>();
            int rank = 1;
            for (Long id : l.imageIds) {
                Map<String, Object> img = new LinkedHashMap<>();
                img.put("listing_id", l.listingId);
                img.put("listing_image_id", id);
                img.put("rank", rank++);
                img.put("url_fullxfull", "https://i.etsystatic.com/sandbox/il_fullxfull." + id + ".jpg");
                img.put("url_570xN", "https://i.etsystatic.com/sandbox/il_570xN." + id + ".jpg");
                images.add(img);
            }
            m.put("images", images);
        }
        m.put("skus", l.skus());
        return m;
    }

    public static Map<String, Object> inventory(EtsyListing l) {
        synchronized (l) {
            List<Map<String, Object>> products = new ArrayList<>();
            for (EtsyListing.Product p : l.products) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("product_id", p.productId());
                pm.put("sku", p.sku() == null ? "" : p.sku());
                pm.put("is_deleted", false);
                List<Map<String, Object>> offerings = new ArrayList<>();
                for (EtsyListing.Offering o : p.offerings()) {
                    Map<String, Object> om = new LinkedHashMap<>();
                    om.put("offering_id", o.offeringId());
                    om.put("quantity", o.quantity());
                    om.put("is_enabled", o.enabled());
                    om.put("is_deleted", false);
                    om.put("price", money(o.price(), l.currency));
                    om.put("readiness_state_id", null);
                    offerings.add(om);
                }
                pm.put("offerings", offerings);
                List<Map<String, Object>> values = new ArrayList<>();
                for (EtsyListing.PropertyValue v : p.propertyValues()) {
                    Map<String, Object> vm = new LinkedHashMap<>();
                    vm.put("property_id", v.propertyId());
                    vm.put("property_name", v.propertyName());
                    vm.put("scale_id", null);
                    vm.put("scale_name", null);
                    vm.put("value_ids", v.valueIds());
                    vm.put("values", v.values());
                    values.add(vm);
                }
                pm.put("property_values", values);
                products.add(pm);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("products", products);
            m.put("price_on_property", l.priceOnProperty);
            m.put("quantity_on_property", l.quantityOnProperty);
            m.put("sku_on_property", l.skuOnProperty);
            return m;
        }
    }

    public static Map<String, Object> receipt(EtsyReceipt r, EtsyShop shop) {
        synchronized (r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("receipt_id", r.receiptId);
            m.put("receipt_type", 0);
            m.put("seller_user_id", r.sellerUserId);
            m.put("seller_email", shop.loginName + "@example.com");
            m.put("buyer_user_id", r.buyerUserId);
            m.put("buyer_email", r.buyerEmail);
            m.put("name", r.name);
            m.put("first_line", r.address.firstLine());
            m.put("second_line", r.address.secondLine());
            m.put("city", r.address.city());
            m.put("state", r.address.state());
            m.put("zip", r.address.zip());
            m.put("status", r.status);
            m.put("formatted_address", formatted(r));
            m.put("country_iso", r.address.countryIso());
            m.put("payment_method", "cc");
            m.put("payment_email", null);
            m.put("message_from_seller", null);
            m.put("message_from_buyer", r.messageFromBuyer);
            m.put("message_from_payment", null);
            m.put("is_paid", r.paid);
            m.put("is_shipped", r.shipped);
            m.put("create_timestamp", epoch(r.createdAt));
            m.put("created_timestamp", epoch(r.createdAt));
            m.put("update_timestamp", epoch(r.updatedAt));
            m.put("updated_timestamp", epoch(r.updatedAt));
            m.put("is_gift", false);
            m.put("gift_message", "");
            m.put("gift_sender", "");
            m.put("grandtotal", money(r.grandTotal(), r.currency));
            m.put("subtotal", money(r.subtotal(), r.currency));
            m.put("total_price", money(r.subtotal(), r.currency));
            m.put("total_shipping_cost", money(r.shippingCost, r.currency));
            m.put("total_tax_cost", money(BigDecimal.ZERO, r.currency));
            m.put("total_vat_cost", money(BigDecimal.ZERO, r.currency));
            m.put("discount_amt", money(BigDecimal.ZERO, r.currency));
            m.put("gift_wrap_price", money(BigDecimal.ZERO, r.currency));
            List<Map<String, Object>> shipments = new ArrayList<>();
            for (EtsyReceipt.Shipment s : r.shipments) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("receipt_shipping_id", s.receiptShippingId());
                sm.put("shipment_notification_timestamp", epoch(s.at()));
                sm.put("carrier_name", s.carrierName());
                sm.put("tracking_code", s.trackingCode());
                shipments.add(sm);
            }
            m.put("shipments", shipments);
            List<Map<String, Object>> transactions = new ArrayList<>();
            for (EtsyReceipt.Transaction t : r.transactions) {
                transactions.add(transaction(r, t));
            }
            m.put("transactions", transactions);
            List<Map<String, Object>> refunds = new ArrayList<>();
            for (EtsyReceipt.Refund f : r.refunds) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("amount", money(f.amount(), r.currency));
                fm.put("created_timestamp", epoch(f.at()));
                fm.put("reason", f.reason());
                fm.put("note_from_issuer", null);
                fm.put("status", "REFUNDED");
                refunds.add(fm);
            }
            m.put("refunds", refunds);
            return m;
        }
    }

    private static Map<String, Object> transaction(EtsyReceipt r, EtsyReceipt.Transaction t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transaction_id", t.transactionId());
        m.put("title", t.title());
        m.put("description", t.title());
        m.put("seller_user_id", r.sellerUserId);
        m.put("buyer_user_id", r.buyerUserId);
        m.put("create_timestamp", epoch(r.createdAt));
        m.put("created_timestamp", epoch(r.createdAt));
        m.put("paid_timestamp", r.paid ? epoch(r.createdAt) : null);
        m.put("shipped_timestamp", r.shipments.isEmpty() ? null : epoch(r.shipments.get(0).at()));
        m.put("quantity", t.quantity());
        m.put("listing_image_id", null);
        m.put("receipt_id", r.receiptId);
        m.put("is_digital", false);
        m.put("file_data", "");
        m.put("listing_id", t.listingId());
        m.put("transaction_type", "listing");
        m.put("product_id", t.productId());
        m.put("sku", t.sku());
        m.put("price", money(t.price(), r.currency));
        m.put("shipping_cost", money(BigDecimal.ZERO, r.currency));
        List<Map<String, Object>> variations = new ArrayList<>();
        for (EtsyReceipt.Variation v : t.variations()) {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("property_id", v.propertyId());
            vm.put("value_id", v.valueId());
            vm.put("formatted_name", v.formattedName());
            vm.put("formatted_value", v.formattedValue());
            variations.add(vm);
        }
        m.put("variations", variations);
        m.put("product_data", List.of());
        m.put("shipping_profile_id", null);
        m.put("min_processing_days", 1);
        m.put("max_processing_days", 3);
        m.put("shipping_method", io.oms.sandbox.generate.Generator.shippingMethod(r.receiptId));
        m.put("shipping_upgrade", null);
        m.put("expected_ship_date", epoch(r.createdAt.plusSeconds(3 * 86400)));
        m.put("buyer_coupon", 0);
        m.put("shop_coupon", 0);
        return m;
    }

    private static String formatted(EtsyReceipt r) {
        StringBuilder b = new StringBuilder(r.name).append('\n').append(r.address.firstLine()).append('\n');
        if (r.address.secondLine() != null) {
            b.append(r.address.secondLine()).append('\n');
        }
        b.append(r.address.city());
        if (r.address.state() != null) {
            b.append(", ").append(r.address.state());
        }
        b.append(' ').append(r.address.zip()).append('\n').append(r.address.countryName());
        return b.toString();
    }
}
