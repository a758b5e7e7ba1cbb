-- Every event this service has taken in, once: the dedupe key of the exactly-once effect and the
-- provenance (effective date, decision reference) that explain answers cite.
create table applied_event (
    event_id           text primary key,
    global_position    bigint      not null,
    forum_id           text,
    applied_at         timestamptz not null,
    event_type         text,
    event_version      int,
    recorded_at        timestamptz,
    effective_date     date,
    decision_reference text,
    actor              text,
    reason             text,
    skipped            boolean     not null default false
);
create index applied_event_position on applied_event (global_position);

create table forum (
    forum_id              text primary key,
    inventory_reference   text,
    name                  text,
    area                  text,
    subarea               text,
    kind                  text,
    collaboration_type    text,
    convener              text,
    registered_on         date,
    registered_event_id   text not null,
    details_event_id      text,
    classified_event_id   text,
    status                text,
    status_effective_from date,
    status_event_id       text
);

create table forum_status_change (
    forum_id       text not null,
    effective_from date not null,
    status         text not null,
    event_id       text not null,
    primary key (forum_id, effective_from)
);

create table annual_fee (
    forum_id                text    not null,
    from_year               int     not null,
    to_year                 int,
    status                  text    not null,
    amount_sek              numeric,
    currency                text,
    original_amount         numeric,
    exchange_rate           numeric,
    basis                   text,
    per_inhabitant_rate_sek numeric,
    population              bigint,
    project_total_sek       numeric,
    reported_under          text,
    correction              boolean not null,
    event_id                text    not null,
    superseded_event_ids    text[]  not null default '{}',
    primary key (forum_id, from_year)
);

create table other_cost (
    forum_id             text    not null,
    year                 int     not null,
    status               text    not null,
    total_sek            numeric,
    reported_under       text,
    correction           boolean not null,
    event_id             text    not null,
    superseded_event_ids text[]  not null default '{}',
    primary key (forum_id, year)
);

create table other_cost_line (
    forum_id        text    not null,
    year            int     not null,
    line_no         int     not null,
    category        text    not null,
    amount_sek      numeric,
    hours           numeric,
    hourly_cost_sek numeric,
    primary key (forum_id, year, line_no),
    foreign key (forum_id, year) references other_cost (forum_id, year) on delete cascade
);
