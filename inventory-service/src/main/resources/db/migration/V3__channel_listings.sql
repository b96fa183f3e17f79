-- Listings the channels reported (ListingDiscovered) and the item each maps to.
create table channel_listing (
    id            bigserial     primary key,
    channel       varchar(32)   not null,
    shop_id       varchar(255)  not null,
    listing_id    varchar(255)  not null,
    reported_sku  varchar(255),
    title         varchar(1000),
    price         numeric(19,6),
    currency      varchar(3),
    quantity      integer       not null,
    image_url     varchar(2000),
    mapped_sku    varchar(255),
    match_kind    varchar(16)   not null,   -- SKU, NAME, MANUAL, UNCONFIRMED
    duplicate_sku boolean       not null,   -- another listing of the shop reports the same SKU
    updated_at    timestamptz   not null,
    unique (channel, shop_id, listing_id)
);
create index channel_listing_open on channel_listing (id) where match_kind = 'UNCONFIRMED' or duplicate_sku;
create index channel_listing_reported_sku on channel_listing (channel, shop_id, reported_sku);
create index item_exact_name on item (name);
