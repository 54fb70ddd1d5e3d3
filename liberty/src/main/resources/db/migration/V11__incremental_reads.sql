-- How each run read the directory (in full, or only what changed since a watermark), and the
-- watermark its read returned. A watermark counts only once its run's plan is safe: the run has
-- completed, or is delivering a complete plan.
alter table sync_run add column read_mode varchar(16) not null default 'full';
alter table sync_run add column watermark varchar(64);
