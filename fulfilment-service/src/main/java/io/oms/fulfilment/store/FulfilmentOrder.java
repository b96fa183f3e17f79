package io.oms.fulfilment.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One OMS order released to the warehouse: its lines and how far picking, packing and shipping went. */
@Entity
@Table(name = "fulfilment_order")
public class FulfilmentOrder extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "order_id")
    public String orderId;
    public String channel;
    @Column(name = "shop_id")
    public String shopId;
    @Column(name = "external_order_id")
    public String externalOrderId;
    @Enumerated(EnumType.STRING)
    public FulfilmentState state;
    @Column(name = "needs_attention")
    public boolean needsAttention;
    @Column(name = "attention_reason")
    public String attentionReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    @OneToMany(mappedBy = "fulfilment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<FulfilmentLine> lines = new ArrayList<>();

    public boolean fullyShipped() {
        return lines.stream().allMatch(line -> line.remaining() == 0);
    }

    public boolean nothingShipped() {
        return lines.stream().allMatch(line -> line.shippedQuantity == 0);
    }
}
