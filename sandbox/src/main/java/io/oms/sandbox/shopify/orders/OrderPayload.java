package io.oms.sandbox.shopify.orders;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON body of orders/* webhooks (Shopify sends the REST shape of the order). */
public final class OrderPayload {

    private OrderPayload() {
    }

    public static Map<String, Object> of(ShopifyOrder o) {
        synchronized (o) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.id);
            m.put("admin_graphql_api_id", "gid://shopify/Order/" + o.id);
            m.put("name", o.name());
            m.put("order_number", o.number);
            m.put("email", o.email);
            m.put("created_at", o.createdAt.toString());
            m.put("updated_at", o.updatedAt.toString());
            m.put("processed_at", o.createdAt.toString());
            m.put("cancelled_at", o.cancelledAt == null ? null : o.cancelledAt.toString());
            m.put("cancel_reason", o.cancelReason == null ? null : o.cancelReason.toLowerCase());
            m.put("financial_status", o.financialStatus.toLowerCase());
            String fs = o.fulfillmentStatus();
            m.put("fulfillment_status", "UNFULFILLED".equals(fs) ? null
                    : "FULFILLED".equals(fs) ? "fulfilled" : "partial");
            m.put("currency", o.currency);
            m.put("presentment_currency", o.currency);
            m.put("subtotal_price", str(o.subtotal()));
            m.put("total_price", str(o.total()));
            m.put("total_tax", "0.00");
            m.put("note", o.note);
            m.put("test", false);
            Map<String, Object> customer = new LinkedHashMap<>();
            customer.put("id", o.customerId);
            customer.put("email", o.email);
            customer.put("first_name", o.firstName);
            customer.put("last_name", o.lastName);
            m.put("customer", customer);
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("first_name", o.firstName);
            address.put("last_name", o.lastName);
            address.put("name", o.firstName + " " + o.lastName);
            address.put("address1", o.address.firstLine());
            address.put("address2", o.address.secondLine());
            address.put("city", o.address.city());
            address.put("province_code", o.address.state());
            address.put("zip", o.address.zip());
            address.put("country", o.address.countryName());
            address.put("country_code", o.address.countryIso());
            m.put("shipping_address", address);
            m.put("billing_address", address);
            List<Map<String, Object>> lines = new ArrayList<>();
            for (ShopifyOrder.Line l : o.lines) {
                Map<String, Object> lm = new LinkedHashMap<>();
                lm.put("id", l.id());
                lm.put("admin_graphql_api_id", "gid://shopify/LineItem/" + l.id());
                lm.put("variant_id", l.variantId());
                lm.put("product_id", l.productId());
                lm.put("sku", l.sku());
                lm.put("title", l.title());
                lm.put("variant_title", l.variantTitle());
                lm.put("quantity", l.quantity());
                lm.put("price", str(l.unitPrice()));
                lines.add(lm);
            }
            m.put("line_items", lines);
            return m;
        }
    }

    static String str(BigDecimal d) {
        return d.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
