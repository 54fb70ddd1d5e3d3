package org.roster.sync;

import java.util.function.Supplier;

/**
 * What every role of the {@link StateStore} shares: several calls done as one unit, so that what
 * belongs together is committed together.
 *
 * <pre>{@code
 * store.together(() -> {
 *     store.saveEntries(runId, batch, List.of());
 *     store.saveProgress(runId, progress);
 *     return null;
 * });
 * }</pre>
 */
public interface UnitOfWork {

    /**
     * Does the work, a few calls to this store, as one unit: where the store has transactions, the
     * calls made on this thread share one, and are committed together, once. A unit keeps what
     * belongs together together, and costs one commit rather than one per call.
     */
    default <T> T together(Supplier<T> work) {
        return work.get();
    }
}
