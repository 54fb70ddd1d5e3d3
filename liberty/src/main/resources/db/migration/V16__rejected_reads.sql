-- What entries were rejected as for what they hold (not for sharing an identity): the read
-- fingerprint, and the rejection's reference and reason, one row per identity. A full run that reads
-- such an entry again unchanged records the same rejection without normalising it again, and the
-- audit trail gets one line for all of them rather than one per entry per run. An employee accepted
-- again, or purged, is forgotten here.
create table rejected_read (
    employee_id      varchar(256)  primary key,
    read_fingerprint varchar(32)   not null,
    reference        varchar(1024) not null,
    reason           varchar(1024) not null
);
