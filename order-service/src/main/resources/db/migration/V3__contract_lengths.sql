-- Columns as long as the OrderImported contract allows (ids and names up to 255 characters), so that no
-- schema-valid snapshot fails on its length: it would be retried, dead-lettered, and only then be stored as rejected.
-- An order key is {channel}:{shopId}:{externalOrderId}: 32 + 1 + 255 + 1 + 255 characters.
alter table orders
    alter column order_key type varchar(600),
    alter column shop_id type varchar(255),
    alter column external_order_id type varchar(255),
    alter column external_order_number type varchar(255),
    alter column marketplace_status type varchar(255),
    alter column buyer_external_id type varchar(255);

alter table order_line
    alter column external_line_id type varchar(255),
    alter column listing_id type varchar(255),
    alter column sku type varchar(255);

alter table shop_settings
    alter column shop_id type varchar(255);

-- Refused snapshots keep what they carried; the listener cuts what is longer than these (the payload keeps all).
alter table rejected_snapshot
    alter column order_key type varchar(600),
    alter column shop_id type varchar(255),
    alter column external_order_id type varchar(255);
