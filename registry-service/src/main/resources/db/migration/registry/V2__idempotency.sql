-- A request retried with the same Idempotency-Key answers with its first result.
create table idempotent_request (
    idempotency_key  varchar(200) not null,
    principal        varchar(200) not null,
    request_hash     varchar(64)  not null,
    forum_id         varchar(64),
    status_code      integer,
    location         varchar(500),
    etag             varchar(100),
    response_body    text,
    created_at       timestamp with time zone not null,
    primary key (principal, idempotency_key)
);
