-- Listings found in a shop: one row per sellable unit (a listing's product), with its SKU as the marketplace shows it.
create table channel_listing (
    shop_id       uuid         not null references channel_shop (id) on delete cascade,
    unit_id       varchar(160) not null,
    listing_id    varchar(64)  not null,
    sku           varchar(128),
    title         text,
    price         numeric(14, 4),
    currency      varchar(3),
    quantity      integer,
    image_url     text,
    state         varchar(32),
    discovered_at timestamptz  not null,
    primary key (shop_id, unit_id)
);
create index channel_listing_sku_idx on channel_listing (shop_id, sku);
alter table channel_shop add column listings_discovered_at timestamptz;

-- The latest stock and price the OMS published per SKU (versions: an older event changes nothing).
create table channel_sku_state (
    sku           varchar(128) primary key,
    warehouses    jsonb,
    total         integer,
    stock_version bigint,
    price         numeric(14, 4),
    selling_price numeric(14, 4),
    currency      varchar(3),
    price_version bigint
);

-- The coalescing push queue: one row per shop and listing; stock and price hold the latest wanted value per SKU.
create table channel_push_queue (
    shop_id    uuid        not null references channel_shop (id) on delete cascade,
    listing_id varchar(64) not null,
    stock      jsonb       not null default '{}'::jsonb,
    price      jsonb       not null default '{}'::jsonb,
    version    bigint      not null default 1,
    attempts   integer     not null default 0,
    due_at     timestamptz not null,
    last_error text,
    queued_at  timestamptz not null,
    primary key (shop_id, listing_id)
);
create index channel_push_queue_due_idx on channel_push_queue (shop_id, due_at);

-- Shipments to send to the marketplace (ShipmentCreated), one row per OMS shipment.
create table channel_shipment_push (
    shipment_id       varchar(128) primary key,
    shop_id           uuid         not null references channel_shop (id) on delete cascade,
    external_order_id varchar(128) not null,
    payload           jsonb        not null,
    status            varchar(16)  not null,
    attempts          integer      not null default 0,
    due_at            timestamptz  not null,
    message           text,
    created_at        timestamptz  not null,
    done_at           timestamptz
);
create index channel_shipment_push_due_idx on channel_shipment_push (shop_id, due_at) where status = 'PENDING';
