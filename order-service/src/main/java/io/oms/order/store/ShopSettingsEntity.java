package io.oms.order.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

@Entity
@Table(name = "shop_settings")
public class ShopSettingsEntity extends PanacheEntityBase {

    @Embeddable
    public record Key(String channel, @Column(name = "shop_id") String shopId) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "hold_new_orders")
    public boolean holdNewOrders;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
