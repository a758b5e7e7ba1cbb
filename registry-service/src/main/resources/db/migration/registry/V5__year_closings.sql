-- A closed year (bokslut): the auditor's statement of the year's totals at a link of the publication
-- chain, signed by the registry. One per year, never changed: a later fact about the year is a
-- change after closing, not a new closing.
create table year_closing (
    year            int primary key,
    chain_sequence  bigint       not null,
    head_hash       char(64)     not null,
    global_position bigint       not null,
    closed_at       timestamp with time zone not null,
    closed_by       varchar(255) not null,
    statement       text         not null,
    hash            char(64)     not null,
    key_id          varchar(100) not null,
    signature       varchar(200) not null
);
