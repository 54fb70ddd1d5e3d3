package org.roster.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.roster.directory.Employee;
import org.roster.directory.Rejection;
import org.roster.policy.Names;
import org.roster.policy.Person;
import org.roster.policy.PersonField;
import org.roster.policy.ScopeDecision;

/**
 * The {@link StateStore} port in memory, for tests: the same rules as the database adapter
 * ({@code JpaStateStore}) with TreeMaps instead of tables. Employees are rows keyed by id that turn
 * GONE when a complete read did not see them; a rejected entry keeps its last good row; lists are
 * read in keyset pages in id order, each page copied before it is handed out, so callbacks may
 * change the store as a database adapter's would.
 *
 * <pre>{@code
 * InMemoryStateStore store = new InMemoryStateStore();
 * new SyncPipeline(source, normaliser, evaluator, store, platform, audit, clock).run(1, false, new RunProgress(0));
 * store.deliveredTo("p1"); // contact id -> card as last delivered
 * }</pre>
 */
final class InMemoryStateStore implements StateStore {

    /** One employee row, as the database adapter keeps it. */
    static final class Row {
        Employee employee;
        boolean active;
        Instant goneAt;
        boolean inScope;
        boolean contactAllowed;
        String scopeRule;
        String scopeReason;
        long lastSeenRun;
        String fingerprint;
        String readFingerprint = "";
        /** When the row was last decided and stored, on the store's {@link #tick}. */
        long decidedAt;
        boolean regionGuessed;
    }

    /** Orders decisions and self-service choices, as the database's timestamps do. */
    private long tick;
    /** When each self-service choice was made, on {@link #tick}. */
    private final Map<String, Long> chosenAt = new TreeMap<>();

    @Override
    public synchronized List<Employee> choseSinceDecided() {
        return employees.values().stream().filter(r -> r.active && r.employee != null
                && chosenAt.getOrDefault(r.employee.id(), 0L) > r.decidedAt).map(r -> r.employee).toList();
    }

    /** A rejection as stored with its run. */
    record StoredRejection(long runId, Rejection rejection) {
    }

    private final NavigableMap<String, Row> employees = new TreeMap<>();
    private final NavigableMap<String, NavigableMap<String, ContactCard>> delivered = new TreeMap<>();
    private final List<StoredRejection> rejections = new ArrayList<>();
    private final Map<Long, RunProgress.Stage> savedStages = new TreeMap<>();

    @Override
    public synchronized Map<String, String> readByRun(long runId, Collection<String> ids) {
        Map<String, String> seen = new HashMap<>();
        for (String id : ids) {
            Row row = employees.get(id);
            if (row != null && row.lastSeenRun == runId && row.employee != null) {
                seen.put(id, row.employee.reference());
            }
        }
        return seen;
    }

    @Override
    public synchronized void saveEntries(long runId, List<Decided> decided, List<Rejection> rejected) {
        for (Decided d : decided) {
            Row row = employees.computeIfAbsent(d.employee().id(), id -> new Row());
            row.employee = d.employee();
            row.active = true;
            row.inScope = d.scope().receives();
            row.contactAllowed = d.scope().delivered();
            row.scopeRule = d.scope().ruleId();
            row.scopeReason = reasonOf(d.scope());
            row.regionGuessed = d.regionGuessed();
            row.lastSeenRun = runId;
            row.fingerprint = d.fingerprint();
            row.readFingerprint = d.readFingerprint();
            row.decidedAt = ++tick;
            rejectedReads.remove(d.employee().id());
            employeesWritten.incrementAndGet();
        }
        if (!decided.isEmpty()) {
            planBasis = null;
        }
        for (Rejection rejection : rejected) {
            // as in the database adapter: a rejected entry keeps its last good state
            rejection.employeeId().map(employees::get).ifPresent(row -> row.lastSeenRun = runId);
            rejections.add(new StoredRejection(runId, rejection));
        }
    }

    /** The basis of the last complete plan while nothing it was made from has changed. */
    private String planBasis;
    /** How many employees runs stored anew (not only marked seen). */
    final AtomicLong employeesWritten = new AtomicLong();

