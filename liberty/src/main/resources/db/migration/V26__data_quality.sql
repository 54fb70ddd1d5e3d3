-- Whether one of an employee's phone numbers was written without its country code and read as a
-- number of the source's (or the location's) region: the data-quality report counts these guesses.
alter table employee add column region_guessed boolean not null default false;

-- Finding the employees who share a mobile number groups the directory by it.
create index employee_mobile on employee (mobile) where status = 'ACTIVE' and mobile is not null;

-- Each run's data-quality report, counted by the database once the run has read the directory:
-- one row per department and source ('' for none), a few hundred rows at most for a large company.
create table run_quality (
    run_id          bigint        not null references sync_run (id) on delete cascade,
    department      varchar(256)  not null,
    source          varchar(256)  not null,
    employees       integer       not null,
    shared_number   integer       not null,
    invalid_number  integer       not null,
    missing_mobile  integer       not null,
    guessed_region  integer       not null,
    rejected        integer       not null,
    primary key (run_id, department, source)
);

-- The mobile numbers several employees share as the run found them, each named by the ids of its
-- sharers (the first 50 by id), never by the number.
create table run_shared_number (
    run_id          bigint          not null references sync_run (id) on delete cascade,
    position        integer         not null,
    sharers         integer         not null,
    employee_ids    varchar(256)[]  not null,
    primary key (run_id, position)
);
