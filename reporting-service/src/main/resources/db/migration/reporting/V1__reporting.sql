-- Every event id this consumer has handled (applied or skipped as unknown): the dedupe key.
create table applied_event (
  event_id        text primary key,
  global_position bigint,
  forum_id        text,
  applied_at      timestamptz not null
);

-- The highest global position applied, for checksums "at a position".
create table applied_position (
  id              int primary key check (id = 1),
  global_position bigint not null
);
insert into applied_position (id, global_position) values (1, -1);

-- Every applied event, append-only: the bitemporal source of time travel.
create table event_log (
  event_id           text primary key,
  forum_id           text not null,
  sequence_number    bigint not null,
  global_position    bigint not null,
  event_type         text not null,
  event_version      int not null,
  payload            jsonb not null,
  recorded_at        timestamptz not null,
  effective_date     date,
  actor              text,
  reason             text,
  decision_reference text,
  correlation_id     text
);
create index event_log_forum_idx on event_log (forum_id, global_position);
create index event_log_position_idx on event_log (global_position);
create index event_log_recorded_idx on event_log (recorded_at);

-- The current view: each forum's folded state, updated in the consumer's transaction.
create table forum_view (
  forum_id      text primary key,
  state         jsonb not null,
  last_position bigint not null
);

-- The audit chain: each entry's hash covers its canonical content and its predecessor's hash.
create table audit_entry (
  seq                bigserial primary key,
  event_id           text not null unique,
  forum_id           text not null,
  event_type         text not null,
  event_version      int not null,
  global_position    bigint not null,
  recorded_at        timestamptz not null,
  effective_date     date,
  actor              text,
  reason             text,
  decision_reference text,
  correlation_id     text,
  payload            text not null,
  prev_hash          text not null,
  hash               text not null
);
create index audit_entry_forum_idx on audit_entry (forum_id);
create index audit_entry_recorded_idx on audit_entry (recorded_at);

create function reject_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % rejected', tg_table_name, tg_op;
end;
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
  for each row execute function reject_change();
create trigger event_log_append_only before update or delete on event_log
  for each row execute function reject_change();
