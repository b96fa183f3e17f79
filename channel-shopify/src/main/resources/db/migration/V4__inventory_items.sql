-- SKU to Shopify inventory item (and variant) per shop: resolved once, then read from here. The variant id finds
-- the item again when the SKU was changed in Shopify.
create table shopify_inventory_item (
    shop_id           uuid         not null,
    sku               varchar(255) not null,
    inventory_item_id varchar(128) not null,
    variant_id        varchar(128),
    resolved_at       timestamptz  not null,
    primary key (shop_id, sku)
);
