package org.roster.app.config;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.roster.store.Transactions;

/**
 * Gives the persistence adapter the caller's transaction instead of one of its own: work done
 * through it commits with the caller's change, or not at all. Without a transaction to join it
 * fails, so a record can never silently commit apart from its action.
 */
@ApplicationScoped
public class CallersTransaction implements Transactions {

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void inTransaction(Runnable work) {
        work.run();
    }
}
