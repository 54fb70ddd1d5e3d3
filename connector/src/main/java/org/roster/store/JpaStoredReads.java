package org.roster.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import org.roster.directory.Rejection;
import org.roster.policy.Person;
import org.roster.sync.StoredReads;

/**
 * The {@link StoredReads} on PostgreSQL: the read fingerprints kept with the employees, streamed
 * in one pass, and the entries last rejected, each with what it was rejected as.
 */
final class JpaStoredReads implements StoredReads {

    private final StoreAccess access;
    private final EntityManager em;
    private final Transactions tx;

    JpaStoredReads(StoreAccess access) {
        this.access = access;
        this.em = access.em;
        this.tx = access.tx;
    }

    @Override
    public <T> T together(Supplier<T> work) {
        return access.together(work);
    }

    @Override
    public void forEachStoredRead(int pageSize, Consumer<StoredRead> read) {
        // one pass over the table, streamed by the driver a page at a time: no order is needed, and
        // no page's plan depends on where the last one ended
        tx.inTransaction(() -> access.jdbc("reading the stored read fingerprints", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select e.id, e.read_fingerprint, e.in_scope, s.opted_out, s.opted_in from employee e "
                            + "left join self_service s on s.employee_id = e.id where e.status = ?")) {
                query.setString(1, EmployeeEntity.Status.ACTIVE.name());
                query.setFetchSize(pageSize);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String fingerprint = rows.getString(2);
                        read.accept(new StoredRead(rows.getString(1), fingerprint == null ? "" : fingerprint,
                                rows.getBoolean(3), new Person.SelfService(rows.getBoolean(4),
                                rows.getBoolean(5))));
                    }
                }
            }
            return null;
        }));
    }

    @Override
    public void rememberRejected(List<RejectedRead> rejected) {
        List<RejectedRead> keyed = rejected.stream().filter(r -> r.rejection().employeeId().isPresent()).toList();
        if (keyed.isEmpty()) {
            return;
        }
        tx.inTransaction(() -> access.jdbc("remembering rejected reads", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "insert into rejected_read (employee_id, read_fingerprint, reference, reason) values (?, ?, ?, ?) "
                            + "on conflict (employee_id) do update set read_fingerprint = excluded.read_fingerprint, "
                            + "reference = excluded.reference, reason = excluded.reason")) {
                for (RejectedRead read : keyed) {
                    Rejection rejection = read.rejection();
                    upsert.setString(1, rejection.employeeId().orElseThrow());
                    upsert.setString(2, read.readFingerprint());
                    upsert.setString(3, RejectionEntity.clip(rejection.reference()));
                    upsert.setString(4, RejectionEntity.clip(rejection.reason()));
                    upsert.addBatch();
                }
                return upsert.executeBatch();
            }
        }));
    }

    @Override
    public void forEachRejectedRead(BiConsumer<String, String> read) {
        tx.inTransaction(() -> access.jdbc("reading the rejected reads", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select employee_id, read_fingerprint from rejected_read")) {
                query.setFetchSize(10_000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        read.accept(rows.getString(1), rows.getString(2));
                    }
                }
            }
            return null;
        }));
    }

    @Override
    public long rejectAgain(long runId, Collection<String> employeeIds) {
        if (employeeIds.isEmpty()) {
            return 0;
        }
        String[] ids = employeeIds.toArray(String[]::new);
        return tx.inTransaction(() -> access.jdbc("recording rejections again", connection -> {
            // no waiting for the disk: the run's next commit that waits (the log is written in order)
            // makes these rows durable with it, and a run cut short before that is marked failed and
            // the next run reads again
            // as saving the rejections would: a rejected entry keeps its employee's last good state
            try (PreparedStatement seen = connection.prepareStatement(
                    StoreAccess.UNHURRIED + "update employee set last_seen_run = ? where id = any (?)")) {
                seen.setLong(1, runId);
                seen.setArray(2, StoreAccess.texts(connection, ids));
                seen.executeUpdate();
            }
            // the rejection ids are drawn from the sequence the entity draws its blocks from: each
            // value is one the entity never hands out
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into run_rejection (id, run_id, reference, employee_id, reason) "
                            + "select nextval('run_rejection_seq'), ?, reference, employee_id, reason from rejected_read "
                            + "where employee_id = any (?)")) {
                insert.setLong(1, runId);
                insert.setArray(2, StoreAccess.texts(connection, ids));
                return (long) insert.executeUpdate();
            }
        }));
    }

    @Override
    public void forgetRejected(Collection<String> employeeIds) {
        if (!employeeIds.isEmpty()) {
            tx.inTransaction(() -> forget(employeeIds.toArray(String[]::new)));
        }
    }

    /** Forgets what these employees were last rejected as. */
    void forget(String[] employeeIds) {
        access.jdbc("forgetting rejected reads", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from rejected_read where employee_id = any (?)")) {
                delete.setArray(1, StoreAccess.texts(connection, employeeIds));
                return delete.executeUpdate();
            }
        });
    }
}
