-- App passwords are random 120-bit tokens: a slow hash protects nothing a token does not already
-- have, and made every wrong guess cost up to ten PBKDF2 runs. A keyed digest of the token (HMAC-SHA256
-- under a key derived from roster.secrets.key) finds the one that matches in a single indexed lookup.
-- Rows made before keep their PBKDF2 hash until their first successful use, which stores the digest
-- and drops the hash.
alter table app_password add column lookup varchar(64);
alter table app_password alter column hash drop not null;
create unique index app_password_lookup on app_password (lookup);
