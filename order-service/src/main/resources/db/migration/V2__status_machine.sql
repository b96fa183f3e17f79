-- The OMS status machine as data: which status may follow which (DESIGN section 7).
-- A cancellation is a move to CANCELLED; where no such row exists (PACKED and later) it
-- raises the exception cancel-after-pack instead.
create table status_transition (
    from_status varchar(32) not null,
    to_status   varchar(32) not null,
    description varchar(400) not null,
    primary key (from_status, to_status)
);

insert into status_transition (from_status, to_status, description) values
    ('ON_HOLD', 'NEW', 'released by an operator'),
    ('ON_HOLD', 'CANCELLED', 'cancelled while held'),
    ('NEW', 'PARTIAL', 'reservation misses stock'),
    ('NEW', 'ON_HOLD', 'held by an operator'),
    ('NEW', 'READY_FOR_PICKING', 'fulfilment starts picking'),
    ('NEW', 'READY_TO_SHIP', 'shipment created'),
    ('NEW', 'IN_TRANSIT', 'shipped without tracking'),
    ('NEW', 'CANCEL_IN_PROCESS', 'cancellation requested'),
    ('NEW', 'CANCELLED', 'cancelled before packing'),
    ('PARTIAL', 'NEW', 'missing stock reserved'),
    ('PARTIAL', 'ON_HOLD', 'held by an operator'),
    ('PARTIAL', 'READY_TO_SHIP', 'shipment created'),
    ('PARTIAL', 'IN_TRANSIT', 'shipped without tracking'),
    ('PARTIAL', 'CANCEL_IN_PROCESS', 'cancellation requested'),
    ('PARTIAL', 'CANCELLED', 'cancelled before packing'),
    ('READY_FOR_PICKING', 'PACKED', 'packed'),
    ('READY_FOR_PICKING', 'READY_TO_SHIP', 'shipment created'),
    ('READY_FOR_PICKING', 'IN_TRANSIT', 'shipped without tracking'),
    ('READY_FOR_PICKING', 'CANCEL_IN_PROCESS', 'cancellation requested'),
    ('READY_FOR_PICKING', 'CANCELLED', 'cancelled before packing'),
    ('PACKED', 'READY_TO_SHIP', 'shipment created'),
    ('PACKED', 'IN_TRANSIT', 'shipped without tracking'),
    ('READY_TO_SHIP', 'IN_TRANSIT', 'tracking confirmed by the marketplace'),
    ('READY_TO_SHIP', 'COMPLETED', 'delivered'),
    ('IN_TRANSIT', 'COMPLETED', 'delivered'),
    ('CANCEL_IN_PROCESS', 'CANCELLED', 'cancellation confirmed');

-- Canonical channel status (from OrderImported) to the OMS status it asks for.
-- An order moves there only when the transition table allows it (CANCELLED follows the cancellation rule).
create table channel_status_mapping (
    channel_status varchar(32) primary key,
    oms_status     varchar(32),
    description    varchar(400) not null
);

insert into channel_status_mapping (channel_status, oms_status, description) values
    ('PENDING', null, 'not paid yet: imported as NEW or ON_HOLD by shop setting, no move'),
    ('PAID', null, 'paid, nothing shipped: NEW or PARTIAL as the reservation decides'),
    ('PARTIALLY_SHIPPED', 'IN_TRANSIT', 'some lines shipped on the marketplace'),
    ('SHIPPED', 'IN_TRANSIT', 'shipped, tracking sent'),
    ('DELIVERED', 'COMPLETED', 'delivered to the buyer'),
    ('CANCELLED', 'CANCELLED', 'cancelled on the marketplace'),
    ('REFUNDED', 'CANCELLED', 'fully refunded');
