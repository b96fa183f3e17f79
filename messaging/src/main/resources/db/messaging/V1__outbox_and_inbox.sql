-- Transactional outbox. Columns follow Debezium's outbox event router (id, aggregatetype,
-- aggregateid, type, payload), so Debezium can replace the built-in relay without service changes:
-- aggregatetype is the Kafka topic, aggregateid the record key, type the CloudEvents type.
create table outbox (
    seq           bigserial    primary key,          -- insertion order: the relay publishes in this order
    id            uuid         not null unique,      -- the event id (ce_id)
    aggregatetype varchar(255) not null,
    aggregateid   varchar(512) not null,
    type          varchar(255) not null,
    payload       jsonb        not null,
    headers       jsonb        not null,             -- the CloudEvents headers, name -> value
    created_at    timestamptz  not null default now(),
    sent_at       timestamptz
);
create index outbox_unsent on outbox (seq) where sent_at is null;
create index outbox_sent on outbox (sent_at) where sent_at is not null;

-- Idempotent consumer: one row per (consumer, event) applied, written in the handler's transaction.
create table inbox (
    consumer    varchar(255) not null,
    event_id    uuid         not null,
    received_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
create index inbox_received on inbox (received_at);
