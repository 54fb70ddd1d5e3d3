package org.roster.app;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.roster.store.Transactions;

/** Gives the persistence adapter its transactions: each unit of work commits on its own. */
@ApplicationScoped
public class TransactionalWork implements Transactions {

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void inTransaction(Runnable work) {
        work.run();
    }
}