    @Override
    public synchronized Map<String, String> storedFingerprints(Collection<String> employeeIds) {
        Map<String, String> stored = new HashMap<>();
        for (String id : employeeIds) {
            Row row = employees.get(id);
            if (row != null && row.active && row.fingerprint != null) {
                stored.put(id, row.fingerprint);
            }
        }
        return stored;
    }

    @Override
    public synchronized void markSeen(long runId, Collection<String> employeeIds) {
        employeeIds.forEach(id -> employees.get(id).lastSeenRun = runId);
    }

    @Override
    public synchronized void markSeen(long runId, Map<String, String> readFingerprints) {
        readFingerprints.forEach((id, fingerprint) -> {
            Row row = employees.get(id);
            row.lastSeenRun = runId;
            if (!fingerprint.isEmpty()) {
                row.readFingerprint = fingerprint;
            }
        });
    }

    @Override
    public void forEachStoredRead(int pageSize, Consumer<StoredRead> read) {
        List<StoredRead> reads = new ArrayList<>();
        synchronized (this) {
            employees.forEach((id, row) -> {
                if (row.active) {
                    reads.add(new StoredRead(id, row.readFingerprint, row.inScope,
                            choices.getOrDefault(id, Person.SelfService.NONE)));
                }
            });
        }
        reads.forEach(read);
    }

    @Override
    public synchronized boolean planStands(String basis) {
        return basis.equals(planBasis) && employees.values().stream()
                .filter(r -> r.active && r.inScope).allMatch(r -> digests.containsKey(r.employee.id()));
    }

    @Override
    public synchronized void planMade(String basis, long runId) {
        planBasis = basis;
    }

    @Override
    public synchronized long markGone(Collection<String> employeeIds) {
        return goneWhere(row -> employeeIds.contains(row.employee == null ? null : row.employee.id()));
    }

    @Override
    public synchronized long markUnseenAsGone(long runId) {
        return goneWhere(row -> row.lastSeenRun != runId);
    }

    private long goneWhere(Predicate<Row> which) {
        long gone = 0;
        for (Row row : employees.values()) {
            if (row.active && which.test(row)) {
                row.active = false;
                row.inScope = false;
                row.contactAllowed = false;
                row.goneAt = clock.instant();
                gone++;
            }
        }
        if (gone > 0) {
            planBasis = null;
        }
        return gone;
    }

    /** The store's clock, which a test moves forward to let retention periods pass. */
    Clock clock = Clock.systemUTC();

    @Override
    public synchronized List<String> purgeGoneBefore(Instant cutoff) {
        List<String> purged = employees.values().stream().filter(r -> !r.active && r.goneAt != null
                && r.goneAt.isBefore(cutoff)).map(r -> r.employee.id())
                .filter(id -> delivered.getOrDefault(id, Collections.emptyNavigableMap()).isEmpty()
                        && delivered.values().stream().noneMatch(cards -> cards.containsKey(id)))
                .toList();
        purged.forEach(id -> {
            employees.remove(id);
            choices.remove(id);
        });
        rejections.removeIf(r -> r.rejection().employeeId().map(purged::contains).orElse(false));
        return purged;
    }

    synchronized boolean holds(String employeeId) {
        return employees.containsKey(employeeId);
    }

    @Override
    public synchronized long countDelivered() {
        return delivered.values().stream().mapToLong(Map::size).sum();
    }

    @Override
    public synchronized long countViewers() {
        return employees.values().stream().filter(r -> r.inScope).count();
    }

    /** Self-service choices, as the application would have stored them. */
    private final Map<String, Person.SelfService> choices = new TreeMap<>();

    synchronized void choose(String employeeId, Person.SelfService choice) {
        choices.put(employeeId, choice);
        chosenAt.put(employeeId, ++tick);
    }

    /** An active employee as a run stored them: their read fingerprint, scope and choices only. */
    synchronized void storeRead(String employeeId, String readFingerprint, boolean inScope,
                                Person.SelfService choice) {
        Row row = employees.computeIfAbsent(employeeId, id -> new Row());
        row.active = true;
        row.inScope = inScope;
        row.readFingerprint = readFingerprint;
        choices.put(employeeId, choice);
    }

