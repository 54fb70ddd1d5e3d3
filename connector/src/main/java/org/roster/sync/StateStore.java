package org.roster.sync;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.roster.directory.Employee;
import org.roster.directory.Rejection;
import org.roster.policy.PersonField;
import org.roster.policy.ScopeDecision;

/**
 * A port: where Roster keeps the directory as last read, the contacts last delivered to each viewer,
 * and its runs. Each method is one unit of work (its own transaction in a database adapter).
 *
 * <pre>{@code
 * store.saveEntries(runId, List.of(new StateStore.Decided(employee, decision)), List.of());
 * store.forEachViewer(200, viewer -> plan(viewer));
 * }</pre>
 */
public interface StateStore {

    /** What each of these employees chose in self-service; employees who chose nothing are absent. */
    Map<String, org.roster.policy.Person.SelfService> selfService(java.util.Collection<String> employeeIds);

    /**
     * An employee with the scope decision the active policy made about them.
     *
     * @param readFingerprint the entry's {@link ReadFingerprint} as read, or empty when the run did
     *                        not take one (a merged entry): such an employee is normalised and
     *                        decided again at every full run
     * @param fingerprint     a fingerprint of everything a run stores about the employee: what was
     *                        read, and the scope decision with its rule and reason. Equal
     *                        fingerprints mean storing the entry again would change nothing. Made
     *                        once, by the constructors without it
     */
    record Decided(Employee employee, ScopeDecision scope, String readFingerprint, String fingerprint) {

        public Decided {
            java.util.Objects.requireNonNull(readFingerprint, "readFingerprint");
            java.util.Objects.requireNonNull(fingerprint, "fingerprint");
        }

        public Decided(Employee employee, ScopeDecision scope, String readFingerprint) {
            this(employee, scope, readFingerprint, fingerprintOf(employee, scope));
        }

        public Decided(Employee employee, ScopeDecision scope) {
            this(employee, scope, "");
        }

        /** The {@link #fingerprint} of an employee so decided. */
        private static String fingerprintOf(Employee employee, ScopeDecision scope) {
            String reason = scope instanceof ScopeDecision.Excluded ex ? ex.reason()
                    : scope instanceof ScopeDecision.ViewerOnly only ? only.reason() : null;
            return EmployeeFingerprint.of(employee, scope.receives(), scope.delivered(), scope.ruleId(), reason);
        }
    }

    /**
     * The {@link Decided#fingerprint() fingerprint} of each of these employees as stored, for those
     * present in the directory (an employee marked gone has none, so reading them again stores them).
     */
    Map<String, String> storedFingerprints(java.util.Collection<String> employeeIds);

    /**
     * What deciding a batch of read employees needs from the store, asked at once: the self-service
     * choices of every one of {@code employeeIds}, and the stored fingerprints of those of them in
     * {@code fingerprinted} (as {@link #storedFingerprints}).
     */
    default Known known(java.util.Collection<String> employeeIds, java.util.Collection<String> fingerprinted) {
        return new Known(selfService(employeeIds), storedFingerprints(fingerprinted));
    }

    /** A batch's {@link #known} state: choices and fingerprints by employee id; absent when none. */
    record Known(Map<String, org.roster.policy.Person.SelfService> choices, Map<String, String> fingerprints) {
    }

    /**
     * The active employees whose self-service choice was made after their scope was last decided
     * and stored: a read of changes, which does not read their entries, decides them again
     * ({@link LateChoices}). None for a store that keeps no such times.
     */
    default List<Employee> choseSinceDecided() {
        return List.of();
    }

    /**
     * Marks employees read again without change as seen by the run, so a complete read does not take
     * them for gone; nothing else about them is written.
     */
    void markSeen(long runId, java.util.Collection<String> employeeIds);

    /**
     * Marks employees read again without change as seen by the run, keeping each one's read
     * fingerprint as given (an entry may read differently, with extra white space say, and still
     * normalise to what is stored): the next full run then skips them unread.
     */
    default void markSeen(long runId, Map<String, String> readFingerprints) {
        markSeen(runId, readFingerprints.keySet());
    }

    /**
     * What a full run compares an entry with before normalising it: the employee's stored
     * {@link ReadFingerprint} (empty when none was kept), whether they receive contacts, and their
     * self-service choices.
     */
    record StoredRead(String employeeId, String readFingerprint, boolean receives,
                      org.roster.policy.Person.SelfService choices) {
    }

    /**
     * Every active employee's {@link StoredRead}, page by page; memory stays bounded by the page
     * size.
     */
    void forEachStoredRead(int pageSize, Consumer<StoredRead> read);

    /**
     * An entry rejected for what it holds (not for sharing an identity), with the read fingerprint
     * it was rejected as ({@link ReadFingerprint}, without self-service choices, which no rejection
     * depends on).
     */
    record RejectedRead(Rejection rejection, String readFingerprint) {
    }

    /**
     * Keeps what these rejections were rejected as, so that a full run which reads one of the entries
     * again unchanged can record the same rejection without normalising the entry
     * ({@link #rejectAgain}). One per identity: a later rejection replaces an earlier one.
     */
    default void rememberRejected(List<RejectedRead> rejected) {
    }

    /**
     * Forgets what these were rejected as: they are no longer in the directory (a complete read did
     * not meet them, or the source reported them deleted). A rejection's name in the directory is
     * personal data, kept no longer than the entry is there.
     */
    default void forgetRejected(java.util.Collection<String> employeeIds) {
    }

    /** Every remembered rejected read: the employee id and the read fingerprint it was rejected as. */
    default void forEachRejectedRead(java.util.function.BiConsumer<String, String> read) {
    }

