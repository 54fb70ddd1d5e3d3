package org.roster.policy;

/**
 * Whether an employee is in scope, and the rule that decided it.
 *
 * <pre>{@code
 * if (evaluator.scope(person) instanceof ScopeDecision.Excluded out) {
 *     report(person.id(), out.ruleId(), out.reason());
 * }
 * }</pre>
 */
public sealed interface ScopeDecision {

    /** The id of the rule that made the decision. */
    String ruleId();

    /** In scope. {@code ruleId} is {@link #ALL_RULES_PASSED} when no rule objected. */
    record Included(String ruleId) implements ScopeDecision {
    }

    /**
     * Receives colleagues' contacts but is delivered to nobody: opted out but still receiving, or
     * not yet consented in consent mode.
     */
    record ViewerOnly(String ruleId, String reason) implements ScopeDecision {
    }

    /** Out of scope, with a sentence saying why (field names only, never values). */
    record Excluded(String ruleId, String reason) implements ScopeDecision {
    }

    /** Whether the employee receives contacts. */
    default boolean receives() {
        return !(this instanceof Excluded);
    }

    /** Whether the employee's contact may be delivered to others. */
    default boolean delivered() {
        return this instanceof Included;
    }

    /** The rule id of an inclusion that no rule objected to. */
    String ALL_RULES_PASSED = "all-scope-rules-passed";
}
