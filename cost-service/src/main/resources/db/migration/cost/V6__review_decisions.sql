-- Issue 14: the reviews opened (their title and period, for the savings of each) and the current
-- decision of each review on each unit's participation in a forum (a later decision of the review on
-- the same participation replaces the earlier, kept in superseded_event_ids). The decision keeps its
-- event's payload as the contract's JSON.
create table review (
    review_id            text primary key,
    title                text,
    period_from          int,
    period_to            int,
    decision_reference   text,
    opened_on            date,
    event_id             text not null
);

create table review_decision (
    review_id            text    not null,
    forum_id             text    not null,
    body                 text    not null,
    record               text    not null,
    correction           boolean not null,
    event_id             text    not null,
    superseded_event_ids text[]  not null default '{}',
    primary key (review_id, forum_id, body)
);

create index review_decision_by_forum on review_decision (forum_id);
