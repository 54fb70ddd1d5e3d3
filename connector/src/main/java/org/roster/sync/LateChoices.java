package org.roster.sync;

import java.util.List;
import java.util.Map;

import org.roster.directory.Employee;
import org.roster.policy.Person;
import org.roster.policy.PolicyEvaluator;

/**
 * Self-service choices made since their employee's scope was last decided. A full read decides
 * everyone again with their choices; a read of changes reads only the entries that changed, so
 * without this an opt-out (or a consent) would wait for the next full read, while the self-service
 * page promises it for the next run.
 *
 * <pre>{@code
 * LateChoices.decideAgain(store, evaluator, runId);   // before a read of changes is planned
 * }</pre>
 */
final class LateChoices {

    private LateChoices() {
    }

    /**
     * Decides again, as stored, every employee whose choice came after their last decision, and
     * stores them so decided (which also records when they were decided). Returns how many.
     */
    static int decideAgain(StateStore store, PolicyEvaluator evaluator, long runId) {
        List<Employee> late = store.choseSinceDecided();
        if (late.isEmpty()) {
            return 0;
        }
        Map<String, Person.SelfService> choices = store.selfService(late.stream().map(Employee::id).toList());
        List<StateStore.Decided> decided = late.stream().map(employee -> new StateStore.Decided(employee,
                evaluator.scope(new SyncPipeline.WithSelfService(employee,
                        choices.getOrDefault(employee.id(), Person.SelfService.NONE))))).toList();
        store.together(() -> {
            store.saveEntries(runId, decided, List.of());
            return null;
        });
        return decided.size();
    }
}
