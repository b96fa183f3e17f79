package io.oms.inventory.listing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** A listing a channel reported, and the item it maps to (none while unconfirmed). */
@Entity
@Table(name = "channel_listing")
public class ChannelListing extends PanacheEntityBase {

    /** How the listing was mapped: by SKU, by exact name, by an operator, or not yet. */
    public enum Match { SKU, NAME, MANUAL, UNCONFIRMED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String channel;
    @Column(name = "shop_id")
    public String shopId;
    @Column(name = "listing_id")
    public String listingId;
    @Column(name = "reported_sku")
    public String reportedSku;
    public String title;
    public BigDecimal price;
    public String currency;
    public int quantity;
    @Column(name = "image_url")
    public String imageUrl;
    @Column(name = "mapped_sku")
    public String mappedSku;
    @Enumerated(EnumType.STRING)
    @Column(name = "match_kind")
    public Match matchKind;
    @Column(name = "duplicate_sku")
    public boolean duplicateSku;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
