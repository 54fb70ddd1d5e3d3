-- Each employee's read fingerprint: a digest of the entry exactly as the source handed it over,
-- of the policy and normaliser settings it was judged by, and of the employee's self-service
-- choices. A full run that reads an entry with the same fingerprint marks it seen without
-- normalising, deciding or writing it. Null until a run stores the employee again.
alter table employee add column read_fingerprint varchar(32);

-- Retention looks for leavers past their period at the end of every run: an index over the leavers
-- alone keeps that lookup from scanning everyone who has not left.
create index employee_gone_at on employee (gone_at) where status = 'GONE';