    @Override
    public synchronized Map<String, Person.SelfService> selfService(Collection<String> ids) {
        Map<String, Person.SelfService> found = new TreeMap<>();
        ids.stream().filter(choices::containsKey).forEach(id -> found.put(id, choices.get(id)));
        return found;
    }

    @Override
    public void forEachViewer(int pageSize, Consumer<Employee> viewer) {
        pages(pageSize, after -> {
            synchronized (this) {
                return employees.tailMap(after, false).values().stream().filter(r -> r.inScope)
                        .limit(pageSize).map(r -> r.employee).toList();
            }
        }, Employee::id, viewer);
    }

    @Override
    public void forEachContact(int pageSize, Consumer<Employee> consumer) {
        pages(pageSize, after -> {
            synchronized (this) {
                return employees.tailMap(after, false).values().stream().filter(r -> r.contactAllowed)
                        .limit(pageSize).map(r -> r.employee).toList();
            }
        }, Employee::id, consumer);
    }

    @Override
    public synchronized List<Employee> contactsWith(PersonField field, String value) {
        return employees.values().stream()
                .filter(r -> r.contactAllowed && r.employee.value(field).filter(value::equals).isPresent())
                .map(r -> r.employee).toList();
    }

    @Override
    public synchronized List<Employee> contactsInGroup(String groupDn) {
        String group = Names.dn(groupDn);
        return employees.values().stream().filter(r -> r.contactAllowed && r.employee.groups().contains(group))
                .map(r -> r.employee).toList();
    }

    @Override
    public synchronized List<Employee> contactsReportingTo(String managerReference) {
        String manager = Names.dn(managerReference);
        return employees.values().stream().filter(r -> r.contactAllowed && r.employee.value(PersonField.MANAGER)
                .map(Names::dn).filter(manager::equals).isPresent()).map(r -> r.employee).toList();
    }

    @Override
    public synchronized Optional<Employee> byReference(String reference) {
        String key = Names.dn(reference);
        return employees.values().stream().filter(r -> r.active
                && Names.dn(r.employee.reference()).equals(key)).map(r -> r.employee).findFirst();
    }

    @Override
    public void forEachActive(int pageSize, Consumer<Employee> consumer) {
        pages(pageSize, after -> {
            synchronized (this) {
                return employees.tailMap(after, false).values().stream().filter(r -> r.active)
                        .limit(pageSize).map(r -> r.employee).toList();
            }
        }, Employee::id, consumer);
    }

    @Override
    public synchronized List<Employee> activeWith(PersonField field, String value) {
        return employees.values().stream().filter(r -> r.active && r.employee.value(field).filter(value::equals).isPresent())
                .map(r -> r.employee).toList();
    }

    @Override
    public synchronized List<Employee> activeInGroup(String groupDn) {
        String group = Names.dn(groupDn);
        return employees.values().stream().filter(r -> r.active && r.employee.groups().contains(group))
                .map(r -> r.employee).toList();
    }

    @Override
    public synchronized List<Employee> activeReportingTo(String managerReference) {
        String manager = Names.dn(managerReference);
        return employees.values().stream().filter(r -> r.active && r.employee.value(PersonField.MANAGER)
                .map(Names::dn).filter(manager::equals).isPresent()).map(r -> r.employee).toList();
    }

    @Override
    public synchronized boolean isDeliverable(String employeeId) {
        return Optional.ofNullable(employees.get(employeeId)).map(r -> r.contactAllowed).orElse(false);
    }

    @Override
    public synchronized Map<String, String> deliveredFingerprints(String viewerId) {
        deliveredReads.incrementAndGet();
        Map<String, String> fingerprints = new TreeMap<>();
        delivered.getOrDefault(viewerId, Collections.emptyNavigableMap())
                .forEach((contactId, card) -> fingerprints.put(contactId, card.plannedAs()));
        return fingerprints;
    }

    @Override
    public void forEachFormerViewer(int pageSize, Consumer<String> viewerId) {
        pages(pageSize, after -> {
            synchronized (this) {
                return delivered.tailMap(after, false).keySet().stream()
                        .filter(id -> !Optional.ofNullable(employees.get(id)).map(r -> r.inScope).orElse(false))
                        .limit(pageSize).toList();
            }
        }, Function.identity(), viewerId);
    }

