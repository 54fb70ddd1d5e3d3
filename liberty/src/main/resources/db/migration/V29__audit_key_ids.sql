-- Audit seals and checkpoint signatures name the audit key that made them ("<key id>:<hex>", plain
-- hex for the key of before), so the audit key can be rotated: room for an id of up to 32 characters.
alter table audit_record alter column mac type varchar(100);
alter table audit_head alter column last_mac type varchar(100);
alter table audit_checkpoint alter column signature type varchar(100);

-- When the audit key is rotated, the newest checkpoint is signed again under the new key, so pruned
-- history stays vouched for once the old key is gone. The application's role may not change
-- checkpoints (V20); this function, run as the schema's owner, replaces only the signature it is
-- told the checkpoint carries now, and a wrong signature written through it is named by
-- verification like any other.
create function sign_audit_checkpoint_again(through_id bigint, old_signature varchar, new_signature varchar)
    returns void
    language plpgsql
    security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    update public.audit_checkpoint set signature = new_signature
        where pruned_through_id = through_id and signature = old_signature;
end;
$$;
revoke all on function sign_audit_checkpoint_again(bigint, varchar, varchar) from public;
