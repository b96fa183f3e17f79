package io.oms.fulfilment.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A line of a fulfilment order, as the order had it when released, and how much of it left. */
@Entity
@Table(name = "fulfilment_line")
public class FulfilmentLine extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "fulfilment_id")
    public FulfilmentOrder fulfilment;
    public int position;
    @Column(name = "line_id")
    public String lineId;
    @Column(name = "external_line_id")
    public String externalLineId;
    public String sku;
    public int quantity;
    @Column(name = "shipped_quantity")
    public int shippedQuantity;

    public int remaining() {
        return quantity - shippedQuantity;
    }
}