    /** One change in the outbox. */
    static final class Queued {
        final long id;
        final long runId;
        final String viewerId;
        final ContactChange change;
        String state = "PENDING";

        Queued(long id, long runId, String viewerId, ContactChange change) {
            this.id = id;
            this.runId = runId;
            this.viewerId = viewerId;
            this.change = change;
        }
    }

    private final List<Queued> outbox = new ArrayList<>();
    private long nextChange = 1;

    private final Map<String, String> digests = new HashMap<>();
    /** How often a viewer's delivered contacts were read: what the digest saves. */
    final AtomicLong deliveredReads = new AtomicLong();

    @Override
    public synchronized Optional<String> viewerDigest(String viewerId) {
        return Optional.ofNullable(digests.get(viewerId));
    }

    @Override
    public synchronized void enqueue(long runId, String viewerId, List<ContactChange> changes,
                                     ViewerDigest.Planned digest) {
        if (digest == null) {
            digests.remove(viewerId);
            planBasis = null;
        } else {
            digests.put(viewerId, digest.digest());
        }
        for (ContactChange change : changes) {
            boolean known = outbox.stream().anyMatch(q -> q.runId == runId && q.viewerId.equals(viewerId)
                    && q.change.contactId().equals(change.contactId()));
            if (!known) {
                outbox.add(new Queued(nextChange++, runId, viewerId, change));
            }
        }
    }

    @Override
    public synchronized Drained drain(long runId, int batchSize, Delivery delivery) {
        List<Queued> batch = outbox.stream().filter(q -> q.runId == runId && q.state.equals("PENDING"))
                .sorted(Comparator.comparing((Queued q) -> q.viewerId).thenComparingLong(q -> q.id))
                .limit(batchSize).toList();
        long done = 0;
        long failed = 0;
        Map<String, List<Queued>> byViewer = new LinkedHashMap<>();
        batch.forEach(q -> byViewer.computeIfAbsent(q.viewerId, v -> new ArrayList<>()).add(q));
        // like the database's unit of work: a crash (any other exception) records nothing of the batch
        List<Runnable> commit = new ArrayList<>();
        for (Map.Entry<String, List<Queued>> viewer : byViewer.entrySet()) {
            try {
                delivery.deliver(viewer.getKey(), viewer.getValue().stream()
                        .map(q -> new PlannedChange("run-" + runId + "/change-" + q.id, q.change)).toList());
                commit.add(() -> {
                    record(viewer.getKey(), viewer.getValue().stream().map(q -> q.change).toList());
                    viewer.getValue().forEach(q -> q.state = "DELIVERED");
                });
                done += viewer.getValue().size();
            } catch (ContactPlatform.DeliveryException e) {
                commit.add(() -> {
                    viewer.getValue().forEach(q -> q.state = "FAILED");
                    digests.remove(viewer.getKey());
                    planBasis = null;
                });
                failed += viewer.getValue().size();
            }
        }
        commit.forEach(Runnable::run);
        return new Drained(done, failed);
    }

    @Override
    public synchronized OutboxCounts outbox(long runId) {
        List<Queued> run = outbox.stream().filter(q -> q.runId == runId).toList();
        return new OutboxCounts(run.stream().filter(q -> q.change instanceof ContactChange.Add).count(),
                run.stream().filter(q -> q.change instanceof ContactChange.Update).count(),
                run.stream().filter(q -> q.change instanceof ContactChange.Remove).count(),
                run.stream().filter(q -> q.state.equals("PENDING")).count(),
                run.stream().filter(q -> q.state.equals("DELIVERED")).count(),
                run.stream().filter(q -> q.state.equals("FAILED")).count());
    }

    @Override
    public synchronized long discardPlan(long runId) {
        List<Queued> pending = outbox.stream().filter(q -> q.runId == runId && q.state.equals("PENDING")).toList();
        pending.forEach(q -> digests.remove(q.viewerId));
        if (!pending.isEmpty()) {
            planBasis = null;
        }
        outbox.removeAll(pending);
        return pending.size();
    }

    @Override
    public synchronized long clearOutboxThrough(long runId) {
        List<Queued> ended = outbox.stream().filter(q -> q.runId <= runId).toList();
        ended.stream().filter(q -> q.state.equals("PENDING")).forEach(q -> {
            digests.remove(q.viewerId);
            planBasis = null;
        });
        outbox.removeAll(ended);
        return ended.size();
    }

