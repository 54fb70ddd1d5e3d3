package org.roster.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.roster.audit.AuditEvent;
import org.roster.audit.AuditLog;
import org.roster.audit.CheckpointSigner;
import org.roster.audit.RecordSeal;
import org.roster.records.AuditLogs;

/**
 * The {@link AuditLogs} on Jakarta Persistence: {@link JpaAuditLog}s over one entity manager, with
 * transactions of their own or the caller's.
 *
 * <pre>{@code
 * AuditLogs logs = new JpaAuditLogs(entityManager, ownTransactions, callersTransaction, clock);
 * }</pre>
 */
public final class JpaAuditLogs implements AuditLogs {

    private final EntityManager em;
    private final Transactions own;
    private final Transactions callers;
    private final Clock clock;

    /**
     * @param own     gives each unit of work a transaction of its own
     * @param callers joins the caller's transaction, failing when there is none
     */
    public JpaAuditLogs(EntityManager em, Transactions own, Transactions callers, Clock clock) {
        this.em = em;
        this.own = own;
        this.callers = callers;
        this.clock = clock;
    }

    @Override
    public AuditLog committingAlone(CheckpointSigner signer, RecordSeal seal) {
        return new JpaAuditLog(em, own, signer, seal, clock);
    }

    @Override
    public AuditLog withCallersChange(CheckpointSigner signer, RecordSeal seal) {
        return new WithCallersChange(em, new JpaAuditLog(em, callers, signer, seal, clock));
    }

    /** Writes the caller's change before its records, so that each failure is told apart. */
    private record WithCallersChange(EntityManager em, JpaAuditLog log) implements AuditLog {

        @Override
        public void append(List<AuditEvent> events) {
            em.flush();
            try {
                log.append(events);
                em.flush();
            } catch (PersistenceException e) {
                throw new Refused(e);
            }
        }

        @Override
        public Verification verify() {
            return log.verify();
        }

        @Override
        public long prune(Instant cutoff) {
            return log.prune(cutoff);
        }
    }
}
