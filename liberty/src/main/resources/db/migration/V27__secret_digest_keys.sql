-- The keys of the lookup digests (app passwords, Telegram contacts' numbers), each sealed under the
-- current secrets key. A digest can't be computed again without what it digests, which Roster does
-- not keep; so a rotation of roster.secrets.keys re-seals these keys instead, and the digests made
-- under them keep matching once the old secrets key is gone. An installation from before keeps the
-- digest keys it had: they were derived from roster.secrets.key, and are stored here at first use.
create table secret_digest_key (
    purpose     varchar(64)   primary key,
    sealed      text          not null,
    created_at  timestamp with time zone not null
);
