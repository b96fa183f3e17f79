package io.oms.channel.shopify.shipments;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Shopify-local queue of tracking pushes ({@code shopify_tracking_push}), until the core's push queues land: a row per
 * shipment, written in the inbox transaction of its ShipmentCreated, sent afterwards by {@link TrackingPusher}.
 */
@ApplicationScoped
public class TrackingPushes {

    private static final String COLUMNS = "shipment_id, shop_id, order_id, external_order_id, carrier, tracking_number, tracking_url, lines, attempts";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public TrackingPushes(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Queues a push; a shipment already queued (a replayed event) is not queued twice. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(TrackingPush push, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                insert into shopify_tracking_push (shipment_id, shop_id, order_id, external_order_id, carrier, tracking_number, tracking_url,
                lines, status, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
                on conflict (shipment_id) do nothing""")) {
            st.setString(1, push.shipmentId());
            st.setObject(2, push.shopId());
            st.setString(3, push.orderId());
            st.setString(4, push.externalOrderId());
            st.setString(5, push.carrier());
            st.setString(6, push.trackingNumber());
            st.setString(7, push.trackingUrl());
            st.setString(8, json.writeValueAsString(push.lines()));
            st.setTimestamp(9, Timestamp.from(now));
            st.setTimestamp(10, Timestamp.from(now));
            st.executeUpdate();
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot queue the tracking push of shipment " + push.shipmentId(), e);
        }
    }

    /** Pushes due now, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TrackingPush> due(Instant now, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("select " + COLUMNS
                + " from shopify_tracking_push where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit ?")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setInt(2, limit);
            List<TrackingPush> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new TrackingPush(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), json.readValue(rs.getString(8), new TypeReference<List<TrackingPush.Line>>() {
                            }), rs.getInt(9)));
                }
            }
            return out;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot read tracking pushes", e);
        }
    }

    /** The push is over (done, or failed for good); answers false when another worker finished it first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean finish(String shipmentId, boolean success, String fulfillmentId, String error, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                update shopify_tracking_push set status = ?, fulfillment_id = ?, last_error = ?, attempts = attempts + 1, done_at = ?
                where shipment_id = ? and status = 'PENDING'""")) {
            st.setString(1, success ? "DONE" : "FAILED");
            st.setString(2, fulfillmentId);
            st.setString(3, error);
            st.setTimestamp(4, Timestamp.from(now));
            st.setString(5, shipmentId);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot finish the tracking push of shipment " + shipmentId, e);
        }
    }

    /** A transient failure: tried again at {@code next}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void retryLater(String shipmentId, String error, Instant next) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "update shopify_tracking_push set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where shipment_id = ?")) {
            st.setString(1, error);
            st.setTimestamp(2, Timestamp.from(next));
            st.setString(3, shipmentId);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reschedule the tracking push of shipment " + shipmentId, e);
        }
    }
}
