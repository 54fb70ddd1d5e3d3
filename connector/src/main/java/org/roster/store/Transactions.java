package org.roster.store;

import java.util.function.Supplier;

/**
 * Runs a unit of work in its own transaction. The application supplies it (in Open Liberty, a bean
 * whose method is {@code @Transactional(REQUIRES_NEW)}), so the store needs no container type.
 *
 * <pre>{@code
 * long count = transactions.inTransaction(() -> em.createQuery("...", Long.class).getSingleResult());
 * }</pre>
 */
@FunctionalInterface
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
