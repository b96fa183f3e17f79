package io.oms.order.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Canonical channel status to the OMS status it asks for (null: no move). Seeded by Flyway. */
@Entity
@Table(name = "channel_status_mapping")
public class ChannelStatusMappingEntity extends PanacheEntityBase {

    @Id
    @Column(name = "channel_status")
    public String channelStatus;
    @Column(name = "oms_status")
    public String omsStatus;
    public String description;
}
