package io.oms.inventory.item;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;

/** An item: the SKU and what the shops show of it. */
@Entity
@Table(name = "item")
public class Item extends PanacheEntityBase {

    public enum Status { ACTIVE, INACTIVE }

    @Id
    public String sku;
    public String name;
    public String description;
    public BigDecimal price;
    @Column(name = "selling_price")
    public BigDecimal sellingPrice;
    public String currency;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "price_version")
    public long priceVersion;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
