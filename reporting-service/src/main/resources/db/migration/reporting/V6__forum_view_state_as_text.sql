-- A forum's folded state is written whole after every batch that touches the forum and read whole;
-- no query looks inside it. As jsonb, PostgreSQL parsed and re-encoded the whole document on every
-- write, which grows with the forum's history: the live consumer spent its time there. As text it
-- is stored as written (and read back byte for byte).
alter table forum_view alter column state type text using state::text;
