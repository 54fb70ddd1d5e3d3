package org.roster.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.roster.directory.Employee;
import org.roster.directory.Rejection;
import org.roster.policy.Person;
import org.roster.policy.PersonField;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;
import org.roster.policy.ScopeDecision;

/**
 * What a candidate policy would do to the directory as last read, without reading the directory
 * or touching any delivery: how many people each rule keeps in or out, and how each viewer's
 * contact list would change against what was last delivered.
 *
 * <pre>{@code
 * Simulation.Result result = Simulation.of(store, candidate).run(10);
 * result.byRule();   // {all-scope-rules-passed=1812, no-contractors=41, has-mobile=98}
 * result.sample();   // the viewers whose lists change most
 * }</pre>
 *
 * <p>It keeps one small decision per employee in memory (id to in/out), so its memory grows with
 * the directory but not with the contacts.
 */
public final class Simulation {

    /**
     * How one viewer's list would change: how many colleagues they would gain, lose and see with
     * other fields, and who (the first {@link #NAMED} of each, by id), so a compliance officer can
     * check a change on real people.
     */
    public record ViewerChange(String viewerId, int gains, int losses, int updates, List<String> gained,
                               List<String> lost, List<String> updated) {

        /** How many colleagues of each kind a change names. */
        public static final int NAMED = 10;

        public ViewerChange {
            gained = List.copyOf(gained);
            lost = List.copyOf(lost);
            updated = List.copyOf(updated);
        }

        public ViewerChange(String viewerId, int gains, int losses, int updates) {
            this(viewerId, gains, losses, updates, List.of(), List.of(), List.of());
        }
    }

    /**
     * The outcome.
     *
     * @param employees      active employees considered
     * @param receiving      of them, how many would receive contacts
     * @param delivered      of them, how many would be delivered to colleagues
     * @param byRule         how many employees each rule decided (the scope rule that kept them out,
     *                       or {@code all-scope-rules-passed})
     * @param viewersChanged viewers whose list would change
     * @param adds           contacts that would be added, over all viewers
     * @param updates        contacts whose delivered fields would change
     * @param removes        contacts that would be removed
     * @param sample         the viewers whose lists change most, largest first
     */
    public record Result(long employees, long receiving, long delivered, Map<String, Long> byRule, long viewersChanged,
                         long adds, long updates, long removes, List<ViewerChange> sample) {
    }

    private final StateStore store;
    private final Policy candidate;

    private Simulation(StateStore store, Policy candidate) {
        this.store = store;
        this.candidate = candidate;
    }

    public static Simulation of(StateStore store, Policy candidate) {
        return new Simulation(store, candidate);
    }

    /** Runs the simulation; {@code sampleSize} bounds the list of most-changed viewers. */
    public Result run(int sampleSize) {
        PolicyEvaluator evaluator = new PolicyEvaluator(candidate);
        Map<String, ScopeDecision> decisions = new HashMap<>();
        Map<String, Long> byRule = new TreeMap<>();
        long[] counts = new long[3];
        List<Employee> page = new ArrayList<>();
        Consumer<Employee> decide = employee -> {
            page.add(employee);
            if (page.size() == 500) {
                decidePage(evaluator, page, decisions, byRule, counts);
            }
        };
        store.forEachActive(500, decide);
        decidePage(evaluator, page, decisions, byRule, counts);
        decideSharedNumbers(evaluator, decisions, byRule, counts);

        StateStore view = new CandidateView(store, decisions);
        ContactPlanning planner = new ContactPlanning(SyncPipeline.walkingManagersThrough(evaluator, view), view, view,
                view);
        long[] totals = new long[4];
        List<ViewerChange> changes = new ArrayList<>();
        Consumer<ViewerChange> keep = change -> {
            changes.add(change);
            if (changes.size() > sampleSize * 4) {
                trim(changes, sampleSize);
            }
        };
        view.forEachViewer(500, viewer -> {
            List<ContactChange> plan = Planner.plan(planner.desiredContacts(viewer),
                    store.deliveredFingerprints(viewer.id()), true);
            count(viewer.id(), plan, totals, keep);
        });
        // people who would stop receiving lose everything they have
        store.forEachViewer(500, current -> {
            ScopeDecision next = decisions.get(current.id());
            if (next != null && !next.receives()) {
                count(current.id(), Planner.plan(List.of(), store.deliveredFingerprints(current.id()), true), totals, keep);
            }
        });
        trim(changes, sampleSize);
        return new Result(decisions.size(), counts[0], counts[1], byRule, totals[0], totals[1], totals[2], totals[3],
                List.copyOf(changes));
    }

