package org.roster.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.roster.directory.Employee;
import org.roster.directory.Rejection;
import org.roster.policy.Person;
import org.roster.policy.PersonField;

/**
 * The {@link StateStore} port in memory, for tests: the same rules as the database adapter
 * ({@code JpaStateStore}) with TreeMaps instead of tables, and split by role the same way
 * ({@link InMemoryDirectorySnapshot}, {@link InMemoryStoredReads}, {@link InMemoryAudiences},
 * {@link InMemoryOutbox}, {@link InMemoryRunLog}, {@link InMemoryDataQuality}), the roles sharing
 * {@link InMemoryTables}. Lists are read in keyset pages in id order, each page copied before it is
 * handed out, so callbacks may change the store as a database adapter's would.
 *
 * <pre>{@code
 * InMemoryStateStore store = new InMemoryStateStore();
 * new SyncPipeline(source, normaliser, evaluator, store, platform, audit, clock).run(1, false, new RunProgress(0));
 * store.deliveredTo("p1"); // contact id -> card as last delivered
 * }</pre>
 */
final class InMemoryStateStore implements StateStore {

    private final InMemoryTables tables = new InMemoryTables();
    /** The store's clock, which a test moves forward to let retention periods pass. */
    Clock clock = Clock.systemUTC();

    private final InMemoryDirectorySnapshot snapshot = new InMemoryDirectorySnapshot(tables, () -> clock.instant());
    private final InMemoryStoredReads reads = new InMemoryStoredReads(tables);
    private final InMemoryAudiences audiences = new InMemoryAudiences(tables);
    private final InMemoryOutbox outbox = new InMemoryOutbox(tables);
    private final InMemoryRunLog runs = new InMemoryRunLog(tables);
    private final InMemoryDataQuality quality = new InMemoryDataQuality(tables);

    /** How many employees runs stored anew (not only marked seen). */
    final AtomicLong employeesWritten = tables.employeesWritten;
    /** How often a viewer's delivered contacts were read: what the digest saves. */
    final AtomicLong deliveredReads = tables.deliveredReads;
    /** How many rejections were recorded again from what was remembered, without normalising. */
    final AtomicLong rejectedAgain = tables.rejectedAgain;

    // --- the directory snapshot ---

    @Override
    public Map<String, Person.SelfService> selfService(Collection<String> ids) {
        return snapshot.selfService(ids);
    }

    @Override
    public Map<String, String> storedFingerprints(Collection<String> employeeIds) {
        return snapshot.storedFingerprints(employeeIds);
    }

    @Override
    public List<Employee> choseSinceDecided() {
        return snapshot.choseSinceDecided();
    }

    @Override
    public void markSeen(long runId, Collection<String> employeeIds) {
        snapshot.markSeen(runId, employeeIds);
    }

    @Override
    public void markSeen(long runId, Map<String, String> readFingerprints) {
        snapshot.markSeen(runId, readFingerprints);
    }

    @Override
    public Map<String, String> readByRun(long runId, Collection<String> ids) {
        return snapshot.readByRun(runId, ids);
    }

    @Override
    public void saveEntries(long runId, List<Decided> decided, List<Rejection> rejected) {
        snapshot.saveEntries(runId, decided, rejected);
    }

    @Override
    public long markGone(Collection<String> employeeIds) {
        return snapshot.markGone(employeeIds);
    }

    @Override
    public long markUnseenAsGone(long runId) {
        return snapshot.markUnseenAsGone(runId);
    }

    @Override
    public List<String> purgeGoneBefore(Instant cutoff) {
        return snapshot.purgeGoneBefore(cutoff);
    }

    // --- stored reads ---

    @Override
    public void forEachStoredRead(int pageSize, Consumer<StoredRead> read) {
        reads.forEachStoredRead(pageSize, read);
    }

    @Override
    public void rememberRejected(List<RejectedRead> rejected) {
        reads.rememberRejected(rejected);
    }

    @Override
    public void forgetRejected(Collection<String> employeeIds) {
        reads.forgetRejected(employeeIds);
    }

    @Override
    public void forEachRejectedRead(BiConsumer<String, String> read) {
        reads.forEachRejectedRead(read);
    }

    @Override
    public long rejectAgain(long runId, Collection<String> employeeIds) {
        return reads.rejectAgain(runId, employeeIds);
    }

    // --- audiences ---

    @Override
    public long countViewers() {
        return audiences.countViewers();
    }

    @Override
    public void forEachViewer(int pageSize, Consumer<Employee> viewer) {
        audiences.forEachViewer(pageSize, viewer);
    }

    @Override
    public void forEachContact(int pageSize, Consumer<Employee> contact) {
        audiences.forEachContact(pageSize, contact);
    }

    @Override
    public void forEachActive(int pageSize, Consumer<Employee> employee) {
        audiences.forEachActive(pageSize, employee);
    }

    @Override
    public List<Employee> contactsWith(PersonField field, String value) {
        return audiences.contactsWith(field, value);
    }

    @Override
    public List<Employee> contactsInGroup(String groupDn) {
        return audiences.contactsInGroup(groupDn);
    }

    @Override
    public List<Employee> contactsReportingTo(String managerReference) {
        return audiences.contactsReportingTo(managerReference);
    }

    @Override
    public Optional<Employee> byReference(String reference) {
        return audiences.byReference(reference);
    }

