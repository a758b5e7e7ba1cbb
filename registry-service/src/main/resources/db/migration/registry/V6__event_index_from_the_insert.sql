-- The event's global index is taken by its insert (one round trip, insert ... returning) instead of a
-- nextval of its own before it: the same sequence, one value per event, so the index has the same
-- gaps as before (only those of transactions that rolled back or are still running).
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
