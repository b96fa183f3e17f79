-- The slower re-check of open orders (Etsy reports no cancellations through min_last_modified).
alter table channel_order add column order_created_at timestamptz;
create index channel_order_open_idx on channel_order (shop_id, order_created_at) where channel_status in ('PENDING', 'PAID');
alter table channel_shop add column last_recheck_at timestamptz;
