-- Shopify's mandatory privacy requests (customers/data_request, customers/redact, shop/redact) and what was done.
create table shopify_privacy_request (
    id          uuid primary key,
    webhook_id  varchar(128) not null unique,
    shop_domain varchar(255) not null,
    topic       varchar(64)  not null,
    customer_id varchar(64),
    order_ids   text[]       not null,
    outcome     text         not null,
    received_at timestamptz  not null,
    done_at     timestamptz  not null
);
create index shopify_privacy_shop_idx on shopify_privacy_request (shop_domain, received_at desc);
