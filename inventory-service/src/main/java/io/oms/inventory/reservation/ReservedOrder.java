package io.oms.inventory.reservation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An order inventory reserves stock for, in the warehouse that feeds its shop. */
@Entity
@Table(name = "reserved_order")
public class ReservedOrder extends PanacheEntityBase {

    public enum Status { OPEN, CANCELLED }

    @Id
    @Column(name = "order_id")
    public String orderId;
    public String channel;
    @Column(name = "shop_id")
    public String shopId;
    /** Null when no warehouse existed: every line is missing. */
    @Column(name = "warehouse_code")
    public String warehouseCode;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "created_at")
    public Instant createdAt;
}
