package io.oms.order.store;

import io.oms.events.order.OrderStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "order_status_history")
public class StatusHistoryEntity extends PanacheEntityBase {

    /** From a sequence in blocks of 50 (V4), so that an intake batch's entries are inserted in JDBC batches at commit. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_status_history_id")
    @SequenceGenerator(name = "order_status_history_id", sequenceName = "order_status_history_id_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    public OrderEntity order;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public OrderStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public OrderStatus toStatus;
    public String cause;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "event_id")
    public UUID eventId;
}
