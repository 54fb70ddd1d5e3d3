package org.roster.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.roster.records.RunStatus;
import org.roster.sync.Lease;
import org.roster.sync.LeaseLost;
import org.roster.sync.RunLog;
import org.roster.sync.RunProgress;

/**
 * The {@link RunLog} on PostgreSQL, and the runs' leases: a run is carried by the server that holds
 * its lease, at the epoch it took it at. Taking a run over and handing it back raise the epoch (a
 * compare-and-set), and every write of a run carried under a lease names that epoch in its own
 * statement: a write that finds another epoch changes nothing and throws {@link LeaseLost}, which
 * undoes the unit of work it was part of.
 *
 * <pre>{@code
 * JpaRunLog runs = new JpaRunLog(entityManager, transactions, Clock.systemUTC());
 * Optional<Lease> lease = runs.takeOver(7, 2, "server-b");
 * runs.carrying(lease.orElseThrow()).saveProgress(7, progress);
 * }</pre>
 */
public final class JpaRunLog implements RunLog {

    private final EntityManager em;
    private final Transactions tx;
    private final Clock clock;
    /** The lease this log writes its run under; empty for a log that carries no run. */
    private final Optional<Lease> lease;

    public JpaRunLog(EntityManager em, Transactions tx, Clock clock) {
        this(em, tx, clock, Optional.empty());
    }

    private JpaRunLog(EntityManager em, Transactions tx, Clock clock, Optional<Lease> lease) {
        this.em = em;
        this.tx = tx;
        this.clock = clock;
        this.lease = lease;
    }

    /** This log, writing the leased run only under its lease. */
    public JpaRunLog carrying(Lease carried) {
        return new JpaRunLog(em, tx, clock, Optional.of(carried));
    }

    /** This log, in the transactions given (those of a store that joins its calls together). */
    JpaRunLog in(Transactions transactions) {
        return new JpaRunLog(em, transactions, clock, lease);
    }

    /** The lease this log carries its run under, if it carries one. */
    public Optional<Lease> lease() {
        return lease;
    }

