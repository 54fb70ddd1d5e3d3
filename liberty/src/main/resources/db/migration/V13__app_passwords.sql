-- Passwords an employee creates for their phone's CardDAV client, and revokes. Only a salted
-- PBKDF2 hash is kept; the password itself is shown once, when it is made.
create table app_password (
    id            bigserial     primary key,
    employee_id   varchar(256)  not null,
    label         varchar(128)  not null,
    hash          varchar(256)  not null,
    created_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone
);
create index app_password_employee on app_password (employee_id);
