package org.roster.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.roster.audit.AuditEvent;
import org.roster.audit.AuditLog;
import org.roster.directory.Employee;
import org.roster.directory.Normalisation;
import org.roster.directory.Rejection;
import org.roster.policy.Person;
import org.roster.policy.PolicyEvaluator;
import org.roster.policy.ScopeDecision;

/**
 * The decide stage: each normalised employee's scope, decided by the policy with their
 * self-service choices, stored with the batch's rejections in one unit of work. An employee
 * stored exactly as decided now is only marked seen, so a steady directory costs a comparison,
 * not a rewrite of every row. The trail gets each rejection's reason, never the offending value.
 *
 * <pre>{@code
 * Deciding deciding = new Deciding(evaluator, snapshot, audit, clock, new ProgressSaves(runs));
 * deciding.save(runId, employees, rejections, Map.of(), progress, id -> true);
 * }</pre>
 */
final class Deciding {

    private final PolicyEvaluator evaluator;
    private final DirectorySnapshot snapshot;
    private final AuditLog audit;
    private final Clock clock;
    private final ProgressSaves progressSaves;

    Deciding(PolicyEvaluator evaluator, DirectorySnapshot snapshot, AuditLog audit, Clock clock,
             ProgressSaves progressSaves) {
        this.evaluator = evaluator;
        this.snapshot = snapshot;
        this.audit = audit;
        this.clock = clock;
        this.progressSaves = progressSaves;
    }

    /**
     * Decides each employee's scope and stores them with the rejections, which the trail gets too.
     *
     * @param digests     each employee's {@link ReadFingerprint.Basis#entry} digest as read, where one was taken
     * @param mayBeStored false for an identity the store certainly holds no active employee with
     */
    void save(long runId, List<Employee> employees, List<Rejection> rejections, Map<String, byte[]> digests,
              RunProgress progress, Predicate<String> mayBeStored) {
        save(runId, employees, rejections, digests, Set.of(), progress, mayBeStored);
    }

    /**
     * As {@link #save(long, List, List, Map, RunProgress, Predicate)}, noting whose phone numbers
     * were read with a guessed region.
     *
     * @param regionGuessed the ids of employees with a number written without its country code
     */
    void save(long runId, List<Employee> employees, List<Rejection> rejections, Map<String, byte[]> digests,
              Set<String> regionGuessed, RunProgress progress, Predicate<String> mayBeStored) {
        if (!employees.isEmpty() || !rejections.isEmpty()) {
            // what the batch is decided from and what is stored of it: one unit, one commit
            snapshot.together(() -> {
                decideAndStore(runId, employees, rejections, digests, regionGuessed, progress, mayBeStored);
                return null;
            });
            // the trail gets the reason without the offending value: it may be a real, mistyped number
            audit.append(rejections.stream().map(r -> new AuditEvent(clock.instant(), AuditEvent.SYSTEM,
                    "entry.rejected", r.employeeId().map(id -> "employee:" + id).orElse("run:" + runId),
                    "run " + runId + ": " + r.withheld())).toList());
        }
        progressSaves.nowAndThen(runId, progress);
    }

    /**
     * Decides again, as stored, every employee whose self-service choice came after their last
     * decision, and stores them so decided (which also records when they were decided). A full read
     * decides everyone with their choices; a read of changes reads only the entries that changed,
     * so without this an opt-out (or a consent) would wait for the next full read, while the
     * self-service page promises it for the next run. Returns how many were decided again.
     */
    int decideLateChoices(long runId) {
        List<Employee> late = snapshot.choseSinceDecided();
        if (late.isEmpty()) {
            return 0;
        }
        Map<String, Person.SelfService> choices = snapshot.selfService(late.stream().map(Employee::id).toList());
        List<DirectorySnapshot.Decided> decided = late.stream().map(employee -> new DirectorySnapshot.Decided(employee,
                evaluator.scope(new WithSelfService(employee,
                        choices.getOrDefault(employee.id(), Person.SelfService.NONE))))).toList();
        snapshot.together(() -> {
            snapshot.saveEntries(runId, decided, List.of());
            return null;
        });
        return decided.size();
    }