    private void decidePage(PolicyEvaluator evaluator, List<Employee> page, Map<String, ScopeDecision> decisions,
                            Map<String, Long> byRule, long[] counts) {
        if (page.isEmpty()) {
            return;
        }
        Map<String, Person.SelfService> choices = store.selfService(page.stream().map(Employee::id).toList());
        for (Employee employee : page) {
            ScopeDecision decision = evaluator.scope(new WithSelfService(employee,
                    choices.getOrDefault(employee.id(), Person.SelfService.NONE)));
            decisions.put(employee.id(), decision);
            byRule.merge(decision.ruleId(), 1L, Long::sum);
            counts[0] += decision.receives() ? 1 : 0;
            counts[1] += decision.delivered() ? 1 : 0;
        }
        page.clear();
    }

    /** Decides about the sharers of mobile numbers as a run would once it has read the directory. */
    private void decideSharedNumbers(PolicyEvaluator evaluator, Map<String, ScopeDecision> decisions,
                                     Map<String, Long> byRule, long[] counts) {
        for (List<String> sharers : store.sharedMobiles()) {
            for (String id : sharers) {
                ScopeDecision before = decisions.get(id);
                if (before == null) {
                    continue;
                }
                ScopeDecision after = evaluator.sharedNumber(before, id, sharers);
                if (!after.equals(before)) {
                    decisions.put(id, after);
                    byRule.merge(before.ruleId(), -1L, Long::sum);
                    byRule.remove(before.ruleId(), 0L);
                    byRule.merge(after.ruleId(), 1L, Long::sum);
                    counts[1] -= before.delivered() && !after.delivered() ? 1 : 0;
                }
            }
        }
    }

    private static void count(String viewerId, List<ContactChange> plan, long[] totals, Consumer<ViewerChange> keep) {
        if (plan.isEmpty()) {
            return;
        }
        int gains = 0;
        int losses = 0;
        int updates = 0;
        List<String> gained = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (ContactChange change : plan) {
            if (change instanceof ContactChange.Add) {
                gains++;
                name(gained, change);
            } else if (change instanceof ContactChange.Remove) {
                losses++;
                name(lost, change);
            } else {
                updates++;
                name(updated, change);
            }
        }
        totals[0]++;
        totals[1] += gains;
        totals[2] += updates;
        totals[3] += losses;
        keep.accept(new ViewerChange(viewerId, gains, losses, updates, gained, lost, updated));
    }

    private static void name(List<String> ids, ContactChange change) {
        if (ids.size() < ViewerChange.NAMED) {
            ids.add(change.contactId());
        }
    }

    private static void trim(List<ViewerChange> changes, int size) {
        changes.sort(Comparator.comparingInt((ViewerChange c) -> c.gains() + c.losses() + c.updates()).reversed()
                .thenComparing(ViewerChange::viewerId));
        if (changes.size() > size) {
            changes.subList(size, changes.size()).clear();
        }
    }

    /** The stored directory, with scope as the candidate policy would decide it. Read-only. */
    private static final class CandidateView implements StateStore {
        private final StateStore base;
        private final Map<String, ScopeDecision> decisions;

        CandidateView(StateStore base, Map<String, ScopeDecision> decisions) {
            this.base = base;
            this.decisions = decisions;
        }

        @Override
        public List<List<String>> sharedMobiles() {
            throw new UnsupportedOperationException("a simulation reads nothing");
        }

        @Override
        public List<String> decidedBy(String ruleId) {
            throw new UnsupportedOperationException("a simulation reads nothing");
        }

        @Override
        public List<Stored> stored(Collection<String> employeeIds) {
            throw new UnsupportedOperationException("a simulation reads nothing");
        }

        @Override
        public void redecide(List<Decided> decided) {
            throw new UnsupportedOperationException("a simulation stores nothing");
        }

        @Override
        public void recordQuality(long runId, String source, List<List<String>> shared) {
            throw new UnsupportedOperationException("a simulation stores nothing");
        }

        @Override
        public Optional<QualityReport> quality(long runId) {
            throw new UnsupportedOperationException("a simulation reads nothing");
        }

        private boolean delivers(Employee e) {
            return Optional.ofNullable(decisions.get(e.id())).map(ScopeDecision::delivered).orElse(false);
        }

        @Override
        public void forEachViewer(int pageSize, Consumer<Employee> viewer) {
            base.forEachActive(pageSize, e -> {
                if (Optional.ofNullable(decisions.get(e.id())).map(ScopeDecision::receives).orElse(false)) {
                    viewer.accept(e);
                }
            });
        }

        @Override
        public List<Employee> contactsWith(PersonField field, String value) {
            return base.activeWith(field, value).stream().filter(this::delivers).toList();
        }