    /** Changes the outbox holds, of any run and state. */
    synchronized int queued() {
        return outbox.size();
    }

    private void record(String viewerId, List<ContactChange> changes) {
        NavigableMap<String, ContactCard> cards = delivered.computeIfAbsent(viewerId, v -> new TreeMap<>());
        for (ContactChange change : changes) {
            if (change instanceof ContactChange.Add add) {
                cards.put(add.contactId(), add.card());
            } else if (change instanceof ContactChange.Update update) {
                cards.put(update.contactId(), update.card());
            } else {
                cards.remove(change.contactId());
            }
        }
        // a viewer with nothing delivered has no rows, as in the database
        if (cards.isEmpty()) {
            delivered.remove(viewerId);
        }
    }

    @Override
    public synchronized long lastCompleteReadCount() {
        // the database adapter reads it from the runs table the application keeps; tests start fresh
        return 0;
    }

    @Override
    public synchronized void saveProgress(long runId, RunProgress runProgress) {
        savedStages.put(runId, runProgress.stage());
    }

    // --- what tests look at -------------------------------------------------------------

    /** The cards last delivered to a viewer, by contact id; empty when nothing was. */
    synchronized Map<String, ContactCard> deliveredTo(String viewerId) {
        return Map.copyOf(delivered.getOrDefault(viewerId, Collections.emptyNavigableMap()));
    }

    /** Every viewer holding delivered contacts. */
    synchronized List<String> viewersWithDeliveries() {
        return List.copyOf(delivered.keySet());
    }

    /** The employee's row, if the store has one. */
    synchronized Optional<Row> row(String employeeId) {
        return Optional.ofNullable(employees.get(employeeId));
    }

    /** The stage of a run as last saved, so a test sees what the API would show. */
    synchronized Optional<RunProgress.Stage> savedStage(long runId) {
        return Optional.ofNullable(savedStages.get(runId));
    }

    /** Every rejection stored, in the order they were saved. */
    /** Rejected reads remembered, by employee id. */
    private final Map<String, RejectedRead> rejectedReads = new TreeMap<>();

    @Override
    public synchronized void rememberRejected(List<RejectedRead> rejected) {
        rejected.forEach(r -> r.rejection().employeeId().ifPresent(id -> rejectedReads.put(id, r)));
    }

    @Override
    public synchronized void forgetRejected(Collection<String> employeeIds) {
        employeeIds.forEach(rejectedReads::remove);
    }

    /** The ids whose rejected reads are remembered. */
    synchronized Set<String> rejectedReadIds() {
        return Set.copyOf(rejectedReads.keySet());
    }

    @Override
    public void forEachRejectedRead(BiConsumer<String, String> read) {
        Map<String, RejectedRead> copy;
        synchronized (this) {
            copy = new TreeMap<>(rejectedReads);
        }
        copy.forEach((id, r) -> read.accept(id, r.readFingerprint()));
    }

    @Override
    public synchronized long rejectAgain(long runId, Collection<String> employeeIds) {
        long recorded = 0;
        for (String id : employeeIds) {
            RejectedRead read = rejectedReads.get(id);
            if (read != null) {
                Row row = employees.get(id);
                if (row != null) {
                    row.lastSeenRun = runId;
                }
                rejections.add(new StoredRejection(runId, read.rejection()));
                rejectedAgain.incrementAndGet();
                recorded++;
            }
        }
        return recorded;
    }

    /** How many rejections were recorded again from what was remembered, without normalising. */
    final AtomicLong rejectedAgain = new AtomicLong();

    synchronized List<StoredRejection> rejections() {
        return List.copyOf(rejections);
    }

    private static <T> void pages(int pageSize, Function<String, List<T>> page, Function<T, String> key,
                                  Consumer<T> consumer) {
        String after = "";
        while (true) {
            List<T> rows = page.apply(after);
            rows.forEach(consumer);
            if (rows.size() < pageSize) {
                return;
            }
            after = key.apply(rows.get(rows.size() - 1));
        }
    }

    // --- data quality ---

