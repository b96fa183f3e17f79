package io.oms.channel.shopify.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.channel.core.shop.ShopSettings;
import io.oms.channel.core.shop.ShopStore;
import io.oms.events.Channel;
import io.oms.events.CloudEvent;
import io.oms.events.ShopId;
import io.oms.events.channel.CustomerRedactionRequested;
import io.oms.messaging.outbox.Outbox;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Shopify's mandatory privacy topics, acted on and recorded ({@code shopify_privacy_request}) for operators:
 * <ul>
 * <li>customers/data_request: what the connector holds of the customer (raw order webhooks) is counted and recorded;
 * the connector keeps no other personal data (the core's {@code channel_order} holds hashes only).</li>
 * <li>customers/redact: the raw bodies of that customer's and those orders' deliveries are removed.</li>
 * <li>shop/redact: every raw body of the shop is removed and the shop is deactivated.</li>
 * </ul>
 * The request's own body (it names the customer) is removed as well. customers/redact also publishes
 * CustomerRedactionRequested through the outbox (in the same transaction), so order-service anonymises the buyer.
 */
@ApplicationScoped
public class PrivacyRequests {

    private final WebhookDeliveries deliveries;
    private final ShopStore shops;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Outbox outbox;
    private final Clock clock;

    public PrivacyRequests(WebhookDeliveries deliveries, ShopStore shops, DataSource dataSource, ObjectMapper json, Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.shops = shops;
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
    }

    /** One recorded request, without personal data. */
    public record Request(UUID id, String shopDomain, String topic, String customerId, List<String> orderIds, String outcome,
            Instant receivedAt, Instant doneAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void act(WebhookDelivery delivery) {
        JsonNode body;
        try {
            body = json.readTree(delivery.body() == null ? "{}" : delivery.body());
        } catch (Exception e) {
            body = json.createObjectNode();
        }
        String customerId = body.path("customer").hasNonNull("id") ? body.path("customer").path("id").asText() : null;
        List<String> orderIds = new ArrayList<>();
        body.path(delivery.topic().equals("customers/data_request") ? "orders_requested" : "orders_to_redact")
                .forEach(o -> orderIds.add(o.asText()));
        String outcome = switch (delivery.topic()) {
            case "customers/data_request" -> "holds " + deliveries.countForCustomer(delivery.shopDomain(), customerId, orderIds)
                    + " raw order webhook(s) of this customer; no other personal data is stored by the connector";
            case "customers/redact" -> "removed the raw bodies of " + deliveries.redactCustomer(delivery.shopDomain(), customerId, orderIds)
                    + " webhook delivery(ies); " + tellDownstream(delivery, body, customerId, orderIds);
            case "shop/redact" -> redactShop(delivery.shopDomain());
            default -> throw new IllegalArgumentException("not a privacy topic: " + delivery.topic());
        };
        record(delivery, customerId, orderIds, outcome);
        Log.infof("privacy request %s for shop %s: %s", delivery.topic(), delivery.shopDomain(), outcome);
    }

    /** CustomerRedactionRequested through the outbox, in this transaction: order-service anonymises the buyer. */
    private String tellDownstream(WebhookDelivery delivery, JsonNode body, String customerId, List<String> orderIds) {
        String email = body.path("customer").path("email").asText(null);
        outbox.add(CloudEvent.of("/channel-shopify/shops/" + delivery.shopDomain(), new CustomerRedactionRequested(Channel.SHOPIFY,
                ShopId.of(delivery.shopDomain()), email == null || email.isBlank() ? null : email,
                customerId == null ? List.of() : List.of(customerId), orderIds, delivery.receivedAt() != null ? delivery.receivedAt() : clock.instant()),
                clock));
        return "CustomerRedactionRequested published for downstream services";
    }

    private String redactShop(String domain) {
        int removed = deliveries.redactShop(domain);
        shops.findByExternalId(Channel.SHOPIFY.value(), domain).ifPresent(shop -> {
            ShopSettings s = shop.settings();
            shops.updateSettings(shop.id(), shop.name(), s.withActive(false), clock.instant());
        });
        return "removed the raw bodies of " + removed + " webhook delivery(ies) and deactivated the shop; its credentials stay until it is "
                + "deleted (the core has no delete yet)";
    }

    private void record(WebhookDelivery delivery, String customerId, List<String> orderIds, String outcome) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st = c.prepareStatement("""
                    insert into shopify_privacy_request (id, webhook_id, shop_domain, topic, customer_id, order_ids, outcome, received_at, done_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (webhook_id) do nothing""")) {
                st.setObject(1, UUID.randomUUID());
                st.setString(2, delivery.webhookId());
                st.setString(3, delivery.shopDomain());
                st.setString(4, delivery.topic());
                st.setString(5, customerId);
                st.setArray(6, c.createArrayOf("text", orderIds.toArray()));
                st.setString(7, outcome);
                st.setTimestamp(8, Timestamp.from(delivery.receivedAt()));
                st.setTimestamp(9, Timestamp.from(clock.instant()));
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("update shopify_webhook_delivery set body = null where webhook_id = ?")) {
                st.setString(1, delivery.webhookId());
                st.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record privacy request " + delivery.webhookId(), e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Request> list(String shopDomain, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                select id, shop_domain, topic, customer_id, order_ids, outcome, received_at, done_at from shopify_privacy_request
                where (? is null or shop_domain = ?) order by received_at desc limit ?""")) {
            st.setString(1, shopDomain);
            st.setString(2, shopDomain);
            st.setInt(3, limit);
            List<Request> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Request(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            Arrays.asList((String[]) rs.getArray(5).getArray()), rs.getString(6), rs.getTimestamp(7).toInstant(),
                            rs.getTimestamp(8).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read privacy requests", e);
        }
    }
}
