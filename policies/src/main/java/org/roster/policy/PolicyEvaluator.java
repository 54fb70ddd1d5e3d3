package org.roster.policy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a {@link Policy} to people. Stateless and thread-safe; every answer names its rule.
 *
 * <pre>{@code
 * PolicyEvaluator evaluator = new PolicyEvaluator(Policies.bundled("default"));
 * ScopeDecision scope = evaluator.scope(person);
 * Map<PersonField, String> card = evaluator.release(person);   // only allowed fields
 * VisibilityDecision seen = evaluator.visibility(viewer, person);
 * }</pre>
 */
public final class PolicyEvaluator {

    private final Policy policy;

    public PolicyEvaluator(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public Policy policy() {
        return policy;
    }

    /** Decides whether the person is in scope; the first rule that objects decides. */
    public ScopeDecision scope(Person person) {
        for (ScopeRule rule : policy.scope()) {
            if (rule instanceof ScopeRule.Require require) {
                if (present(person, require.field()).isEmpty()) {
                    return new ScopeDecision.Excluded(require.id(), "has no " + require.field().policyName());
                }
            } else if (rule instanceof ScopeRule.Exclude exclude) {
                Optional<String> value = present(person, exclude.field());
                if (value.isPresent() && value.get().equalsIgnoreCase(exclude.value())) {
                    return new ScopeDecision.Excluded(exclude.id(),
                            exclude.field().policyName() + " is excluded by policy");
                }
            }
        }
        return new ScopeDecision.Included(ScopeDecision.ALL_RULES_PASSED);
    }

    /** The fields of the person that the policy lets leave Roster; every other field is withheld. */
    public Map<PersonField, String> release(Person person) {
        Map<PersonField, String> released = new EnumMap<>(PersonField.class);
        for (PersonField field : policy.fields()) {
            present(person, field).ifPresent(value -> released.put(field, value));
        }
        return released;
    }

    /** The fields the policy withholds from everyone. */
    public Set<PersonField> withheld() {
        Set<PersonField> withheld = EnumSet.allOf(PersonField.class);
        withheld.removeAll(policy.fields());
        return withheld;
    }

    /** Decides whether the viewer sees the contact; the first rule that grants it decides. */
    public VisibilityDecision visibility(Person viewer, Person contact) {
        if (viewer.id().equals(contact.id())) {
            return new VisibilityDecision.Hidden(VisibilityDecision.SELF, "a viewer is not their own contact");
        }
        for (VisibilityRule rule : policy.visibility()) {
            if (rule instanceof VisibilityRule.Everyone everyone) {
                return new VisibilityDecision.Visible(everyone.id());
            } else if (rule instanceof VisibilityRule.SameValue same) {
                Optional<String> mine = present(viewer, same.field());
                if (mine.isPresent() && mine.equals(present(contact, same.field()))) {
                    return new VisibilityDecision.Visible(same.id());
                }
            }
        }
        return new VisibilityDecision.Hidden(VisibilityDecision.NO_RULE_GRANTS, "no visibility rule grants it");
    }

    private static Optional<String> present(Person person, PersonField field) {
        return person.value(field).filter(v -> !v.isBlank());
    }
}
