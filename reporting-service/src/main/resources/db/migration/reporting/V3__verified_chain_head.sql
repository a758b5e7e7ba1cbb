-- The last link of the registry's chain of sealed events this service has verified and followed,
-- written in the transaction of the events' effect and position (service-kit's JdbcVerifiedChain).
-- No row: nothing followed yet, the next event must be chain sequence 1.
create table verified_chain_head (
    singleton      boolean primary key default true check (singleton),
    chain_sequence bigint not null,
    hash           char(64) not null
);
