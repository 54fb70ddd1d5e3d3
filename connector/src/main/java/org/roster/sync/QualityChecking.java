package org.roster.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.roster.policy.Person;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;
import org.roster.policy.ScopeDecision;

/**
 * The stage between reading and planning: employees who share a mobile number with others are
 * decided again as the policy's {@link Policy.SharedNumbers} says, and those who no longer share
 * one get back the decision the scope rules make; then the run's {@link QualityReport} is counted
 * and kept. Sharing can only be seen once the whole directory is read, and an entry read again
 * unchanged is not decided again, so the sharers are asked of the store, not of the read.
 *
 * <pre>{@code
 * new QualityChecking(evaluator, store, store).check(runId, "directory");
 * }</pre>
 */
final class QualityChecking {

    /** Employees decided again per unit of work. */
    private static final int PAGE = 1_000;

    private final PolicyEvaluator evaluator;
    private final DataQuality quality;
    private final DirectorySnapshot snapshot;

    QualityChecking(PolicyEvaluator evaluator, DataQuality quality, DirectorySnapshot snapshot) {
        this.evaluator = evaluator;
        this.quality = quality;
        this.snapshot = snapshot;
    }

    /**
     * Decides the sharers of numbers, then counts and keeps the run's report.
     *
     * @param source the source the run read, or its sources' ids when it merged several
     */
    void check(long runId, String source) {
        List<List<String>> shared = quality.sharedMobiles();
        Map<String, List<String>> sharersOf = new HashMap<>();
        for (List<String> group : shared) {
            group.forEach(id -> sharersOf.put(id, group));
        }
        // whoever the rule decided before and shares no number now is decided afresh
        TreeSet<String> affected = new TreeSet<>(sharersOf.keySet());
        affected.addAll(quality.decidedBy(Policy.SHARED_NUMBERS_RULE));
        List<String> ids = List.copyOf(affected);
        for (int from = 0; from < ids.size(); from += PAGE) {
            decide(ids.subList(from, Math.min(ids.size(), from + PAGE)), sharersOf);
        }
        quality.recordQuality(runId, source, shared);
    }

    private void decide(List<String> page, Map<String, List<String>> sharersOf) {
        List<DataQuality.Stored> stored = quality.stored(page);
        Map<String, Person.SelfService> choices = snapshot.selfService(page);
        List<DirectorySnapshot.Decided> changed = new ArrayList<>();
        for (DataQuality.Stored employee : stored) {
            String id = employee.employee().id();
            ScopeDecision base = Policy.SHARED_NUMBERS_RULE.equals(employee.scope().ruleId())
                    ? evaluator.scope(new WithSelfService(employee.employee(),
                            choices.getOrDefault(id, Person.SelfService.NONE)))
                    : employee.scope();
            List<String> sharers = sharersOf.get(id);
            ScopeDecision now = sharers == null ? base : evaluator.sharedNumber(base, id, sharers);
            if (!now.equals(employee.scope())) {
                changed.add(new DirectorySnapshot.Decided(employee.employee(), now, "", employee.regionGuessed()));
            }
        }
        if (!changed.isEmpty()) {
            quality.together(() -> {
                quality.redecide(changed);
                return null;
            });
        }
    }
}
