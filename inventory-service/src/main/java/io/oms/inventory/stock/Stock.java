package io.oms.inventory.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Stock of one SKU in one warehouse. Every writer holds the row lock ({@link StockLedger#lock}) while it
 * changes it, so two reservations (or a reservation and an adjustment) never both take the last unit;
 * the version is a second guard.
 */
@Entity
@Table(name = "stock")
public class Stock extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String sku;
    @Column(name = "warehouse_code")
    public String warehouseCode;
    @Column(name = "on_hand")
    public int onHand;
    public int reserved;
    @Version
    public long version;

    /** On hand minus reserved, never below zero. */
    public int available() {
        return Math.max(0, onHand - reserved);
    }
}
