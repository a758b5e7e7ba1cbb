-- Issue 14: the facts that say which units take part in a forum (appointments and their ends,
-- headcounts, goal links; meetings are in participation) and the units registered, so that a cost
-- can be given per unit. One row per fact the rule TakingPart reads, the latest event per key
-- (an appointment, its end, a unit-year's headcount, a unit's goal link of a forum, a unit's
-- registration and its latest revision), the event's payload kept as the contract's JSON.
create table unit_fact (
    fact_key             text primary key,
    forum_id             text,
    event_type           text not null,
    record               text not null,
    event_id             text not null
);

create index unit_fact_by_forum on unit_fact (forum_id);
