package org.roster.policy;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A data-governance policy: who is in scope, which fields may leave Roster, and who sees whom.
 *
 * <p>Policies are written as YAML files and read with {@link PolicyParser}; the bundled ones are
 * loaded with {@link Policies#bundled(String)}.
 *
 * <pre>{@code
 * Policy policy = Policies.bundled("default");
 * PolicyEvaluator evaluator = new PolicyEvaluator(policy);
 * }</pre>
 *
 * @param name        the policy's name
 * @param description what it is for, in a sentence
 * @param scope       the scope rules, in the order they are checked
 * @param fields      the allowlist of fields that may leave Roster; anything else is withheld
 * @param visibility  the rules granting sight of contacts
 */
public record Policy(String name, String description, List<ScopeRule> scope, Set<PersonField> fields,
                     List<VisibilityRule> visibility) {

    public Policy {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        scope = List.copyOf(scope);
        fields = Set.copyOf(fields);
        visibility = List.copyOf(visibility);
    }

    /**
     * Every field the policy reads or releases: the allowlist plus the fields its scope and
     * visibility rules look at. A source needs to read no other; minimisation starts there.
     */
    public Set<PersonField> referencedFields() {
        Set<PersonField> referenced = java.util.EnumSet.noneOf(PersonField.class);
        referenced.addAll(fields);
        for (ScopeRule rule : scope) {
            if (rule instanceof ScopeRule.Require require) {
                referenced.add(require.field());
            } else if (rule instanceof ScopeRule.Exclude exclude) {
                referenced.add(exclude.field());
            }
        }
        for (VisibilityRule rule : visibility) {
            if (rule instanceof VisibilityRule.SameValue same) {
                referenced.add(same.field());
            }
        }
        return referenced;
    }
}