    /**
     * Records for this run the remembered rejections of these employees ({@link #rememberRejected}),
     * as saving them again would: each rejection is listed with the run, and an employee with a last
     * good state keeps it and counts as seen. Returns how many were recorded.
     */
    default long rejectAgain(long runId, java.util.Collection<String> employeeIds) {
        throw new UnsupportedOperationException("this store remembers no rejected reads");
    }

    /**
     * Whether the last complete plan still stands: it was made on this basis (the policy), nothing
     * it was made from has changed since (no employee stored anew or gone, no delivery refused, no
     * plan discarded), and every viewer still holds the digest it left. Then planning again would
     * change nothing.
     */
    boolean planStands(String basis);

    /**
     * Does the work, a few calls to this store, as one unit: where the store has transactions, the
     * calls made on this thread share one, and are committed together, once. A unit keeps what
     * belongs together together, and costs one commit rather than one per call.
     */
    default <T> T together(java.util.function.Supplier<T> work) {
        return work.get();
    }

    /**
     * What a run asks before it plans, at once: how many viewers there are ({@link #countViewers}),
     * and whether the last complete plan stands on this basis ({@link #planStands}).
     */
    default Planning planning(String basis) {
        return new Planning(countViewers(), planStands(basis));
    }

    /** A run's {@link #planning} question answered: the viewers to plan, and whether the last plan stands. */
    record Planning(long viewers, boolean stands) {
    }

    /** Records that every viewer's contacts were planned, completely, on this basis. */
    void planMade(String basis, long runId);

    /**
     * Of these ids, the ones this run has already read, with the directory name (DN) it read each
     * at: a second entry with the same identity in one read is a duplicate.
     */
    Map<String, String> readByRun(long runId, java.util.Collection<String> ids);

    /** Saves a batch of read entries: accepted employees (marked as seen by the run) and rejections. */
    void saveEntries(long runId, List<Decided> employees, List<Rejection> rejections);

    /** Marks these employees gone, as a source that reports deletions said; returns how many were active. */
    long markGone(java.util.Collection<String> employeeIds);

    /** After a complete read: marks employees the run did not see as gone; returns how many. */
    long markUnseenAsGone(long runId);

    /**
     * Deletes what is held about employees who left the directory before {@code cutoff}: their
     * directory data, group memberships, self-service choices and the rejections that name them.
     * Someone still held as a delivered contact or viewer is kept until that is undone. Returns the
     * ids purged, so the audit trail can say whose data went (ids only).
     */
    List<String> purgeGoneBefore(java.time.Instant cutoff);

    /** How many contacts are delivered now, over all viewers. */
    long countDelivered();

    /** How many employees receive contacts now. */
    long countViewers();

    /**
     * Every employee who receives contacts, with their groups, page by page in id order; memory
     * stays bounded by the page size.
     */
    void forEachViewer(int pageSize, Consumer<Employee> viewer);

    /** The employees who may be delivered as contacts whose field has this value, e.g. a department. */
    List<Employee> contactsWith(PersonField field, String value);

    /**
     * The first {@code atMost} of {@link #contactsWith(PersonField, String)} by id as
     * {@link String#compareTo} orders ids (as a policy's cap does), whatever order the store keeps:
     * a plan that caps each viewer's contacts needs no more of a large department.
     */
    default List<Employee> contactsWith(PersonField field, String value, int atMost) {
        List<Employee> all = new java.util.ArrayList<>(contactsWith(field, value));
        all.sort(java.util.Comparator.comparing(Employee::id));
        return all.size() <= atMost ? all : List.copyOf(all.subList(0, atMost));
    }

    /** The employees who may be delivered as contacts and are members of the group. */
    List<Employee> contactsInGroup(String groupDn);

    /** The employees who may be delivered as contacts and whose manager is this reference (DN). */
    List<Employee> contactsReportingTo(String managerReference);

    /** The active employee at this reference (DN), whatever their scope: to walk a manager chain. */
    java.util.Optional<Employee> byReference(String reference);

    /** Whether this employee may be delivered as a contact now. */
    boolean isDeliverable(String employeeId);

    /** Every active employee (present in the directory), whatever their scope, page by page in id order. */
    void forEachActive(int pageSize, Consumer<Employee> employee);

    /** The active employees whose field has this value, whatever their scope. */
    List<Employee> activeWith(PersonField field, String value);

    /** The active members of the group, whatever their scope. */
    List<Employee> activeInGroup(String groupDn);

    /** The active employees whose manager is this reference (DN), whatever their scope. */
    List<Employee> activeReportingTo(String managerReference);

    /** Every employee who may be delivered as a contact, page by page in id order. */
    void forEachContact(int pageSize, Consumer<Employee> employee);

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
    default Map<String, String> viewerDigests(java.util.Collection<String> viewerIds) {
        Map<String, String> digests = new java.util.HashMap<>();
        viewerIds.forEach(id -> viewerDigest(id).ifPresent(digest -> digests.put(id, digest)));
        return digests;
    }

    /** {@link #deliveredFingerprints(String)} of each of these viewers that holds any. */
    default Map<String, Map<String, String>> deliveredFingerprints(java.util.Collection<String> viewerIds) {
        Map<String, Map<String, String>> delivered = new java.util.HashMap<>();
        for (String id : viewerIds) {
            Map<String, String> held = deliveredFingerprints(id);
            if (!held.isEmpty()) {
                delivered.put(id, held);
            }
        }
        return delivered;
    }

    /** The digest of the viewer's contact set as last planned, if it still stands. */
    java.util.Optional<String> viewerDigest(String viewerId);

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

    /** How many entries the last complete read brought, to estimate progress; 0 if none. */
    long lastCompleteReadCount();

    /** Saves the run's live progress so the API shows it. */
    void saveProgress(long runId, RunProgress progress);
}
