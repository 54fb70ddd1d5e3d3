-- The audit trail: append-only, each record hash-chained to the one before (see org.roster.audit).

create table audit_record (
    id         bigint        primary key,
    at         timestamp with time zone not null,
    actor      varchar(256)  not null,
    action     varchar(64)   not null,
    subject    varchar(512)  not null,
    detail     varchar(2000) not null,
    prev_hash  varchar(64)   not null,
    hash       varchar(64)   not null
);
create index audit_record_at on audit_record (at);
create index audit_record_subject on audit_record (subject);
create index audit_record_actor on audit_record (actor);

-- the end of the chain; appenders lock this one row
create table audit_head (
    id         integer      primary key,
    last_id    bigint       not null,
    last_hash  varchar(64)  not null
);
insert into audit_head (id, last_id, last_hash)
    values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
