-- OAuth 2.0 authorization requests in flight (PKCE): the state, and the verifier with the connection request, encrypted.
create table channel_oauth_state (
    state      varchar(64) primary key,
    id         uuid        not null,
    shop_id    uuid references channel_shop (id) on delete cascade,
    sealed     bytea       not null,
    created_at timestamptz not null,
    expires_at timestamptz not null
);
create index channel_oauth_state_expiry_idx on channel_oauth_state (expires_at);
