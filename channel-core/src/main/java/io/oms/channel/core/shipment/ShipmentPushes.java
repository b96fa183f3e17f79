package io.oms.channel.core.shipment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.channel.core.db.Sql;
import io.oms.channel.core.shop.Shop;
import io.oms.events.fulfilment.ShipmentCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code channel_shipment_push}: shipments waiting to reach the marketplace, one row per OMS shipment. */
@ApplicationScoped
public class ShipmentPushes {

    private final Sql sql;
    private final ObjectMapper json;

    public ShipmentPushes(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(Shop shop, ShipmentCreated shipment, Instant now) {
        try {
            sql.update("""
                    insert into channel_shipment_push (shipment_id, shop_id, external_order_id, payload, status, due_at, created_at)
                    values (?, ?, ?, ?, 'PENDING', ?, ?) on conflict (shipment_id) do nothing""",
                    shipment.shipmentId(), shop.id(), shipment.externalOrderId(), new Sql.Json(json.writeValueAsString(shipment)), now, now);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Pending> due(UUID shopId, Instant now, int limit) {
        return sql.query("""
                select shipment_id, payload::text, attempts from channel_shipment_push where shop_id = ? and status = 'PENDING' and due_at <= ?
                order by created_at limit ?""", rs -> new Pending(rs.getString(1), read(rs.getString(2)), rs.getInt(3)), shopId, now, limit);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(String shipmentId, boolean success, String message, Instant now) {
        sql.update("update channel_shipment_push set status = ?, message = ?, done_at = ? where shipment_id = ?",
                success ? "SENT" : "REFUSED", message, now, shipmentId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void retryLater(String shipmentId, Instant dueAt, String message) {
        sql.update("update channel_shipment_push set attempts = attempts + 1, due_at = ?, message = ? where shipment_id = ?",
                dueAt, message, shipmentId);
    }

    /** The shop's shipments, newest first (for the operator). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<View> list(UUID shopId) {
        return sql.query("""
                select shipment_id, external_order_id, status, attempts, message, created_at, done_at from channel_shipment_push
                where shop_id = ? order by created_at desc limit 500""",
                rs -> new View(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        Sql.instant(rs.getTimestamp(6)), Sql.instant(rs.getTimestamp(7))), shopId);
    }

    private ShipmentCreated read(String text) {
        try {
            return json.readValue(text, ShipmentCreated.class);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable shipment push", e);
        }
    }

    public record Pending(String shipmentId, ShipmentCreated shipment, int attempts) {
    }

    public record View(String shipmentId, String externalOrderId, String status, int attempts, String message, Instant createdAt,
            Instant doneAt) {
    }
}
