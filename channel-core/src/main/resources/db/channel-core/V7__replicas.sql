-- Replica heartbeats: each replica upserts its row at every tick, in the lease renewal's transaction. Replicas seen
-- within the lease ttl are live; each holds at most ceil(workable shops / live replicas), so a replica started
-- later gets its share. Rows not seen for 10 ttl are pruned by the ticking replicas.
create table channel_replica (
    owner   varchar(128) primary key,
    seen_at timestamptz  not null
);