        @Override
        public List<Employee> contactsInGroup(String groupDn) {
            return base.activeInGroup(groupDn).stream().filter(this::delivers).toList();
        }

        @Override
        public List<Employee> contactsReportingTo(String managerReference) {
            return base.activeReportingTo(managerReference).stream().filter(this::delivers).toList();
        }

        @Override
        public Optional<Employee> byReference(String reference) {
            return base.byReference(reference);
        }

        @Override
        public boolean isDeliverable(String employeeId) {
            return Optional.ofNullable(decisions.get(employeeId)).map(ScopeDecision::delivered).orElse(false);
        }

        @Override
        public void forEachContact(int pageSize, Consumer<Employee> employee) {
            base.forEachActive(pageSize, e -> {
                if (delivers(e)) {
                    employee.accept(e);
                }
            });
        }

        @Override
        public void forEachActive(int pageSize, Consumer<Employee> employee) {
            base.forEachActive(pageSize, employee);
        }

        @Override
        public List<Employee> activeWith(PersonField field, String value) {
            return base.activeWith(field, value);
        }

        @Override
        public List<Employee> activeInGroup(String groupDn) {
            return base.activeInGroup(groupDn);
        }

        @Override
        public List<Employee> activeReportingTo(String managerReference) {
            return base.activeReportingTo(managerReference);
        }

        @Override
        public Map<String, String> deliveredFingerprints(String viewerId) {
            return base.deliveredFingerprints(viewerId);
        }

        @Override
        public Map<String, Person.SelfService> selfService(Collection<String> employeeIds) {
            return base.selfService(employeeIds);
        }

        @Override
        public List<String> purgeGoneBefore(Instant cutoff) {
            throw new UnsupportedOperationException("a simulation stores nothing");
        }

        @Override
        public long clearOutboxThrough(long runId) {
            throw new UnsupportedOperationException("a simulation stores nothing");
        }

        @Override
        public long countDelivered() {
            return base.countDelivered();
        }

        @Override
        public long countViewers() {
            return decisions.values().stream().filter(ScopeDecision::receives).count();
        }

        @Override
        public Map<String, String> readByRun(long runId, Collection<String> ids) {
            throw new UnsupportedOperationException("a simulation reads nothing");
        }

        @Override
        public void saveEntries(long runId, List<Decided> employees, List<Rejection> rejections) {
            throw new UnsupportedOperationException("a simulation stores nothing");
        }

        @Override
        public long markGone(Collection<String> employeeIds) {
            throw new UnsupportedOperationException("a simulation stores nothing");
        }

        @Override
        public Map<String, String> storedFingerprints(Collection<String> employeeIds) {
            throw new UnsupportedOperationException("a simulation reads nothing");
        }

        @Override
        public void markSeen(long runId, Collection<String> employeeIds) {
            throw new UnsupportedOperationException("a simulation stores nothing");
        }

        @Override
        public void forEachStoredRead(int pageSize, Consumer<StoredRead> read) {
            throw new UnsupportedOperationException("a simulation reads nothing");
        }

        @Override
        public boolean planStands(String basis) {
            // a candidate policy is judged by planning every viewer
            return false;
        }

        @Override
        public void planMade(String basis, long runId) {
            throw new UnsupportedOperationException("a simulation stores nothing");
        }

        @Override
        public long markUnseenAsGone(long runId) {
            throw new UnsupportedOperationException("a simulation stores nothing");
        }

        @Override
        public void forEachFormerViewer(int pageSize, Consumer<String> viewerId) {
            base.forEachFormerViewer(pageSize, viewerId);
        }

        @Override
        public Optional<String> viewerDigest(String viewerId) {
            return base.viewerDigest(viewerId);
        }

        @Override
        public void enqueue(long runId, String viewerId, List<ContactChange> changes, ViewerDigest.Planned digest) {
            throw new UnsupportedOperationException("a simulation delivers nothing");
        }

        @Override
        public Drained drain(long runId, int batchSize, Delivery delivery) {
            throw new UnsupportedOperationException("a simulation delivers nothing");
        }

        @Override
        public OutboxCounts outbox(long runId) {
            throw new UnsupportedOperationException("a simulation delivers nothing");
        }

        @Override
        public long discardPlan(long runId) {
            throw new UnsupportedOperationException("a simulation delivers nothing");
        }

        @Override
        public long lastCompleteReadCount() {
            return base.lastCompleteReadCount();
        }

        @Override
        public void saveProgress(long runId, RunProgress progress) {
            throw new UnsupportedOperationException("a simulation has no run");
        }
    }
}
