-- The first start after records carried seals (V19) seals the trail written before them. The
-- application's role may not update audit records (V20), so it seals through this function, which
-- runs as the schema's owner and only fills seals that are missing: a sealed record is never
-- changed, and a wrong seal written through it is named by verification like any other.
create function seal_audit_records(record_ids bigint[], record_macs varchar[])
    returns void
    language plpgsql
    security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    update public.audit_record a set mac = s.mac
        from unnest(record_ids, record_macs) as s(id, mac)
        where a.id = s.id and a.mac is null;
end;
$$;
revoke all on function seal_audit_records(bigint[], varchar[]) from public;
