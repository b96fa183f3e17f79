-- Shopify webhook deliveries, stored raw before the 200 answer and processed after it. The webhook id is the
-- key: a duplicate delivery (same X-Shopify-Webhook-Id) is not stored twice.
create table shopify_webhook_delivery (
    webhook_id   varchar(128) primary key,
    shop_domain  varchar(255) not null,
    topic        varchar(64)  not null,
    order_id     varchar(64),
    customer_id  varchar(64),
    body         text,
    status       varchar(16)  not null,
    attempts     integer      not null default 0,
    last_error   text,
    received_at  timestamptz  not null,
    processed_at timestamptz
);
create index shopify_webhook_pending_idx on shopify_webhook_delivery (shop_domain, received_at) where status = 'PENDING';
create index shopify_webhook_order_idx on shopify_webhook_delivery (shop_domain, order_id);
create index shopify_webhook_customer_idx on shopify_webhook_delivery (shop_domain, customer_id);
create index shopify_webhook_processed_idx on shopify_webhook_delivery (processed_at) where status <> 'PENDING';
