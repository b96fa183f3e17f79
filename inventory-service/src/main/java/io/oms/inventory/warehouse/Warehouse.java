package io.oms.inventory.warehouse;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A place that holds stock. One warehouse is primary: it feeds shops that have no mapping. */
@Entity
@Table(name = "warehouse")
public class Warehouse extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Column(name = "is_primary")
    public boolean primaryWarehouse;
    @Column(name = "created_at")
    public Instant createdAt;
}
