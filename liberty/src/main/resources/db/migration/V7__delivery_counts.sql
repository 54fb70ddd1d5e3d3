-- How many changes a run delivered, and how many the platform refused (planned again next run).
alter table sync_run add column delivered_count bigint not null default 0;
alter table sync_run add column failed_count bigint not null default 0;
