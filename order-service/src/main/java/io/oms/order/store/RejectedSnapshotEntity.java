package io.oms.order.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "rejected_snapshot")
public class RejectedSnapshotEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "order_key")
    public String orderKey;
    public String channel;
    @Column(name = "shop_id")
    public String shopId;
    @Column(name = "external_order_id")
    public String externalOrderId;
    public Long revision;
    public String reason;
    public String payload;
    @Column(name = "received_at")
    public Instant receivedAt;
}
