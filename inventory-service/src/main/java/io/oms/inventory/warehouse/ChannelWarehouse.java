package io.oms.inventory.warehouse;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;

/** The warehouse that feeds one shop of one channel. */
@Entity
@Table(name = "channel_warehouse")
public class ChannelWarehouse extends PanacheEntityBase {

    @Embeddable
    public record Key(String channel, @Column(name = "shop_id") String shopId) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "warehouse_code")
    public String warehouseCode;
}
