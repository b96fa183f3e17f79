-- The carrier's service (product) a shipment went with, when the order's shipping method maps to one.
alter table shipment add column service varchar(200);
