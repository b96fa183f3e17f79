package io.oms.order.store;

import io.oms.events.order.ChannelStatus;
import io.oms.events.order.OrderStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An OMS order: the newest snapshot of one marketplace order plus its OMS status. */
@Entity
@Table(name = "orders")
public class OrderEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "order_key")
    public String orderKey;
    public String channel;
    @Column(name = "shop_id")
    public String shopId;
    @Column(name = "external_order_id")
    public String externalOrderId;
    @Column(name = "external_order_number")
    public String externalOrderNumber;
    @Column(name = "marketplace_status")
    public String marketplaceStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "channel_status")
    public ChannelStatus channelStatus;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    public CustomerEntity customer;
    @Column(name = "buyer_name")
    public String buyerName;
    @Column(name = "buyer_email")
    public String buyerEmail;
    @Column(name = "buyer_external_id")
    public String buyerExternalId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "shipping_address")
    public Address shippingAddress;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "billing_address")
    public Address billingAddress;
    @Column(name = "billing_from_shipping")
    public boolean billingFromShipping;
    public BigDecimal subtotal;
    @Column(name = "shipping_amount")
    public BigDecimal shippingAmount;
    public BigDecimal tax;
    public BigDecimal discount;
    public BigDecimal total;
    public String currency;
    @Column(name = "currency_mismatch")
    public boolean currencyMismatch;
    public boolean paid;
    @Column(name = "shipping_method")
    public String shippingMethod;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "missing_lines")
    public List<MissingLine> missingLines;
    public long revision;
    @Column(name = "marketplace_created_at")
    public Instant marketplaceCreatedAt;
    @Column(name = "marketplace_updated_at")
    public Instant marketplaceUpdatedAt;
    @Column(name = "imported_at")
    public Instant importedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<OrderLineEntity> lines = new ArrayList<>();

    /** In time order; ids (blocks of 50 per process) break ties between entries of one transaction. */
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("changedAt, id")
    public List<StatusHistoryEntity> history = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("raisedAt")
    public List<OrderExceptionEntity> exceptions = new ArrayList<>();
}
