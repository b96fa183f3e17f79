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

/** How much of one fulfilment line a shipment holds. */
@Entity
@Table(name = "shipment_line")
public class ShipmentLine extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "shipment_id")
    public Shipment shipment;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "fulfilment_line")
    public FulfilmentLine fulfilmentLine;
    @Column(name = "external_line_id")
    public String externalLineId;
    public String sku;
    public int quantity;
}
