-- What the richer policy language decides on: disabled accounts, opt-out and consent from the
-- directory, group memberships, the manager hierarchy, self-service choices, and the difference
-- between receiving contacts (in_scope) and being delivered as one (contact_allowed).

alter table employee add column account_disabled varchar(32);
alter table employee add column opt_out varchar(32);
alter table employee add column consent varchar(32);
alter table employee add column reference_key varchar(1024);
alter table employee add column manager_key varchar(1024);
alter table employee add column contact_allowed boolean not null default false;
update employee set contact_allowed = in_scope;
create index employee_reference_key on employee (reference_key);
create index employee_manager_key on employee (manager_key);

create table employee_group (
    employee_id  varchar(256)  not null,
    group_dn     varchar(1024) not null,
    primary key (employee_id, group_dn)
);
create index employee_group_dn on employee_group (group_dn);

create table self_service (
    employee_id  varchar(256) primary key,
    opted_out    boolean      not null,
    opted_in     boolean      not null,
    updated_at   timestamp with time zone not null
);
