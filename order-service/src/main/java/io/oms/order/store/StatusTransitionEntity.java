package io.oms.order.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A row of the status machine: {@code to} may follow {@code from}. Seeded by Flyway. */
@Entity
@Table(name = "status_transition")
public class StatusTransitionEntity extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "from_status") String fromStatus, @Column(name = "to_status") String toStatus)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public String description;
}
