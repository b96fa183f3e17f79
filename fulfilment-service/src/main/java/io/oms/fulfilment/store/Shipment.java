package io.oms.fulfilment.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A parcel that left the warehouse: carrier, tracking, the lines in it and its delivery-note number. */
@Entity
@Table(name = "shipment")
public class Shipment extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "fulfilment_id")
    public FulfilmentOrder fulfilment;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "carrier_code")
    public String carrierCode;
    /** The carrier's service from the shipping-method mapping, or null. */
    public String service;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "tracking_url")
    public String trackingUrl;
    @Column(name = "delivery_note_number")
    public String deliveryNoteNumber;
    @Column(name = "shipped_at")
    public Instant shippedAt;

    @OneToMany(mappedBy = "shipment", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<ShipmentLine> lines = new ArrayList<>();
}