    @Override
    public List<Employee> activeWith(PersonField field, String value) {
        return audiences.activeWith(field, value);
    }

    @Override
    public List<Employee> activeInGroup(String groupDn) {
        return audiences.activeInGroup(groupDn);
    }

    @Override
    public List<Employee> activeReportingTo(String managerReference) {
        return audiences.activeReportingTo(managerReference);
    }

    @Override
    public boolean isDeliverable(String employeeId) {
        return audiences.isDeliverable(employeeId);
    }

    // --- the outbox ---

    @Override
    public long countDelivered() {
        return outbox.countDelivered();
    }

    @Override
    public Map<String, String> deliveredFingerprints(String viewerId) {
        return outbox.deliveredFingerprints(viewerId);
    }

    @Override
    public void forEachFormerViewer(int pageSize, Consumer<String> viewerId) {
        outbox.forEachFormerViewer(pageSize, viewerId);
    }

    @Override
    public Optional<String> viewerDigest(String viewerId) {
        return outbox.viewerDigest(viewerId);
    }

    @Override
    public void enqueue(long runId, String viewerId, List<ContactChange> changes, ViewerDigest.Planned digest) {
        outbox.enqueue(runId, viewerId, changes, digest);
    }

    @Override
    public Drained drain(long runId, int batchSize, Delivery delivery) {
        return outbox.drain(runId, batchSize, delivery);
    }

    @Override
    public OutboxCounts outbox(long runId) {
        return outbox.outbox(runId);
    }

    @Override
    public long discardPlan(long runId) {
        return outbox.discardPlan(runId);
    }

    @Override
    public long clearOutboxThrough(long runId) {
        return outbox.clearOutboxThrough(runId);
    }

    // --- the run log ---

    @Override
    public boolean planStands(String basis) {
        return runs.planStands(basis);
    }

    @Override
    public void planMade(String basis, long runId) {
        runs.planMade(basis, runId);
    }

    @Override
    public long lastCompleteReadCount() {
        return runs.lastCompleteReadCount();
    }

    @Override
    public void saveProgress(long runId, RunProgress progress) {
        runs.saveProgress(runId, progress);
    }

    // --- data quality ---

    @Override
    public List<List<String>> sharedMobiles() {
        return quality.sharedMobiles();
    }

    @Override
    public List<String> decidedBy(String ruleId) {
        return quality.decidedBy(ruleId);
    }

    @Override
    public List<Stored> stored(Collection<String> employeeIds) {
        return quality.stored(employeeIds);
    }

    @Override
    public void redecide(List<Decided> decided) {
        quality.redecide(decided);
    }

    @Override
    public void recordQuality(long runId, String source, List<List<String>> shared) {
        quality.recordQuality(runId, source, shared);
    }

    @Override
    public Optional<QualityReport> quality(long runId) {
        return quality.quality(runId);
    }

    // --- what tests set up and look at -------------------------------------------------------

    /** Whether the store holds a row of the employee, active or gone. */
    boolean holds(String employeeId) {
        synchronized (tables) {
            return tables.employees.containsKey(employeeId);
        }
    }

    /** A self-service choice, as the application would have stored it. */
    void choose(String employeeId, Person.SelfService choice) {
        synchronized (tables) {
            tables.choices.put(employeeId, choice);
            tables.chosenAt.put(employeeId, tables.tick());
        }
    }

    /** An active employee as a run stored them: their read fingerprint, scope and choices only. */
    void storeRead(String employeeId, String readFingerprint, boolean inScope, Person.SelfService choice) {
        synchronized (tables) {
            InMemoryTables.Row row = tables.employees.computeIfAbsent(employeeId, id -> new InMemoryTables.Row());
            row.active = true;
            row.inScope = inScope;
            row.readFingerprint = readFingerprint;
            tables.choices.put(employeeId, choice);
        }
    }

    /** Changes the outbox holds, of any run and state. */
    int queued() {
        synchronized (tables) {
            return tables.outbox.size();
        }
    }

    /** The cards last delivered to a viewer, by contact id; empty when nothing was. */
    Map<String, ContactCard> deliveredTo(String viewerId) {
        synchronized (tables) {
            return Map.copyOf(tables.delivered.getOrDefault(viewerId, Collections.emptyNavigableMap()));
        }
    }

    /** Every viewer holding delivered contacts. */
    List<String> viewersWithDeliveries() {
        synchronized (tables) {
            return List.copyOf(tables.delivered.keySet());
        }
    }

    /** The employee's row, if the store has one. */
    Optional<InMemoryTables.Row> row(String employeeId) {
        synchronized (tables) {
            return Optional.ofNullable(tables.employees.get(employeeId));
        }
    }

    /** The stage of a run as last saved, so a test sees what the API would show. */
    Optional<RunProgress.Stage> savedStage(long runId) {
        synchronized (tables) {
            return Optional.ofNullable(tables.savedStages.get(runId));
        }
    }

    /** The ids whose rejected reads are remembered. */
    Set<String> rejectedReadIds() {
        synchronized (tables) {
            return Set.copyOf(tables.rejectedReads.keySet());
        }
    }

    /** Every rejection stored, in the order they were saved. */
    List<InMemoryTables.StoredRejection> rejections() {
        synchronized (tables) {
            return List.copyOf(tables.rejections);
        }
    }
}
