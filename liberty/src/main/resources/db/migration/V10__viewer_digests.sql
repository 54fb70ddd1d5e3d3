-- A digest of each viewer's whole contact set as planned: a viewer whose permitted contacts hash
-- the same as last time has nothing to plan, and their delivered rows are not read at all. Kept
-- in the transaction that writes the viewer's plan into the outbox; dropped whenever that plan is
-- not delivered (refused, discarded), so that viewer is compared in full next time.
create table viewer_digest (
    viewer_id  varchar(256) primary key,
    digest     varchar(64)  not null,
    contacts   integer      not null,
    run_id     bigint       not null
);
