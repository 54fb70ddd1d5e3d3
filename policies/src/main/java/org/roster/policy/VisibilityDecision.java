package org.roster.policy;

/**
 * Whether a viewer sees a contact, and the rule that decided it.
 *
 * <pre>{@code
 * if (evaluator.visibility(viewer, contact) instanceof VisibilityDecision.Visible v) {
 *     card.grantedBy(v.ruleId());
 * }
 * }</pre>
 */
public sealed interface VisibilityDecision {

    /** The id of the rule that made the decision. */
    String ruleId();

    /** The viewer sees the contact because of this rule. */
    record Visible(String ruleId) implements VisibilityDecision {
    }

    /** The viewer does not see the contact. */
    record Hidden(String ruleId, String reason) implements VisibilityDecision {
    }

    /** The rule id of a contact that no visibility rule granted. */
    String NO_RULE_GRANTS = "no-visibility-rule-grants";

    /** The rule id of a viewer looking at themselves. */
    String SELF = "self";
}
