package io.oms.inventory.reservation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One order line: how much is wanted, reserved now, and already shipped. */
@Entity
@Table(name = "reservation_line")
public class ReservationLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "line_id")
    public String lineId;
    public String sku;
    public int quantity;
    public int reserved;
    public int shipped;
    /** True while part of the line is neither reserved nor shipped and the order is open. */
    public boolean waiting;
    @Column(name = "created_at")
    public Instant createdAt;

    public int missing() {
        return Math.max(0, quantity - reserved - shipped);
    }

    void refreshWaiting(boolean orderOpen) {
        waiting = orderOpen && missing() > 0;
    }
}
