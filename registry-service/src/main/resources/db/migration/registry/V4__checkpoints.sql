-- Signed checkpoints of the publication chain's head: the statement as signed (canonical JSON), its
-- hash and the registry's signature. Append-only; an auditor keeps any of them to compare later.
create table checkpoint (
    id              bigserial primary key,
    chain_sequence  bigint       not null,
    head_hash       char(64)     not null,
    global_position bigint       not null,
    issued_at       timestamp with time zone not null,
    issued_by       varchar(255) not null,
    statement       text         not null,
    hash            char(64)     not null,
    key_id          varchar(100) not null,
    signature       varchar(200) not null
);
