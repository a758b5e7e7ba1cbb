-- The read model's position and version in one row, written in the same transaction as every event
-- remembered in applied_event and by every rebuild. Reading the position costs one row however long
-- the history, and an answer computed at a version stays true until the version moves, so the API
-- may keep it. Every fact table is read by forum through its primary key (forum_id first), and
-- applied_event is read by event_id (its primary key) and ordered by global_position (indexed in V1).
create table read_model_state (
    singleton boolean primary key default true check (singleton),
    position  bigint not null,
    version   bigint not null
);

insert into read_model_state (position, version)
select coalesce(max(global_position), 0), 0 from applied_event;
