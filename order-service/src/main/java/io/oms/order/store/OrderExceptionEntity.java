package io.oms.order.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "order_exception")
public class OrderExceptionEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    public OrderEntity order;
    public String code;
    public String message;
    @Column(name = "raised_at")
    public Instant raisedAt;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
