-- The marketplace location that receives the stock of the shop's OMS warehouse (Shopify: a Location id);
-- null: the channel's default (Shopify: the shop's primary location).
alter table channel_shop add column location varchar(255);
