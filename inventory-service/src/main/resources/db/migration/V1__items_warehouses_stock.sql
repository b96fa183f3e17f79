-- Items: the SKU is the identity, exactly as given (case-sensitive, trimmed before it gets here).
create table item (
    sku           varchar(255)  primary key,
    name          varchar(500)  not null,
    description   varchar(4000),
    price         numeric(19,6) not null check (price >= 0),
    selling_price numeric(19,6) check (selling_price >= 0),
    currency      varchar(3)    not null,
    status        varchar(16)   not null,
    price_version bigint        not null default 0,   -- PriceChanged version
    version       bigint        not null default 0,   -- optimistic lock
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null
);
create index item_status on item (status, sku);
create index item_name on item (lower(name) varchar_pattern_ops);

create table warehouse (
    code       varchar(64)  primary key,
    name       varchar(255) not null,
    is_primary boolean      not null default false,
    created_at timestamptz  not null
);
create unique index warehouse_one_primary on warehouse (is_primary) where is_primary;

-- Stock of one SKU in one warehouse. Writers lock the row (select ... for update).
create table stock (
    id             bigserial    primary key,
    sku            varchar(255) not null references item (sku),
    warehouse_code varchar(64)  not null references warehouse (code),
    on_hand        integer      not null check (on_hand >= 0),
    reserved       integer      not null check (reserved >= 0),
    version        bigint       not null default 0,
    unique (sku, warehouse_code)
);
create index stock_warehouse on stock (warehouse_code);

-- Every change of on hand or reserved, with the state after it: the sums of the deltas are the stock.
create table stock_ledger (
    id              bigserial    primary key,
    sku             varchar(255) not null,
    warehouse_code  varchar(64)  not null,
    kind            varchar(32)  not null,
    on_hand_delta   integer      not null,
    reserved_delta  integer      not null,
    on_hand_after   integer      not null,
    reserved_after  integer      not null,
    reason          varchar(500),
    reference       varchar(255),
    created_at      timestamptz  not null
);
create index stock_ledger_sku on stock_ledger (sku, id);

-- StockChanged coalescing: a change marks the SKU dirty in its transaction; the publisher
-- turns dirty SKUs into one StockChanged each per window, with the version that only grows.
create table stock_publication (
    sku        varchar(255) primary key,
    version    bigint       not null default 0,
    dirty      boolean      not null,
    changed_at timestamptz  not null
);
create index stock_publication_dirty on stock_publication (changed_at) where dirty;

-- Which warehouse feeds which shop; shops without a row use the primary warehouse.
create table channel_warehouse (
    channel        varchar(32)  not null,
    shop_id        varchar(255) not null,
    warehouse_code varchar(64)  not null references warehouse (code),
    primary key (channel, shop_id)
);
