-- The application's role may add audit records but not erase them (DatabaseRoles grants it no
-- more): records leave the trail only through prune_audit_records, which runs as the schema's owner
-- and keeps every record younger than the floor the owner wrote into audit_retention_floor.

-- one row, written by the owner's connection at every start from roster.audit.min-retention
create table audit_retention_floor (
    id             integer   primary key check (id = 1),
    min_retention  interval  not null check (min_retention >= interval '0')
);
insert into audit_retention_floor (id, min_retention) values (1, interval '365 days');

-- Deletes the records up to through_id and writes the checkpoint the application signed for them.
-- It refuses a cutoff newer than now() minus the floor, a record that is not what the signature
-- names, and any record younger than the floor; tables are named with their schema and the search
-- path is fixed, so the caller can't substitute objects of its own.
create function prune_audit_records(cutoff timestamptz, through_id bigint, through_hash varchar,
                                    signed_at timestamptz, signature varchar)
    returns bigint
    language plpgsql
    security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    kept_from  timestamptz;
    through    public.audit_record%rowtype;
    youngest   timestamptz;
    pruned     bigint;
begin
    select now() - min_retention into kept_from from public.audit_retention_floor where id = 1;
    if kept_from is null then
        raise exception 'the minimum audit retention is not set' using errcode = '55000';
    end if;
    if cutoff > kept_from then
        raise exception 'audit records younger than the minimum retention are kept: the cutoff % is after %',
            cutoff, kept_from using errcode = '42501';
    end if;
    select * into through from public.audit_record where id = through_id;
    if not found or through.hash <> through_hash or through.at >= cutoff then
        raise exception 'record % is not an audit record older than the cutoff with the hash given', through_id
            using errcode = '22023';
    end if;
    select max(at) into youngest from public.audit_record where id <= through_id;
    if youngest >= kept_from then
        raise exception 'the records up to % include one younger than the minimum retention', through_id
            using errcode = '42501';
    end if;
    delete from public.audit_record where id <= through_id;
    get diagnostics pruned = row_count;
    insert into public.audit_checkpoint (pruned_through_id, last_hash, at, pruned_count, signature)
        values (through_id, through_hash, signed_at, pruned, signature);
    return pruned;
end;
$$;
revoke all on function prune_audit_records(timestamptz, bigint, varchar, timestamptz, varchar) from public;

-- Only a table's owner may analyse it; a first sync asks for fresh statistics of the directory's
-- tables as they grow (JpaStateStore), so the owner does it on the application's behalf.
create function analyze_directory()
    returns void
    language plpgsql
    security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    analyze public.employee (id, status, last_seen_run, in_scope), public.employee_group;
end;
$$;
revoke all on function analyze_directory() from public;
