-- A revision of the read model, taken under the audit chain's lock by every transaction that
-- changes it. Such transactions commit one after another, so revisions are in commit order: a
-- reader that has seen revision R has seen everything written at or below R, and can refresh a
-- cache by reading only what was written above it.
create sequence read_model_revision;

alter table applied_position add column revision bigint not null default 0;

alter table forum_view add column revision bigint not null default 0;
create index forum_view_revision_idx on forum_view (revision);

-- The date from which an event's fact is valid (TimeSlice.validFrom), so that a slice of time
-- can be filtered in SQL; null when the fact names no valid time and is always valid.
alter table event_log add column valid_from date;
alter table event_log add column revision bigint not null default 0;
create index event_log_revision_idx on event_log (revision);
create index event_log_slice_idx on event_log (recorded_at, valid_from);

-- Derived columns for the rows logged before them, by the same rule as TimeSlice.validFrom. The
-- log is append-only; only this migration may fill in what it adds.
alter table event_log disable trigger event_log_append_only;
update event_log set valid_from = case event_type
    when 'forum.AnnualFeeSet' then make_date((payload ->> 'fromYear')::int, 1, 1)
    when 'forum.AnnualFeeWithdrawn' then make_date((payload ->> 'fromYear')::int, 1, 1)
    when 'forum.OtherCostRecorded' then make_date((payload ->> 'year')::int, 1, 1)
    when 'forum.OtherCostWithdrawn' then make_date((payload ->> 'year')::int, 1, 1)
    when 'forum.HeadcountRecorded' then make_date((payload ->> 'year')::int, 1, 1)
    when 'forum.ForumStatusChanged' then coalesce((payload ->> 'effectiveFrom')::date, effective_date)
    when 'forum.RepresentativeAppointed' then coalesce((payload ->> 'validFrom')::date, effective_date)
    when 'forum.AppointmentEnded' then (payload ->> 'endedOn')::date
    else effective_date
  end;
alter table event_log enable trigger event_log_append_only;
