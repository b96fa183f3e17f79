-- The "aggregate" the writers change: one version counter per SKU, row-locked by each write.
create table stock_versions (
    sku     varchar(255) primary key,
    version bigint not null
);

-- What the test handler applied: one row per application, so a double application shows as two rows.
create table applied_events (
    event_id uuid         not null,
    sku      varchar(255) not null,
    version  bigint       not null
);
create index applied_events_sku on applied_events (sku);
