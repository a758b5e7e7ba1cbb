-- Each audit entry keeps the record as the registry sealed it: the exact value received (metadata,
-- payload and seal) and, for reading and querying, the seal's chain sequence, hash, key id and
-- signature. Entries made before the registry sealed its events have none of these.
alter table audit_entry
  add column chain_sequence bigint,
  add column registry_hash  text,
  add column key_id         text,
  add column signature      text,
  add column sealed_value   text;

create unique index audit_entry_chain_sequence_idx on audit_entry (chain_sequence);
