-- Pruned audit history leaves a signed checkpoint: the id and hash of the last pruned record.
create table audit_checkpoint (
    pruned_through_id  bigint       primary key,
    last_hash          varchar(64)  not null,
    at                 timestamp with time zone not null,
    pruned_count       bigint       not null,
    signature          varchar(64)  not null
);
