-- An order inventory reserves for (from OrderStatusChanged), and its lines.
create table reserved_order (
    order_id       varchar(255) primary key,
    channel        varchar(32),
    shop_id        varchar(255),
    warehouse_code varchar(64),
    status         varchar(16)  not null,   -- OPEN, CANCELLED
    created_at     timestamptz  not null
);

create table reservation_line (
    id             bigserial    primary key,
    order_id       varchar(255) not null references reserved_order (order_id),
    line_id        varchar(255),
    sku            varchar(255) not null,
    quantity       integer      not null check (quantity > 0),
    reserved       integer      not null check (reserved >= 0),
    shipped        integer      not null check (shipped >= 0),
    waiting        boolean      not null,   -- reserved + shipped < quantity and the order is open
    created_at     timestamptz  not null
);
create index reservation_line_order on reservation_line (order_id);
-- waiting lines of a SKU, oldest first
create index reservation_line_waiting on reservation_line (sku, created_at, id) where waiting;
