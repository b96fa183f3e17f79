package io.oms.fulfilment.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A marketplace's shipping method mapped to our carrier and its service. */
@Entity
@Table(name = "shipping_method_mapping")
public class ShippingMethodMapping extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    @Column(name = "carrier_code")
    public String carrierCode;
    public String service;

    @Embeddable
    public record Key(String channel, @Column(name = "shipping_method") String shippingMethod) implements Serializable {
    }
}
