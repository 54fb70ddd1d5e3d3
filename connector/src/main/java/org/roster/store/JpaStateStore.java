package org.roster.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import org.roster.directory.Employee;
import org.roster.directory.Rejection;
import org.roster.policy.Person;
import org.roster.policy.PersonField;
import org.roster.sync.ContactChange;
import org.roster.sync.LeaseLost;
import org.roster.sync.QualityReport;
import org.roster.sync.RunProgress;
import org.roster.sync.StateStore;
import org.roster.sync.ViewerDigest;

/**
 * The {@link StateStore} on Jakarta Persistence: its roles, each a class of its own
 * ({@link JpaDirectorySnapshot}, {@link JpaStoredReads}, {@link JpaAudiences}, {@link JpaOutbox},
 * {@link JpaRunLog}, {@link JpaDataQuality}), over one entity manager and one set of transactions,
 * so that {@link #together} joins the calls of all of them. Every method is one transaction; lists
 * are read page by page so memory does not grow with the directory.
 *
 * <pre>{@code
 * StateStore store = new JpaStateStore(entityManager, transactions, Clock.systemUTC());
 * }</pre>
 */
public final class JpaStateStore implements StateStore {

    private final StoreAccess access;
    private final JpaDirectorySnapshot snapshot;
    private final JpaStoredReads reads;
    private final JpaAudiences audiences;
    private final JpaOutbox outbox;
    /** The run log, in this store's transactions; it holds the lease of the run this store carries, if any. */
    private final JpaRunLog runs;
    private final JpaDataQuality quality;

    public JpaStateStore(EntityManager em, Transactions tx, Clock clock) {
        this(em, tx, clock, new JpaRunLog(em, tx, clock));
    }

    /**
     * A store that writes the run {@code runs} carries only under that run's lease: each write of the
     * run (its progress, plan, outbox claims, deliveries, end) checks the lease in the unit of work it
     * makes, and one that finds the lease gone throws {@link LeaseLost} and is undone.
     */
    public JpaStateStore(EntityManager em, Transactions tx, Clock clock, JpaRunLog runs) {
        this.access = new StoreAccess(em, tx, clock);
        this.runs = runs.in(access.tx);
        this.reads = new JpaStoredReads(access);
        this.quality = new JpaDataQuality(access);
        this.snapshot = new JpaDirectorySnapshot(access, reads, quality);
        this.audiences = new JpaAudiences(access);
        this.outbox = new JpaOutbox(access, this.runs);
    }

    /** The calls the work makes on this thread, on any of the roles, share one transaction: one commit for all. */
    @Override
    public <T> T together(Supplier<T> work) {
        return access.together(work);
    }

    /** The released fields as the store keeps them: a flat JSON object keyed by the policy's field names. */
    public static String toJson(Map<PersonField, String> fields) {
        return ChangeRows.toJson(fields);
    }

    /** Reads what {@link #toJson} wrote. */
    public static Map<PersonField, String> fromJson(String text) {
        return ChangeRows.fromJson(text);
    }

    // --- the directory snapshot ---

    @Override
    public Map<String, Person.SelfService> selfService(Collection<String> employeeIds) {
        return snapshot.selfService(employeeIds);
    }

    @Override
    public Map<String, String> storedFingerprints(Collection<String> employeeIds) {
        return snapshot.storedFingerprints(employeeIds);
    }

    @Override
    public Known known(Collection<String> employeeIds, Collection<String> fingerprinted) {
        return snapshot.known(employeeIds, fingerprinted);
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
    public void saveEntries(long runId, List<Decided> employees, List<Rejection> rejections) {
        snapshot.saveEntries(runId, employees, rejections);
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
    public List<Employee> contactsWith(PersonField field, String value) {
        return audiences.contactsWith(field, value);
    }

    @Override
    public List<Employee> contactsWith(PersonField field, String value, int atMost) {
        return audiences.contactsWith(field, value, atMost);
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
    public Map<String, Map<String, String>> deliveredFingerprints(Collection<String> viewerIds) {
        return outbox.deliveredFingerprints(viewerIds);
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
    public Map<String, String> viewerDigests(Collection<String> viewerIds) {
        return outbox.viewerDigests(viewerIds);
    }

    @Override
    public void enqueue(long runId, String viewerId, List<ContactChange> changes, ViewerDigest.Planned digest) {
        outbox.enqueue(runId, viewerId, changes, digest);
    }

    @Override
    public void enqueue(long runId, List<ViewerPlan> plans) {
        outbox.enqueue(runId, plans);
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
    public Planning planning(String basis) {
        return runs.planning(basis);
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
}
