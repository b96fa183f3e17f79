package io.oms.fulfilment.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A document number range: global, or a shop's own ({@code channel:shopId}). Numbers are taken by NumberRanges. */
@Entity
@Table(name = "number_range")
public class NumberRange extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public String prefix;
    @Column(name = "next_number")
    public long nextNumber;
    public int digits;

    @Embeddable
    public record Key(String kind, String scope) implements Serializable {
    }
}
