package org.roster.app.audit;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.roster.audit.AuditEvent;
import org.roster.audit.AuditLog;
import org.roster.records.AuditLogs;

/**
 * Roster's one way into the audit trail. A change made through the API records itself with
 * {@link #record} inside the transaction that makes the change, so the change and its record
 * commit together or not at all: a record the database refuses undoes the change. What a run
 * records as it goes, verification and pruning use {@link #log()}, whose work commits on its own.
 *
 * <pre>{@code
 * tx.inTransaction(() -> {
 *     schedule.disable(actor, clock.instant());
 *     trail.record(actor, "schedule.disabled", "source:corp", "scheduled syncs of corp switched off");
 * });
 * }</pre>
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    AuditLogs logs;

    @Inject
    AuditKeys keys;

    private final Clock clock = Clock.systemUTC();

    /** The trail could not take a record, so the change it was for was not made either. */
    public static final class NotRecorded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotRecorded(String action, Throwable cause) {
            super("the audit trail refused the record of " + action, cause);
        }
    }

    /**
     * Records an action in the caller's transaction, which must exist. The action's own changes are
     * written first, so their failures stay theirs; a record the trail refuses then throws
     * {@link NotRecorded}, and the caller's transaction, change included, is rolled back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subject, String detail) {
        try {
            logs.withCallersChange(keys.signer(), keys.seal()).append(List.of(
                    new AuditEvent(clock.instant(), actor, action, subject, detail)));
        } catch (AuditLogs.Refused e) {
            // the cause the server's log reports is the store's own exception, not its wrapper
            throw new NotRecorded(action, e.getCause());
        }
    }

    /** Records what changed nothing (a simulation, a connection test) in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAlone(String actor, String action, String subject, String detail) {
        record(actor, action, subject, detail);
    }

    /** The trail for runs, verification and pruning: each unit of work commits on its own. */
    public AuditLog log() {
        return logs.committingAlone(keys.signer(), keys.seal());
    }
}
