create table shipment (
    id                   uuid primary key,
    fulfilment_id        uuid         not null references fulfilment_order (id),
    order_id             varchar(100) not null,
    carrier_code         varchar(50)  not null references carrier (code),
    tracking_number      varchar(200) not null,
    tracking_url         varchar(1000),
    delivery_note_number varchar(100) not null unique,
    shipped_at           timestamptz  not null
);
-- GET /api/v1/orders/{orderId}/shipments
create index shipment_order_idx on shipment (order_id, shipped_at);
create index shipment_fulfilment_idx on shipment (fulfilment_id);

create table shipment_line (
    id               uuid primary key,
    shipment_id      uuid         not null references shipment (id),
    fulfilment_line  uuid         not null references fulfilment_line (id),
    external_line_id varchar(200),
    sku              varchar(200),
    quantity         int          not null check (quantity > 0)
);
create index shipment_line_shipment_idx on shipment_line (shipment_id);

-- Gap-free number ranges: the row is locked by the update that takes a number, in the transaction
-- that uses it, so a rollback gives the number back. scope is 'global' or '{channel}:{shopId}'.
create table number_range (
    kind        varchar(50)  not null,
    scope       varchar(250) not null,
    prefix      varchar(50)  not null,
    next_number bigint       not null check (next_number > 0),
    digits      int          not null default 6 check (digits between 1 and 18),
    primary key (kind, scope)
);

insert into number_range (kind, scope, prefix, next_number) values
    ('delivery-note', 'global', 'DN-', 1),
    ('invoice',       'global', 'INV-', 1);

-- One invoice number per order, taken at its first shipment.
create table invoice (
    order_id       varchar(100) primary key,
    invoice_number varchar(100) not null unique,
    issued_at      timestamptz  not null
);
