package org.roster.store;

import java.time.Clock;

import jakarta.persistence.EntityManager;
import org.roster.sync.Lease;

/**
 * The stores a run works with, made on demand: a run carried under its lease gets a state store and
 * a run log that check the lease at every write; the rest get them unleased.
 *
 * <pre>{@code
 * JpaRunStores stores = new JpaRunStores(entityManager, transactions, Clock.systemUTC());
 * stores.carrying(lease).discardPlan(lease.runId());
 * }</pre>
 */
public final class JpaRunStores {

    private final EntityManager em;
    private final Transactions tx;
    private final Clock clock;

    public JpaRunStores(EntityManager em, Transactions tx, Clock clock) {
        this.em = em;
        this.tx = tx;
        this.clock = clock;
    }

    /** The state store of no run in particular. */
    public JpaStateStore state() {
        return new JpaStateStore(em, tx, clock);
    }

    /** The state store of a run this server carries: each write of the run checks the lease. */
    public JpaStateStore carrying(Lease lease) {
        return new JpaStateStore(em, tx, clock, runLog().carrying(lease));
    }

    /** The run log; {@link JpaRunLog#carrying} writes a run under its lease. */
    public JpaRunLog runLog() {
        return new JpaRunLog(em, tx, clock);
    }

    /** The records a merging read keeps of each source. */
    public JpaSourceRecords sourceRecords() {
        return new JpaSourceRecords(em, tx);
    }
}
