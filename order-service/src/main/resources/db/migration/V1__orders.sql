-- Customers: matched by e-mail, else by name and address (match_key).
create table customer (
    id          uuid primary key,
    email       varchar(320),
    name        varchar(400),
    match_key   varchar(1000),
    address     jsonb,
    created_at  timestamptz not null,
    version     bigint not null default 0
);
create unique index customer_email_uk on customer (email) where email is not null;
create unique index customer_match_key_uk on customer (match_key) where email is null;
create index customer_name_idx on customer (lower(name));

-- Orders: one per {channel}:{shopId}:{externalOrderId}, holding the highest revision seen.
create table orders (
    id                    uuid primary key,
    order_key             varchar(400) not null unique,
    channel               varchar(32) not null,
    shop_id               varchar(200) not null,
    external_order_id     varchar(200) not null,
    external_order_number varchar(200),
    marketplace_status    varchar(200),
    channel_status        varchar(32),
    status                varchar(32) not null,
    customer_id           uuid references customer (id),
    buyer_name            varchar(400),
    buyer_email           varchar(320),
    buyer_external_id     varchar(200),
    shipping_address      jsonb,
    billing_address       jsonb,
    billing_from_shipping boolean not null,
    subtotal              numeric,
    shipping_amount       numeric,
    tax                   numeric,
    discount              numeric,
    total                 numeric,
    currency              varchar(3),
    currency_mismatch     boolean not null,
    paid                  boolean not null,
    shipping_method       varchar(400),
    missing_lines         jsonb,
    revision              bigint not null,
    marketplace_created_at timestamptz,
    marketplace_updated_at timestamptz,
    imported_at           timestamptz not null,
    updated_at            timestamptz not null,
    version               bigint not null default 0
);
create index orders_channel_shop_idx on orders (channel, shop_id, imported_at);
create index orders_status_idx on orders (status, imported_at);
create index orders_customer_idx on orders (customer_id, imported_at);
create index orders_imported_at_idx on orders (imported_at);
create index orders_created_at_idx on orders (marketplace_created_at);
create index orders_external_number_idx on orders (lower(external_order_number) varchar_pattern_ops);
create index orders_external_id_idx on orders (lower(external_order_id) varchar_pattern_ops);
create index orders_buyer_name_idx on orders (lower(buyer_name) varchar_pattern_ops);

create table order_line (
    id               uuid primary key,
    order_id         uuid not null references orders (id),
    position         int not null,
    external_line_id varchar(200) not null,
    listing_id       varchar(200),
    sku              varchar(200),
    title            varchar(1000),
    variations       jsonb,
    quantity         int not null,
    unit_price       numeric,
    unique (order_id, external_line_id)
);

-- Every status change of an order: from, to, cause, time and the event that caused it.
create table order_status_history (
    id          bigserial primary key,
    order_id    uuid not null references orders (id),
    from_status varchar(32),
    to_status   varchar(32) not null,
    cause       varchar(400) not null,
    changed_at  timestamptz not null,
    event_id    uuid
);
create index order_status_history_order_idx on order_status_history (order_id, id);

-- Problems an operator resolves (cancel-after-pack, tracking-push-failed).
create table order_exception (
    id          uuid primary key,
    order_id    uuid not null references orders (id),
    code        varchar(100) not null,
    message     varchar(4000),
    raised_at   timestamptz not null,
    event_id    uuid,
    resolved_at timestamptz
);
create index order_exception_order_idx on order_exception (order_id, raised_at);

-- Snapshots that cannot become orders (no lines, negative quantities), kept with the reason.
create table rejected_snapshot (
    id                uuid primary key,
    event_id          uuid unique,
    order_key         varchar(400),
    channel           varchar(32),
    shop_id           varchar(200),
    external_order_id varchar(200),
    revision          bigint,
    reason            varchar(4000) not null,
    payload           text,
    received_at       timestamptz not null
);
create index rejected_snapshot_shop_idx on rejected_snapshot (channel, shop_id, received_at);
create index rejected_snapshot_received_idx on rejected_snapshot (received_at);

-- Per-shop settings of this service: hold new orders for manual release.
create table shop_settings (
    channel          varchar(32) not null,
    shop_id          varchar(200) not null,
    hold_new_orders  boolean not null,
    updated_at       timestamptz not null,
    primary key (channel, shop_id)
);