    @FunctionalInterface
    private interface Jdbc<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T jdbc(String what, Jdbc<T> work) {
        try {
            return work.on(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new PersistenceException(what + " failed", e);
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** The epoch a write of this run must find: the lease's, or none for a run this log does not carry. */
    private Optional<Lease> leaseOf(long runId) {
        return lease.filter(held -> held.runId() == runId);
    }

    /**
     * Checks, as the last write of the caller's unit of work, that the run's lease is still held, and
     * renews the run's heartbeat: a carrier that lost it throws {@link LeaseLost}, and what the unit
     * wrote is undone. The row stays locked until the unit commits, so a takeover waits for a unit
     * that passed the check, and a unit that comes after a takeover fails the check.
     */
    void fence(Connection connection, long runId) throws SQLException {
        Optional<Lease> held = leaseOf(runId);
        if (held.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update sync_run set heartbeat_at = ? where id = ? and epoch = ?")) {
            update.setObject(1, now());
            update.setLong(2, runId);
            update.setLong(3, held.get().epoch());
            if (update.executeUpdate() == 0) {
                throw new LeaseLost(held.get());
            }
        }
    }

    /** {@link #fence(Connection, long)} as a unit of work of its own: the carrier is still there. */
    public void renew(long runId) {
        tx.inTransaction(() -> jdbc("renewing the run's lease", connection -> {
            fence(connection, runId);
            return null;
        }));
    }

    /**
     * The SQL condition, for a statement on a run's rows, that this log's lease on the run still
     * holds, so that the statement checks the lease itself: {@code true} for a run it does not carry.
     * The run id and the epoch are numbers, written into the condition.
     */
    String leaseHolds(long runId) {
        return leaseOf(runId).isPresent()
                ? "exists (select 1 from sync_run l where l.id = " + runId + " and l.epoch = "
                        + leaseOf(runId).get().epoch() + ")"
                : "true";
    }

    /**
     * Takes a run over from the server that carried it, if its epoch is still the one seen: the
     * epoch grows by one and this server becomes the owner. A run whose row another unit holds (a
     * carrier passing its check at this moment) is left for the next attempt.
     *
     * @return the lease taken; empty if another server changed the run first
     */
    public Optional<Lease> takeOver(long runId, long seenEpoch, String server) {
        return tx.inTransaction(() -> jdbc("taking the run over", connection -> {
            try (PreparedStatement update = connection.prepareStatement("update sync_run set owner = ?, "
                    + "heartbeat_at = ?, epoch = epoch + 1 where id = (select id from sync_run where id = ? and epoch = ? "
                    + "and status in ('QUEUED', 'RUNNING') for update skip locked) returning epoch")) {
                update.setString(1, server);
                update.setObject(2, now());
                update.setLong(3, runId);
                update.setLong(4, seenEpoch);
                try (ResultSet taken = update.executeQuery()) {
                    return taken.next() ? Optional.of(new Lease(runId, taken.getLong(1))) : Optional.<Lease>empty();
                }
            }
        }));
    }

    /**
     * Hands a run back: no server owns it and its heartbeat is gone, so any server takes it over at
     * its next look rather than after the run has been quiet for long; the epoch grows, so whatever
     * this carrier still does writes nothing.
     *
     * @return whether the lease was still held
     */
    public boolean release(Lease released) {
        return tx.inTransaction(() -> jdbc("handing the run back", connection -> {
            try (PreparedStatement update = connection.prepareStatement("update sync_run set owner = null, "
                    + "heartbeat_at = null, epoch = epoch + 1 where id = ? and epoch = ? "
                    + "and status in ('QUEUED', 'RUNNING')")) {
                update.setLong(1, released.runId());
                update.setLong(2, released.epoch());
                return update.executeUpdate() > 0;
            }
        }));
    }

    /**
     * Ends the run under this log's lease, in the caller's unit of work: its status, whether the read
     * was complete, why it did not complete, when. A run ended as completed is at 100%.
     *
     * @throws LeaseLost if another server carries the run now
     */
    public void finish(long runId, RunEntity.Status status, Boolean sourceComplete, String error) {
        boolean done = status == RunEntity.Status.COMPLETED || status == RunEntity.Status.INCOMPLETE;
        tx.inTransaction(() -> jdbc("ending the run", connection -> {
            try (PreparedStatement update = connection.prepareStatement("update sync_run set status = ?, "
                    + "source_complete = ?, error = ?, finished_at = ?, progress = case when ? then 100 else progress "
                    + "end, stage = case when ? then 'DONE' else stage end where id = ?" + epochCondition(runId))) {
                update.setString(1, status.name());
                update.setObject(2, sourceComplete, Types.BOOLEAN);
                update.setString(3, error == null || error.isEmpty() ? null
                        : error.length() > 2000 ? error.substring(0, 2000) : error);
                update.setObject(4, now());
                update.setBoolean(5, done);
                update.setBoolean(6, done);
                update.setLong(7, runId);
                lost(runId, update.executeUpdate());
            }
            return null;
        }));
    }

    /** {@link #finish(long, RunEntity.Status, Boolean, String)}, for a caller that sees no entity. */
    public void finish(long runId, RunStatus status, Boolean sourceComplete, String error) {
        finish(runId, RunEntity.Status.valueOf(status.name()), sourceComplete, error);
    }

    /**
     * Stops the run before delivering, under this log's lease: its plan removes more than the limit,
     * and it waits for an admin.
     *
     * @throws LeaseLost if another server carries the run now
     */
    public void awaitApproval(long runId, long limit, String reason) {
        tx.inTransaction(() -> jdbc("halting the run for approval", connection -> {
            try (PreparedStatement update = connection.prepareStatement("update sync_run set "
                    + "status = 'AWAITING_APPROVAL', removal_limit = ?, source_complete = true, error = ?, "
                    + "finished_at = ? where id = ?" + epochCondition(runId))) {
                update.setLong(1, limit);
                update.setString(2, reason);
                update.setObject(3, now());
                update.setLong(4, runId);
                lost(runId, update.executeUpdate());
            }
            return null;
        }));
    }

    /**
     * Records how the run reads the directory, under this log's lease: everything ({@code full}) or
     * only what changed ({@code incremental}).
     *
     * @throws LeaseLost if another server carries the run now
     */
    public void readMode(long runId, String mode) {
        tx.inTransaction(() -> jdbc("recording the run's read mode", connection -> {
            try (PreparedStatement update = connection.prepareStatement("update sync_run set read_mode = ? "
                    + "where id = ?" + epochCondition(runId))) {
                update.setString(1, mode);
                update.setLong(2, runId);
                lost(runId, update.executeUpdate());
            }
            return null;
        }));
    }

    /** {@code and epoch = …} for a run this log carries, nothing for another. */
    private String epochCondition(long runId) {
        return leaseOf(runId).map(held -> " and epoch = " + held.epoch()).orElse("");
    }

    /** A fenced write of the run changed nothing: its lease went to another server. */
    private void lost(long runId, int updated) {
        Optional<Lease> held = leaseOf(runId);
        if (updated == 0 && held.isPresent()) {
            throw new LeaseLost(held.get());
        }
    }

    /**
     * Runs a statement that comes after a setting ({@link StoreAccess#UNHURRIED}) in one round trip,
     * and answers how many rows its last part changed.
     */
    static int lastUpdateCount(PreparedStatement statement) throws SQLException {
        boolean rows = statement.execute();
        int last = 0;
        while (true) {
            if (!rows) {
                int count = statement.getUpdateCount();
                if (count == -1) {
                    return last;
                }
                last = count;
            }
            rows = statement.getMoreResults();
        }
    }

    /** {@link #planning}'s answer, which is where the question is asked. */
    @Override
    public boolean planStands(String basis) {
        return planning(basis).stands();
    }

    /**
     * Both questions in one statement, where a run would otherwise pay two round trips before it
     * plans: the count is the one the database keeps (V17), and the search for a viewer without a
     * digest, which reads every viewer, is made only when the basis still stands (a case is
     * evaluated in order). A digest dropped anywhere (a refused delivery, a newly linked account)
     * means that viewer is planned again.
     */
    @Override
    public Planning planning(String basis) {
        return tx.inTransaction(() -> jdbc("asking whether the last plan stands", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select (select viewers from viewer_count), case when exists (select 1 from viewer_digest b "
                            + "where b.viewer_id = ? and b.digest = ?) then not exists (select 1 from employee e "
                            + "where e.in_scope and not exists (select 1 from viewer_digest d where d.viewer_id = e.id)) "
                            + "else false end")) {
                query.setString(1, StoreAccess.PLAN_BASIS);
                query.setString(2, basis);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return new Planning(row.getLong(1), row.getBoolean(2));
                }
            }
        }));
    }

