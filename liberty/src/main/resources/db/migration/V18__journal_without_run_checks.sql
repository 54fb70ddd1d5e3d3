-- A plan for every viewer writes a row per viewer and colleague into the outbox and, once
-- delivered, into the delivery journal: tens of millions of rows for a large directory. Checking
-- each row's run against sync_run took a third of each insert. Runs are never deleted, and the
-- store writes these rows only for the run it is carrying, so the check guarded nothing.
alter table outbox drop constraint if exists outbox_run_id_fkey;
alter table delivery drop constraint if exists delivery_run_id_fkey;
