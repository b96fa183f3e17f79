-- Where a run's next page starts, in the channel's own terms (Etsy: the last change time read and how many receipts
-- of that second were read; Shopify: the page's end cursor). An offset alone shifts when an order read earlier in
-- the run changes and moves to the end, and the order at the page boundary would be skipped until the re-check.
alter table channel_sync_run add column page_after text;
