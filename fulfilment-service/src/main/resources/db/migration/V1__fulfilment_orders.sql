-- Fulfilment orders: one per OMS order released for picking, with the order's lines.
create table fulfilment_order (
    id                uuid primary key,
    order_id          varchar(100) not null unique,
    channel           varchar(32)  not null,
    shop_id           varchar(200) not null,
    external_order_id varchar(200),
    state             varchar(32)  not null,
    needs_attention   boolean      not null default false,
    attention_reason  varchar(500),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           bigint       not null default 0
);
-- GET /api/v1/fulfilments filters: state, channel + shop, attention; newest first
create index fulfilment_order_state_idx on fulfilment_order (state, created_at desc);
create index fulfilment_order_channel_shop_idx on fulfilment_order (channel, shop_id, created_at desc);
create index fulfilment_order_attention_idx on fulfilment_order (created_at desc) where needs_attention;
create index fulfilment_order_created_idx on fulfilment_order (created_at desc);

create table fulfilment_line (
    id               uuid primary key,
    fulfilment_id    uuid         not null references fulfilment_order (id),
    position         int          not null,
    line_id          varchar(100),
    external_line_id varchar(200),
    sku              varchar(200),
    quantity         int          not null check (quantity > 0),
    shipped_quantity int          not null default 0 check (shipped_quantity >= 0),
    unique (fulfilment_id, position)
);
