package io.oms.inventory.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change of a stock row, with the state after it. */
@Entity
@Table(name = "stock_ledger")
public class LedgerEntry extends PanacheEntityBase {

    public enum Kind { RECEIPT, CORRECTION, COUNT, IMPORT, RESERVATION, RELEASE, SHIPMENT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String sku;
    @Column(name = "warehouse_code")
    public String warehouseCode;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "on_hand_delta")
    public int onHandDelta;
    @Column(name = "reserved_delta")
    public int reservedDelta;
    @Column(name = "on_hand_after")
    public int onHandAfter;
    @Column(name = "reserved_after")
    public int reservedAfter;
    public String reason;
    public String reference;
    @Column(name = "created_at")
    public Instant createdAt;
}
