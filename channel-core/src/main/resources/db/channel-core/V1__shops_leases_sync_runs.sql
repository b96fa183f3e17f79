-- Shop connections: settings as columns, credentials as one AES-GCM blob (never readable without the key).
create table channel_shop (
    id                    uuid primary key,
    channel               varchar(32)  not null,
    external_shop_id      varchar(128) not null,
    name                  varchar(200) not null,
    status                varchar(32)  not null,
    status_message        text,
    active                boolean      not null,
    sync_interval_seconds integer      not null,
    import_mode           varchar(32)  not null,
    hold_new_orders       boolean      not null,
    max_orders_per_run    integer      not null,
    skip_order_ids        text[]       not null,
    stock_sync            boolean      not null,
    warehouse             varchar(64),
    credentials           bytea        not null,
    order_cursor          timestamptz,
    last_order_sync_at    timestamptz,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    constraint channel_shop_external_unique unique (channel, external_shop_id)
);
create index channel_shop_created_idx on channel_shop (created_at, id);

-- One row per shop: which replica works it, until when (renewed by heartbeats).
create table channel_shop_lease (
    shop_id    uuid primary key references channel_shop (id) on delete cascade,
    owner      varchar(128),
    expires_at timestamptz not null
);
create index channel_shop_lease_expiry_idx on channel_shop_lease (expires_at);

-- Sync runs: a run is resumable (page_offset, high_water) so a stopped replica's successor continues it.
create table channel_sync_run (
    id          uuid primary key,
    shop_id     uuid         not null references channel_shop (id) on delete cascade,
    what        varchar(16)  not null,
    trigger     varchar(16)  not null,
    status      varchar(16)  not null,
    from_time   timestamptz,
    to_time     timestamptz,
    page_offset integer      not null default 0,
    high_water  timestamptz,
    imported    integer      not null default 0,
    skipped     integer      not null default 0,
    failed      integer      not null default 0,
    message     text,
    created_at  timestamptz  not null,
    started_at  timestamptz,
    finished_at timestamptz
);
create index channel_sync_run_shop_idx on channel_sync_run (shop_id, created_at desc);
create index channel_sync_run_open_idx on channel_sync_run (shop_id, status) where status in ('PENDING', 'RUNNING');

create table channel_sync_failure (
    id          bigserial primary key,
    run_id      uuid         not null references channel_sync_run (id) on delete cascade,
    external_id varchar(128),
    message     text         not null,
    at          timestamptz  not null
);
create index channel_sync_failure_run_idx on channel_sync_failure (run_id, id);

-- What was last published per marketplace order: replays publish nothing, changes get a higher revision.
create table channel_order (
    shop_id           uuid         not null references channel_shop (id) on delete cascade,
    external_order_id varchar(128) not null,
    revision          bigint       not null,
    content_hash      varchar(64)  not null,
    channel_status    varchar(32)  not null,
    updated_at        timestamptz  not null,
    primary key (shop_id, external_order_id)
);
