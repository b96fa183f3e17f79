-- Shipments go through channel-core's queue (ShipmentChannel) since the connectors share it.
drop table shopify_tracking_push;
