package org.roster.app.config;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.store.Transactions;

/**
 * Gives the persistence adapter its transactions: each unit of work commits on its own. A unit
 * that finds its run's lease lost is rolled back, and the loss is thrown once the transaction has
 * ended ({@link TransactionBoundary}).
 */
@ApplicationScoped
public class TransactionalWork implements Transactions {

    @Inject
    TransactionBoundary boundary;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return boundary.inTransaction(work).get();
    }
}
