-- The seal of every event the publisher has published, in publication order (the chain), written in
-- the transaction that moves the publisher's token past it. Its last row is the chain's head, which
-- the next batch continues, across retries and restarts; an event published again (a reset token, a
-- retried batch) goes out with the seal it already has, so the chain never forks.
create table publication_seal (
    chain_sequence bigint primary key,
    event_id       varchar(255) not null unique,
    global_index   bigint       not null,
    hash           char(64)     not null,
    previous_hash  char(64)     not null,
    key_id         varchar(100) not null,
    signature      varchar(200) not null,
    sealed_at      timestamp with time zone not null
);
