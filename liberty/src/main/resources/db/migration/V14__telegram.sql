-- Employees' linked Telegram accounts. The TDLib session database lives under the server's
-- folder, encrypted with database_encryption_key; that key is kept here sealed (SecretBox, bound to
-- the employee) and is never returned or logged. The employee's own contacts from before Roster
-- are kept as user ids and keyed digests of their numbers (HMAC-SHA256), never the numbers.
create table telegram_account (
    employee_id   varchar(256)  primary key,
    session_key   text          not null,
    status        varchar(32)   not null,
    linked_at     timestamp with time zone,
    updated_at    timestamp with time zone not null,
    paused_until  timestamp with time zone,
    -- null until the contacts the employee had before Roster were read
    own_user_ids  text,
    own_numbers   text
);

-- What Roster did in each account, contact by contact: the Telegram user it imported (so that it
-- removes only what it put there), and the state (imported, not on Telegram, pending retry, ...).
-- Number and name are kept only while a retry may need them.
create table telegram_contact (
    viewer_id     varchar(256)  not null,
    contact_id    varchar(256)  not null,
    state         varchar(16)   not null,
    intent        varchar(8)    not null,
    user_id       bigint        not null,
    phone         varchar(64),
    first_name    varchar(256),
    last_name     varchar(256),
    reason        varchar(512)  not null,
    at            timestamp with time zone not null,
    primary key (viewer_id, contact_id)
);
create index telegram_contact_pending on telegram_contact (viewer_id) where state = 'PENDING_RETRY';

-- The idempotency keys applied to each account: a batch sent again after a crash changes nothing.
create table telegram_key (
    viewer_id        varchar(256) not null,
    idempotency_key  varchar(128) not null,
    at               timestamp with time zone not null,
    primary key (viewer_id, idempotency_key)
);
