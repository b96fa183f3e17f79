package io.oms.fulfilment.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A carrier a shipment may name, with the template of its tracking page ({trackingNumber} is replaced). */
@Entity
@Table(name = "carrier")
public class Carrier extends PanacheEntityBase {

    public static final String TRACKING_NUMBER = "{trackingNumber}";

    @Id
    public String code;
    public String name;
    @Column(name = "tracking_url_template")
    public String trackingUrlTemplate;
}
