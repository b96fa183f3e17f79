package io.oms.fulfilment.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How a channel takes shipments: a row per channel, so a new marketplace is data, not code. */
@Entity
@Table(name = "channel_shipment_rule")
public class ChannelShipmentRule extends PanacheEntityBase {

    @Id
    public String channel;
    /** A shipment must hold every line, in full. */
    @Column(name = "whole_order_only")
    public boolean wholeOrderOnly;
    /** At most this many shipments per order; null for no limit. */
    @Column(name = "max_shipments_per_order")
    public Integer maxShipmentsPerOrder;
    /** Said to the operator when a shipment breaks the rule. */
    public String reason;
}
