-- The latest OrderImported snapshot per marketplace order: addresses, titles, prices and the shipping
-- method for documents and for choosing a carrier. Only the highest revision is kept.
create table order_snapshot (
    channel           varchar(32)  not null,
    shop_id           varchar(200) not null,
    external_order_id varchar(200) not null,
    revision          bigint       not null,
    snapshot          jsonb        not null,
    received_at       timestamptz  not null,
    primary key (channel, shop_id, external_order_id)
);
