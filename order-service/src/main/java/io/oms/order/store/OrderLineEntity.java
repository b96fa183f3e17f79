package io.oms.order.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "order_line")
public class OrderLineEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    public OrderEntity order;
    public int position;
    @Column(name = "external_line_id")
    public String externalLineId;
    @Column(name = "listing_id")
    public String listingId;
    public String sku;
    public String title;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Variation> variations;
    public int quantity;
    @Column(name = "unit_price")
    public BigDecimal unitPrice;
}
