-- Every audit record carries a seal: an HMAC-SHA256 under a key held outside the database, over
-- the previous record's hash, its id and its content (see org.roster.audit.RecordSeal). Records
-- written before have none; the first start after this migration checks their hash chain, seals
-- them and audits that it did (audit.sealed). The head keeps the last record's seal, which the
-- anchors outside the database name; while it is empty the trail has not been sealed yet.
alter table audit_record add column mac varchar(64);
alter table audit_head add column last_mac varchar(64);