    @Override
    public void planMade(String basis, long runId) {
        tx.inTransaction(() -> jdbc("recording the plan's basis", connection -> {
            // should it be lost, the next run plans once more
            try (PreparedStatement upsert = connection.prepareStatement(StoreAccess.UNHURRIED
                    + "insert into viewer_digest (viewer_id, digest, contacts, run_id) select ?, ?, 0, ? "
                    + "where " + leaseHolds(runId) + " on conflict (viewer_id) do update set "
                    + "digest = excluded.digest, contacts = 0, run_id = excluded.run_id")) {
                upsert.setString(1, StoreAccess.PLAN_BASIS);
                upsert.setString(2, basis);
                upsert.setLong(3, runId);
                lost(runId, lastUpdateCount(upsert));
            }
            return null;
        }));
    }

    @Override
    public long lastCompleteReadCount() {
        return tx.inTransaction(() -> em.createQuery("select r.read from RunEntity r where r.sourceComplete = true "
                        + "and r.readMode = 'full' order by r.id desc", Long.class).setMaxResults(1).getResultList()
                .stream().findFirst().orElse(0L));
    }

    /**
     * Saves the run's progress and renews its heartbeat, under the lease in the same statement: a
     * carrier that lost the run overwrites none of the new carrier's counts.
     */
    @Override
    public void saveProgress(long runId, RunProgress progress) {
        OffsetDateTime now = now();
        tx.inTransaction(() -> jdbc("saving the run's progress", connection -> {
            // progress is for watching a run: it need not wait for the disk, and a crash that loses
            // the last save loses nothing the run's recovery does not redo
            // as RunEntity#progress would, in one statement rather than a load and a write; the driver
            // sends both statements in one round trip
            try (PreparedStatement update = connection.prepareStatement(StoreAccess.UNHURRIED + "update sync_run set "
                    + "status = case when status = 'QUEUED' then 'RUNNING' else status end, heartbeat_at = ?, "
                    + "watermark = coalesce(?, watermark), source_complete = coalesce(?, source_complete), stage = ?, "
                    + "progress = ?, read_count = ?, rejected_count = ?, in_scope_count = ?, excluded_count = ?, "
                    + "gone_count = ?, added_count = ?, updated_count = ?, removed_count = ?, delivered_count = ?, "
                    + "failed_count = ? where id = ?" + epochCondition(runId))) {
                int p = 1;
                update.setObject(p++, now);
                update.setString(p++, Watermarks.format(progress.watermarks()));
                update.setObject(p++, progress.sourceComplete(), Types.BOOLEAN);
                update.setString(p++, progress.stage().name());
                update.setInt(p++, progress.percent());
                for (AtomicLong count : List.of(progress.read, progress.rejected, progress.inScope, progress.excluded,
                        progress.gone, progress.added, progress.updated, progress.removed, progress.delivered,
                        progress.failed)) {
                    update.setLong(p++, count.get());
                }
                update.setLong(p, runId);
                lost(runId, lastUpdateCount(update));
                return null;
            }
        }));
    }
}
