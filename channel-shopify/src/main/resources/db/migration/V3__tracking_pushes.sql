-- Tracking pushes queued from ShipmentCreated (in the inbox's transaction) and sent to Shopify afterwards.
create table shopify_tracking_push (
    shipment_id       varchar(128) primary key,
    shop_id           uuid         not null,
    order_id          varchar(128) not null,
    external_order_id varchar(64)  not null,
    carrier           varchar(128),
    tracking_number   varchar(255),
    tracking_url      text,
    lines             text         not null,
    status            varchar(16)  not null,
    attempts          integer      not null default 0,
    last_error        text,
    fulfillment_id    varchar(128),
    next_attempt_at   timestamptz  not null,
    created_at        timestamptz  not null,
    done_at           timestamptz
);
create index shopify_tracking_push_due_idx on shopify_tracking_push (next_attempt_at) where status = 'PENDING';
