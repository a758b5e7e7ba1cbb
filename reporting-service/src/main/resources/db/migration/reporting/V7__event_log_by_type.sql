-- The reports on units, goals, reviews and who takes part read a few kinds of fact from the log
-- (EventLog.forEachOfTypes), not the whole of it.
create index event_log_type_idx on event_log (event_type, global_position);