    /** {@link #save}'s work with the store, for a batch with employees or rejections. */
    private void decideAndStore(long runId, List<Employee> employees, List<Rejection> rejections,
                                Map<String, byte[]> digests, Set<String> regionGuessed, RunProgress progress,
                                Predicate<String> mayBeStored) {
        // one question to the store for the batch: whose choices change their decision, and who
        // is stored exactly as decided now
        List<String> ids = employees.stream().map(Employee::id).toList();
        DirectorySnapshot.Known known = snapshot.known(ids, ids.stream().filter(mayBeStored).toList());
        Map<String, Person.SelfService> choices = known.choices();
        List<DirectorySnapshot.Decided> decided = new ArrayList<>(employees.size());
        for (Employee employee : employees) {
            Person.SelfService choice = choices.getOrDefault(employee.id(), Person.SelfService.NONE);
            ScopeDecision scope = evaluator.scope(new WithSelfService(employee, choice));
            (scope.receives() ? progress.inScope : progress.excluded).incrementAndGet();
            byte[] digest = digests.get(employee.id());
            decided.add(new DirectorySnapshot.Decided(employee, scope,
                    digest == null ? "" : ReadFingerprint.of(digest, choice), regionGuessed.contains(employee.id())));
        }
        Map<String, String> stored = known.fingerprints();
        List<DirectorySnapshot.Decided> changed = new ArrayList<>(decided.size());
        Map<String, String> unchanged = new HashMap<>();
        for (DirectorySnapshot.Decided d : decided) {
            if (d.fingerprint().equals(stored.get(d.employee().id()))) {
                unchanged.put(d.employee().id(), d.readFingerprint());
            } else {
                changed.add(d);
            }
        }
        if (!changed.isEmpty() || !rejections.isEmpty()) {
            snapshot.saveEntries(runId, changed, List.copyOf(rejections));
        }
        if (!unchanged.isEmpty()) {
            snapshot.markSeen(runId, unchanged);
        }
    }

    /**
     * A second entry with an identity this read already met (in this batch or an earlier one) is
     * rejected, naming the other entry: the first one read stands, and nobody is merged by accident.
     */
    void rejectDuplicates(long runId, List<Employee> employees, List<Rejection> rejections, RunProgress progress,
                          Predicate<String> mayBeStored) {
        if (employees.isEmpty()) {
            return;
        }
        Map<String, String> seen = new HashMap<>(snapshot.readByRun(runId,
                employees.stream().map(Employee::id).distinct().filter(mayBeStored).toList()));
        Iterator<Employee> it = employees.iterator();
        while (it.hasNext()) {
            Employee employee = it.next();
            String first = seen.putIfAbsent(employee.id(), employee.reference());
            if (first != null && !first.equals(employee.reference())) {
                it.remove();
                progress.rejected.incrementAndGet();
                rejections.add(new Rejection(employee.reference(), Optional.empty(),
                        "has the identity " + employee.id() + ", which " + first
                                + " has too; identities must be unique",
                        "has an identity another entry has too; identities must be unique"));
            }
        }
    }

    /**
     * An entry accepted as adjusted (of several values in a field, the first usable one taken) says
     * so in the trail, without any value.
     */
    void adjusted(long runId, String sourcePrefix, Normalisation.Accepted accepted) {
        adjustment(runId, sourcePrefix, accepted).ifPresent(note -> audit.append(List.of(note)));
    }

    /** The trail's note that an entry was accepted as adjusted; none when it was taken as read. */
    Optional<AuditEvent> adjustment(long runId, String sourcePrefix, Normalisation.Accepted accepted) {
        if (accepted.notes().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "entry.adjusted",
                "employee:" + accepted.employee().id(), "run " + runId + ": " + sourcePrefix
                + String.join("; ", accepted.notes())));
    }
}
