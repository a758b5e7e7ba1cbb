-- Axon's JPA event store, with bytea payloads and a gap-free global index (allocation size 1).
create sequence domain_event_entry_seq start with 1 increment by 1;

create table domain_event_entry (
    global_index          bigint       not null primary key,
    event_identifier      varchar(255) not null unique,
    meta_data             bytea,
    payload               bytea        not null,
    payload_revision      varchar(255),
    payload_type          varchar(255) not null,
    time_stamp            varchar(255) not null,
    aggregate_identifier  varchar(255) not null,
    sequence_number       bigint       not null,
    type                  varchar(255),
    constraint domain_event_entry_aggregate_sequence unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier  varchar(255) not null,
    sequence_number       bigint       not null,
    type                  varchar(255) not null,
    event_identifier      varchar(255) not null unique,
    meta_data             bytea,
    payload               bytea        not null,
    payload_revision      varchar(255),
    payload_type          varchar(255) not null,
    time_stamp            varchar(255) not null,
    primary key (aggregate_identifier, sequence_number, type)
);

create table token_entry (
    processor_name  varchar(255) not null,
    segment         integer      not null,
    owner           varchar(255),
    timestamp       varchar(255) not null,
    token           bytea,
    token_type      varchar(255),
    primary key (processor_name, segment)
);

create table saga_entry (
    saga_id          varchar(255) not null primary key,
    revision         varchar(255),
    saga_type        varchar(255),
    serialized_saga  bytea
);

create sequence association_value_entry_seq start with 1 increment by 50;

create table association_value_entry (
    id                 bigint       not null primary key,
    association_key    varchar(255) not null,
    association_value  varchar(255),
    saga_id            varchar(255) not null,
    saga_type          varchar(255)
);

-- The event store is append-only: history is corrected by new events, never by edits.
create function reject_event_store_change() returns trigger language plpgsql as $$
begin
    raise exception 'the event store is append-only (% on %)', tg_op, tg_table_name;
end;
$$;

create trigger domain_event_entry_append_only
    before update or delete on domain_event_entry
    for each row execute function reject_event_store_change();
