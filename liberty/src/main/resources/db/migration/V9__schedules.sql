-- When each source is synced on its own. Every server polls this table; a due schedule is claimed
-- with FOR UPDATE SKIP LOCKED and its next fire time written in the same transaction as the run it
-- starts is recorded (sync_run.scheduled_for is unique), so each fire time runs once, on one server.
create table schedule (
    source_id      varchar(64)   primary key,
    kind           varchar(16)   not null,
    expression     varchar(256)  not null,
    zone           varchar(64)   not null,
    enabled        boolean       not null,
    next_fire_at   timestamp with time zone not null,
    last_fired_at  timestamp with time zone,
    last_run_id    bigint,
    updated_by     varchar(256)  not null,
    updated_at     timestamp with time zone not null
);
