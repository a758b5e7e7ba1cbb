-- Issue 15: the meetings recorded for a forum (the current record of each, the ones it corrected in
-- superseded_event_ids) and the ledger's cost rates per year. Each row keeps its event's payload as
-- the contract's JSON, read back by the shared derivation rule.
create table participation (
    forum_id             text    not null,
    participation_id     text    not null,
    year                 int     not null,
    record               text    not null,
    correction           boolean not null,
    event_id             text    not null,
    superseded_event_ids text[]  not null default '{}',
    primary key (forum_id, participation_id)
);

create table cost_rates (
    year                 int     primary key,
    rates                text    not null,
    correction           boolean not null,
    event_id             text    not null,
    superseded_event_ids text[]  not null default '{}'
);
