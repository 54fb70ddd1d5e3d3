-- How many employees receive contacts, kept by the database as the employee table changes, so a
-- run's progress bar knows its total without counting the whole directory: an incremental run then
-- costs what its changes cost. Inserts and deletes are counted once per statement from the rows
-- they touched; an update counts only where it flips in_scope. A statement that changes nothing
-- leaves the row alone (no lock for runs to queue on).
create table viewer_count (
    only_row boolean primary key default true check (only_row),
    viewers  bigint  not null
);
insert into viewer_count (viewers) select count(*) from employee where in_scope;

create function viewer_count_add(delta bigint) returns void language plpgsql as $$
begin
    if delta <> 0 then
        update viewer_count set viewers = viewers + delta;
    end if;
end
$$;

create function viewer_count_inserted() returns trigger language plpgsql as $$
begin
    perform viewer_count_add((select count(*) from added where in_scope));
    return null;
end
$$;

create function viewer_count_deleted() returns trigger language plpgsql as $$
begin
    perform viewer_count_add(-(select count(*) from removed where in_scope));
    return null;
end
$$;

create function viewer_count_flipped() returns trigger language plpgsql as $$
begin
    perform viewer_count_add(case when new.in_scope then 1 else -1 end);
    return null;
end
$$;

create function viewer_count_truncated() returns trigger language plpgsql as $$
begin
    update viewer_count set viewers = 0;
    return null;
end
$$;

create trigger employee_viewers_inserted after insert on employee
    referencing new table as added for each statement execute function viewer_count_inserted();
create trigger employee_viewers_deleted after delete on employee
    referencing old table as removed for each statement execute function viewer_count_deleted();
create trigger employee_viewers_flipped after update of in_scope on employee
    for each row when (old.in_scope is distinct from new.in_scope) execute function viewer_count_flipped();
create trigger employee_viewers_truncated after truncate on employee
    for each statement execute function viewer_count_truncated();

-- The fingerprint of everything a run stored about the employee (StateStore.Decided#fingerprint),
-- written with the row: a run compares a batch read with what is stored by one narrow query
-- instead of loading every row and its groups to compute it again. Rows stored before have none
-- and are written once more.
alter table employee add column fingerprint varchar(32);
