-- New orders of a shop that holds them for manual release: kept here (latest snapshot) until an operator releases them.
create table channel_held_order (
    shop_id           uuid         not null references channel_shop (id) on delete cascade,
    external_order_id varchar(128) not null,
    snapshot          jsonb        not null,
    held_at           timestamptz  not null,
    updated_at        timestamptz  not null,
    primary key (shop_id, external_order_id)
);
create index channel_held_order_shop_idx on channel_held_order (shop_id, held_at);
