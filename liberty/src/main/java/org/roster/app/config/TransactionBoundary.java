package org.roster.app.config;

import java.util.function.Supplier;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.roster.sync.LeaseLost;

/**
 * Where {@link TransactionalWork}'s units of work begin and end: each in a transaction of its own.
 * A unit that finds its run's lease lost is rolled back here and the loss handed out as a value,
 * not thrown through the transaction: the container reports every exception that crosses a
 * transaction's boundary as an incident, and a server that lost a run to another is expected.
 */
@ApplicationScoped
public class TransactionBoundary {

    @Resource
    TransactionSynchronizationRegistry registry;

    /** What a unit of work came to: its result, or the lease it found lost. */
    public record Outcome<T>(T result, LeaseLost lost) {

        /** The result; the lost lease is thrown here, outside the transaction. */
        public T get() {
            if (lost != null) {
                throw lost;
            }
            return result;
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> Outcome<T> inTransaction(Supplier<T> work) {
        try {
            return new Outcome<>(work.get(), null);
        } catch (LeaseLost lost) {
            registry.setRollbackOnly();
            return new Outcome<>(null, lost);
        }
    }
}
