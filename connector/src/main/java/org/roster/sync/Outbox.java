package org.roster.sync;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A port, one of the {@link StateStore}'s roles: the durable outbox a run's plan is written into
 * and delivered from, and the contacts last delivered to each viewer, which plans are compared with.
 *
 * <pre>{@code
 * outbox.enqueue(runId, viewerId, changes, digest);
 * Outbox.Drained drained = outbox.drain(runId, 200, platform::deliver);
 * }</pre>
 */
public interface Outbox extends UnitOfWork {

    /** How many contacts are delivered now, over all viewers. */
    long countDelivered();

    /**
     * What each contact last delivered to the viewer was planned as, by contact id: the card's
     * fingerprint and its rule, as {@link ContactCard#plannedAs(String, String)} puts them together.
     */
    Map<String, String> deliveredFingerprints(String viewerId);

    /** Viewers who still hold delivered contacts but are no longer in scope, page by page. */
    void forEachFormerViewer(int pageSize, Consumer<String> viewerId);

    /**
     * Writes a viewer's planned changes into the run's durable outbox, each once: the plan outlives
     * the process that made it. In the same unit of work the viewer's digest becomes {@code digest}
     * (the contact set the plan leads to), or is dropped when null.
     */
    void enqueue(long runId, String viewerId, List<ContactChange> changes, ViewerDigest.Planned digest);

    /**
     * One viewer's plan: the changes to their contacts, and the digest of the set they lead to (null
     * when the plan holds removals back, so the set will not be the one digested).
     */
    record ViewerPlan(String viewerId, List<ContactChange> changes, ViewerDigest.Planned digest) {
    }

    /**
     * Writes several viewers' plans as {@link #enqueue(long, String, List, ViewerDigest.Planned)}
     * does, in one unit of work.
     */
    default void enqueue(long runId, List<ViewerPlan> plans) {
        plans.forEach(plan -> enqueue(runId, plan.viewerId(), plan.changes(), plan.digest()));
    }

    /** {@link #viewerDigest} of each of these viewers that has one. */
    default Map<String, String> viewerDigests(Collection<String> viewerIds) {
        Map<String, String> digests = new HashMap<>();
        viewerIds.forEach(id -> viewerDigest(id).ifPresent(digest -> digests.put(id, digest)));
        return digests;
    }

    /** {@link #deliveredFingerprints(String)} of each of these viewers that holds any. */
    default Map<String, Map<String, String>> deliveredFingerprints(Collection<String> viewerIds) {
        Map<String, Map<String, String>> delivered = new HashMap<>();
        for (String id : viewerIds) {
            Map<String, String> held = deliveredFingerprints(id);
            if (!held.isEmpty()) {
                delivered.put(id, held);
            }
        }
        return delivered;
    }

    /** The digest of the viewer's contact set as last planned, if it still stands. */
    Optional<String> viewerDigest(String viewerId);

    /** Hands one viewer's changes to the platform; a refusal fails only that viewer's changes. */
    @FunctionalInterface
    interface Delivery {
        void deliver(String viewerId, List<PlannedChange> changes) throws ContactPlatform.DeliveryException;
    }

    /** What one drained batch came to: changes delivered and changes the platform refused. */
    record Drained(long delivered, long failed) {
        public boolean none() {
            return delivered == 0 && failed == 0;
        }
    }

    /**
     * Takes a batch of the run's pending changes from the outbox (rows another worker holds are
     * skipped), delivers them viewer by viewer, and in the same unit of work records each delivered
     * change as the viewer's delivered state and marks it delivered, or marks it failed with the
     * platform's reason. A crash before the unit of work ends leaves the batch pending, to be
     * delivered again under the same idempotency keys.
     *
     * @return what was done; {@link Drained#none()} when nothing is pending
     */
    Drained drain(long runId, int batchSize, Delivery delivery);

    /** What a run's outbox holds. */
    record OutboxCounts(long adds, long updates, long removes, long pending, long delivered, long failed) {
        public long total() {
            return adds + updates + removes;
        }
    }

    /** Counts the run's planned changes and how far their delivery has come. */
    OutboxCounts outbox(long runId);

    /**
     * Drops the run's undelivered changes (its plan was rejected, superseded or never completed),
     * and the digests of the viewers they were for.
     */
    long discardPlan(long runId);

    /**
     * Empties the outbox of this run, which has ended, and of every run before it. The outbox is a
     * queue, not an archive: what a run delivered is its viewers' delivered state now, so no copy of
     * anyone's released fields outlives the run. Changes an earlier run left undelivered (it failed
     * or was stopped) go with the digests of the viewers they were for, as {@link #discardPlan} does.
     *
     * @return how many changes were dropped
     */
    long clearOutboxThrough(long runId);
}
