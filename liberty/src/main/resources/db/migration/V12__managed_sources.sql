-- Directory sources added through the API. Settings hold no secrets; the secrets (bind passwords,
-- client secrets) are one AES-GCM sealed blob per source, bound to the source's id, under a key that
-- is not in the database (roster.secrets.key).
create table directory_source (
    id            varchar(64)   primary key,
    kind          varchar(16)   not null,
    display_name  varchar(256)  not null,
    precedence    integer       not null,
    enabled       boolean       not null,
    settings      text          not null,
    secrets       text,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    updated_by    varchar(256)  not null,
    version       integer       not null
);

-- Each source's normalised entries as last read, when several sources are merged into one
-- directory: an employee is merged again from these whenever one of their entries changes.
create table source_record (
    source_id     varchar(64)   not null,
    identity      varchar(256)  not null,
    merge_key     varchar(256)  not null,
    reference     varchar(1024) not null,
    precedence    integer       not null,
    field_values  text          not null,
    groups        text          not null,
    seen_run      bigint        not null,
    primary key (source_id, identity)
);
create index source_record_key on source_record (merge_key);
create index source_record_seen on source_record (source_id, seen_run);

-- A Graph delta link, or one watermark per source, is longer than 64 characters.
alter table sync_run alter column watermark type text;
