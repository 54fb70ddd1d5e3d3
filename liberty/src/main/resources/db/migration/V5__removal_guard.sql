-- A run whose plan removes more than the safety limit waits for an admin instead of delivering.
alter table sync_run add column removal_limit bigint;
alter table sync_run add column decided_by varchar(256);
alter table sync_run alter column status set data type varchar(32);
