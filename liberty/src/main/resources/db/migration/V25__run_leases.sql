-- A run is carried under a lease: the server named in owner holds it at this epoch. Taking a run
-- over, or handing it back, raises the epoch, and every write of a run names the epoch its carrier
-- holds, so a server that was paused past its lease writes nothing when it wakes.
alter table sync_run add column epoch bigint not null default 0;