    private static String reasonOf(ScopeDecision scope) {
        return scope instanceof ScopeDecision.Excluded ex ? ex.reason()
                : scope instanceof ScopeDecision.ViewerOnly only ? only.reason() : null;
    }

    private final Map<Long, QualityReport> reports = new TreeMap<>();

    @Override
    public synchronized List<List<String>> sharedMobiles() {
        Map<String, List<String>> byNumber = new TreeMap<>();
        for (Row row : employees.values()) {
            if (row.active && row.employee != null) {
                row.employee.value(PersonField.MOBILE)
                        .ifPresent(m -> byNumber.computeIfAbsent(m, k -> new ArrayList<>()).add(row.employee.id()));
            }
        }
        return byNumber.values().stream().filter(ids -> ids.size() > 1).map(List::copyOf).toList();
    }

    @Override
    public synchronized List<String> decidedBy(String ruleId) {
        return employees.values().stream().filter(r -> r.active && r.employee != null && ruleId.equals(r.scopeRule))
                .map(r -> r.employee.id()).toList();
    }

    @Override
    public synchronized List<Stored> stored(Collection<String> employeeIds) {
        List<Stored> stored = new ArrayList<>();
        for (String id : employeeIds) {
            Row row = employees.get(id);
            if (row != null && row.active && row.employee != null) {
                ScopeDecision scope = row.contactAllowed ? new ScopeDecision.Included(row.scopeRule)
                        : row.inScope ? new ScopeDecision.ViewerOnly(row.scopeRule, row.scopeReason)
                        : new ScopeDecision.Excluded(row.scopeRule, row.scopeReason);
                stored.add(new Stored(row.employee, scope, row.regionGuessed));
            }
        }
        return stored;
    }

    @Override
    public synchronized void redecide(List<Decided> decided) {
        for (Decided d : decided) {
            Row row = employees.get(d.employee().id());
            row.inScope = d.scope().receives();
            row.contactAllowed = d.scope().delivered();
            row.scopeRule = d.scope().ruleId();
            row.scopeReason = reasonOf(d.scope());
            row.fingerprint = d.fingerprint();
            row.decidedAt = ++tick;
        }
        if (!decided.isEmpty()) {
            planBasis = null;
        }
    }

    @Override
    public synchronized void recordQuality(long runId, String source, List<List<String>> shared) {
        Set<String> sharing = new HashSet<>();
        shared.forEach(sharing::addAll);
        Map<List<String>, QualityReport.Count> counts = new TreeMap<>(
                Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        for (Row row : employees.values()) {
            if (!row.active || row.employee == null) {
                continue;
            }
            String department = row.employee.value(PersonField.DEPARTMENT).orElse("");
            counts.merge(List.of(department, source), new QualityReport.Count(department, source, 1,
                    sharing.contains(row.employee.id()) ? 1 : 0, 0,
                    row.employee.value(PersonField.MOBILE).isEmpty() ? 1 : 0, row.regionGuessed ? 1 : 0, 0),
                    QualityReport.Count::plus);
        }
        for (StoredRejection stored : rejections) {
            if (stored.runId() != runId) {
                continue;
            }
            Rejection rejection = stored.rejection();
            String department = rejection.employeeId().map(employees::get).filter(r -> r.employee != null)
                    .flatMap(r -> r.employee.value(PersonField.DEPARTMENT)).orElse("");
            Matcher named = Pattern.compile("^source ([^:]+): ")
                    .matcher(rejection.reason());
            String from = named.find() ? named.group(1) : source;
            boolean invalid = QualityReport.INVALID_NUMBER.matcher(rejection.reason()).matches();
            counts.merge(List.of(department, from), new QualityReport.Count(department, from, 0, 0, invalid ? 1 : 0,
                    0, 0, 1), QualityReport.Count::plus);
        }
        if (counts.isEmpty() && shared.isEmpty()) {
            reports.remove(runId);
            return;
        }
        reports.put(runId, new QualityReport(runId, List.copyOf(counts.values()),
                shared.stream().map(QualityReport.SharedNumber::of).toList()));
    }

    @Override
    public synchronized Optional<QualityReport> quality(long runId) {
        return Optional.ofNullable(reports.get(runId));
    }
}
