package org.roster.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a delivering worker claims a batch of a run's pending changes, fenced by the run's lease:
 * under a lease the claim itself names the epoch, so a carrier that lost the run claims nothing,
 * and rows a former carrier still holds are taken back from it.
 */
final class OutboxClaims {

    private final JpaRunLog runs;

    OutboxClaims(JpaRunLog runs) {
        this.runs = runs;
    }

    /**
     * A batch of the run's pending changes, by viewer in the order planned, locked until the caller's
     * unit of work ends. Rows another worker holds are skipped, not waited for; when nothing could be
     * claimed under a lease, the lease is checked and the rows' holders are ended before one more try.
     */
    Map<String, List<PendingChange>> claim(Connection connection, long runId, int batchSize) throws SQLException {
        Map<String, List<PendingChange>> byViewer = claim(connection, runId, batchSize, "for update skip locked");
        if (byViewer.isEmpty() && runs.lease().isPresent()) {
            runs.fence(connection, runId);
            // pending changes that no one could claim are held by a carrier that lost the run: its
            // transactions are ended, roll back, and the rows are free again, still pending
            endStaleHolders(connection, runId);
            byViewer = claim(connection, runId, batchSize, "for update");
        }
        return byViewer;
    }

    /** A batch of the run's pending changes, locked as {@code locking} says, by viewer in the order planned. */
    private Map<String, List<PendingChange>> claim(Connection connection, long runId, int batchSize, String locking)
            throws SQLException {
        Map<String, List<PendingChange>> byViewer = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select id, viewer_id, contact_id, "
                + "action, fields, rule_id from outbox where run_id = ? and state = 'PENDING' and "
                + runs.leaseHolds(runId) + " order by viewer_id, id limit ? " + locking)) {
            query.setLong(1, runId);
            query.setInt(2, batchSize);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    PendingChange row = new PendingChange(rows.getLong(1), rows.getString(2),
                            ChangeRows.change(rows.getString(4), rows.getString(3), rows.getString(5),
                                    rows.getString(6)), rows.getString(5));
                    byViewer.computeIfAbsent(row.viewerId(), v -> new ArrayList<>()).add(row);
                }
            }
        }
        return byViewer;
    }

    /**
     * Ends the transactions that hold the run's pending changes while this store carries the run:
     * they are a former carrier's, which lost the lease while delivering (it was paused, or cut off),
     * and would be undone by its lease check anyway. Ended now, they roll back, and their changes
     * are delivered again under the same idempotency keys, which the platform recognises. Every
     * server works as the same database role, which may end its own sessions.
     */
    private static void endStaleHolders(Connection connection, long runId) throws SQLException {
        try (PreparedStatement end = connection.prepareStatement("select count(pg_terminate_backend(l.pid)) "
                + "from pg_locks l where l.locktype = 'transactionid' and l.granted and l.mode = 'ExclusiveLock' "
                + "and l.pid <> pg_backend_pid() and l.transactionid in (select distinct o.xmax from outbox o "
                + "where o.run_id = ? and o.state = 'PENDING' and o.xmax::text <> '0')")) {
            end.setLong(1, runId);
            end.executeQuery().close();
        }
    }
}
