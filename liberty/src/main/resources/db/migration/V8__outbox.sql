-- The durable outbox between planning and delivery: every planned change is written here once,
-- then delivered in batches taken with FOR UPDATE SKIP LOCKED. A change's idempotency key is
-- derived from its id, so a batch delivered again after a crash is applied once.
create sequence outbox_seq start with 50 increment by 50;

create table outbox (
    id            bigint primary key,
    run_id        bigint        not null references sync_run (id),
    viewer_id     varchar(256)  not null,
    contact_id    varchar(256)  not null,
    action        varchar(8)    not null,
    fields        varchar(4000),
    rule_id       varchar(128),
    state         varchar(16)   not null,
    attempts      integer       not null default 0,
    last_error    varchar(1000),
    created_at    timestamp with time zone not null,
    delivered_at  timestamp with time zone,
    -- a run plans each viewer's change about each colleague once
    unique (run_id, viewer_id, contact_id)
);
create index outbox_pending on outbox (run_id, state, viewer_id, id);

-- Which server carries a run, and when it last reported progress: a server that restarts resumes
-- its own interrupted runs, and takes over another server's only when that one has gone quiet.
alter table sync_run add column owner varchar(256);
alter table sync_run add column heartbeat_at timestamp with time zone;

-- One run at a time across every server on this database: a second run that is queued or running
-- can't be inserted.
create unique index sync_run_one_active on sync_run ((true)) where status in ('QUEUED', 'RUNNING');

-- The time a schedule fired a run for: each fire time starts at most one run, whichever server
-- claimed it.
alter table sync_run add column scheduled_for timestamp with time zone;
create unique index sync_run_scheduled_for on sync_run (scheduled_for);
