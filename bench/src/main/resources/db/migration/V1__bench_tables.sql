-- What the bench consumer applied, with the time from outbox insert to its own commit.
create table bench_applied (
    event_id   uuid   not null,
    latency_us bigint not null
);
