-- Who started each run, so that whoever started a run that waits for approval can't approve or
-- reject it (four eyes): a user's name, or 'system' for scheduled and start-up runs. Runs from
-- before take the actor of their run.started record where the trail still has it.

alter table sync_run add column started_by varchar(256);

update sync_run r set started_by = a.actor
    from audit_record a
    where a.action = 'run.started' and a.subject = 'run:' || r.id;
