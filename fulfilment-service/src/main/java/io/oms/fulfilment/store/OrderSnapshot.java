package io.oms.fulfilment.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The latest OrderImported payload of a marketplace order, as JSON. */
@Entity
@Table(name = "order_snapshot")
public class OrderSnapshot extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public long revision;
    @JdbcTypeCode(SqlTypes.JSON)
    public String snapshot;
    @Column(name = "received_at")
    public Instant receivedAt;

    @Embeddable
    public record Key(String channel, @Column(name = "shop_id") String shopId,
            @Column(name = "external_order_id") String externalOrderId) implements Serializable {
    }
}
