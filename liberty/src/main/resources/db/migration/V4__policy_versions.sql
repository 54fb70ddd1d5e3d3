-- Policies as compliance officers manage them: every version kept, with who wrote, approved and
-- published it. The published version with the highest id is the one runs use.

create sequence policy_version_seq start with 50 increment by 50;

create table policy_version (
    id            bigint        primary key,
    name          varchar(128)  not null,
    text          varchar(262144) not null,
    status        varchar(16)   not null,
    author        varchar(256)  not null,
    created_at    timestamp with time zone not null,
    approved_by   varchar(256),
    approved_at   timestamp with time zone,
    published_by  varchar(256),
    published_at  timestamp with time zone,
    note          varchar(512)
);
create index policy_version_status on policy_version (status, id);
