-- Roster's schema. Written in the SQL that PostgreSQL and H2 (in PostgreSQL mode) share.
-- (db/migration/flyway.location is an empty marker Flyway needs to find this folder on Open Liberty.)

-- ids come from sequences, which both databases share; the step matches the entities' allocation
-- size, and the provider reads each value as the last id of a block of 50, so they start at 50
create sequence sync_run_seq start with 50 increment by 50;
create sequence run_rejection_seq start with 50 increment by 50;
create sequence delivery_seq start with 50 increment by 50;

create table sync_run (
    id              bigint primary key,
    trigger_kind    varchar(32)   not null,
    dry_run         boolean       not null,
    status          varchar(16)   not null,
    stage           varchar(16)   not null,
    progress        integer       not null default 0,
    policy_name     varchar(128)  not null,
    platform        varchar(32)   not null,
    started_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    source_complete boolean,
    error           varchar(2000),
    read_count      bigint not null default 0,
    rejected_count  bigint not null default 0,
    in_scope_count  bigint not null default 0,
    excluded_count  bigint not null default 0,
    gone_count      bigint not null default 0,
    added_count     bigint not null default 0,
    updated_count   bigint not null default 0,
    removed_count   bigint not null default 0
);

create table employee (
    id             varchar(256)  primary key,
    reference      varchar(1024) not null,
    given_name     varchar(256),
    surname        varchar(256),
    display_name   varchar(256),
    mobile         varchar(32),
    work_phone     varchar(32),
    mail           varchar(256),
    department     varchar(256),
    location       varchar(256),
    title          varchar(256),
    employee_type  varchar(256),
    manager        varchar(1024),
    status         varchar(16)   not null,
    in_scope       boolean       not null,
    scope_rule     varchar(128)  not null,
    scope_reason   varchar(512),
    last_seen_run  bigint        not null,
    updated_at     timestamp with time zone not null,
    gone_at        timestamp with time zone
);
create index employee_department on employee (department);
create index employee_location on employee (location);
create index employee_in_scope on employee (in_scope, id);

create table run_rejection (
    id           bigint primary key,
    run_id       bigint        not null references sync_run (id),
    reference    varchar(1024) not null,
    employee_id  varchar(256),
    reason       varchar(1024) not null
);
create index run_rejection_run on run_rejection (run_id, id);

create table delivered_contact (
    viewer_id     varchar(256)  not null,
    contact_id    varchar(256)  not null,
    fields        varchar(4000) not null,
    fingerprint   varchar(32)   not null,
    rule_id       varchar(128)  not null,
    delivered_run bigint        not null,
    delivered_at  timestamp with time zone not null,
    primary key (viewer_id, contact_id)
);
create index delivered_contact_contact on delivered_contact (contact_id);

create table delivery (
    id          bigint primary key,
    run_id      bigint       not null references sync_run (id),
    viewer_id   varchar(256) not null,
    contact_id  varchar(256) not null,
    action      varchar(8)   not null,
    created_at  timestamp with time zone not null
);
create index delivery_run on delivery (run_id);
create index delivery_viewer on delivery (viewer_id, id);
