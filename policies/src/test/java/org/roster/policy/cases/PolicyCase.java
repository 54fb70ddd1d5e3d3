package org.roster.policy.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.roster.policy.Names;
import org.roster.policy.Person;
import org.roster.policy.PersonField;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;
import org.roster.policy.ScopeDecision;
import org.roster.policy.TestPerson;
import org.roster.policy.VisibilityDecision;

/**
 * One case of a case file: a person (or a viewer and a contact), what the policy should decide,
 * and {@link #check()} to see whether it does.
 *
 * <pre>{@code
 * for (PolicyCase c : CaseFile.read(file, "policies/cases/default.yaml").cases()) {
 *     c.check(); // AssertionError naming file, case, expected and actual, and the deciding rule
 * }
 * }</pre>
 *
 * @param source    the case file, as named in messages
 * @param line      the 1-based line the case starts on
 * @param name      the case's name, which is also its test's name
 * @param policy    the policy under test
 * @param directory the case file's directory people, for walking manager chains
 * @param subject   what is decided about: one person, or a viewer and a contact
 * @param expect    what the case says the policy decides
 */
public record PolicyCase(String source, int line, String name, Policy policy, List<TestPerson> directory,
                         Subject subject, Expectation expect) {

    public PolicyCase {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        directory = List.copyOf(directory);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expect, "expect");
    }

    /** What a case decides about. */
    public sealed interface Subject {
        /** Is this person in scope, and what of them may leave Roster? */
        record OnePerson(TestPerson person) implements Subject {
        }

        /** Does this viewer get this contact, and with which fields? */
        record ViewerAndContact(TestPerson viewer, TestPerson contact) implements Subject {
        }
    }

    /**
     * What the case expects; every part left out is not checked.
     *
     * @param scope    {@code included}, {@code viewer-only} or {@code excluded} (person cases)
     * @param visible  whether the viewer gets the contact (viewer and contact cases)
     * @param rule     the id of the rule that decided
     * @param reason   words the decision's reason contains, ignoring case
     * @param fields   exactly the fields released (of the person; of the contact, to this viewer)
     * @param withheld exactly the fields held back, each with the rule that held it back (person cases)
     */
    public record Expectation(Optional<String> scope, Optional<Boolean> visible, Optional<String> rule,
                              Optional<String> reason, Optional<Set<PersonField>> fields,
                              Optional<Map<PersonField, String>> withheld) {
    }

    /** What the policy decided, in the terms of an {@link Expectation}. */
    private record Outcome(String scope, boolean visible, String rule, String reason, Set<PersonField> fields,
                           Map<PersonField, String> withheld) {
    }

    /**
     * Checks the case against the policy.
     *
     * @throws AssertionError saying the file, the line, the case, each expectation that does not
     *                        hold (expected and actual), and the rule that decided
     */
    public void check() {
        Outcome actual = decide();
        List<String> mismatches = new ArrayList<>();
        expect.scope().filter(s -> !s.equals(actual.scope()))
                .ifPresent(s -> mismatches.add(line("scope", s, actual.scope())));
        expect.visible().filter(v -> v != actual.visible())
                .ifPresent(v -> mismatches.add(line("visible", v, actual.visible())));
        expect.rule().filter(r -> !r.equals(actual.rule()))
                .ifPresent(r -> mismatches.add(line("rule", r, actual.rule())));
        expect.reason().filter(r -> !actual.reason().toLowerCase(Locale.ROOT)
                        .contains(r.toLowerCase(Locale.ROOT)))
                .ifPresent(r -> mismatches.add("  reason:   expected it to mention \"" + r + "\", but it was \""
                        + actual.reason() + "\""));
        expect.fields().filter(f -> !f.equals(actual.fields()))
                .ifPresent(f -> mismatches.add(line("fields", names(f), names(actual.fields()))));
        expect.withheld().filter(w -> !w.equals(actual.withheld()))
                .ifPresent(w -> mismatches.add(line("withheld", names(w), names(actual.withheld()))));
        if (!mismatches.isEmpty()) {
            throw new AssertionError(source + ":" + line + ": case \"" + name + "\" does not hold\n"
                    + String.join("\n", mismatches) + "\n  decided by rule \"" + actual.rule() + "\""
                    + (actual.reason().isEmpty() ? "" : ": " + actual.reason()));
        }
    }

    private Outcome decide() {
        PolicyEvaluator evaluator = new PolicyEvaluator(policy, managers());
        if (subject instanceof Subject.OnePerson one) {
            ScopeDecision decision = evaluator.scope(one.person());
            return new Outcome(scopeName(decision), false, decision.ruleId(), reasonOf(decision),
                    evaluator.release(one.person()).keySet(), evaluator.withheld(one.person()));
        }
        Subject.ViewerAndContact pair = (Subject.ViewerAndContact) subject;
        // as the product plans: a contact who is not delivered, or a viewer who receives nothing,
        // decides before any visibility rule is asked
        ScopeDecision contactScope = evaluator.scope(pair.contact());
        if (!contactScope.delivered()) {
            return hidden(contactScope.ruleId(), reasonOf(contactScope), evaluator, pair.contact());
        }
        ScopeDecision viewerScope = evaluator.scope(pair.viewer());
        if (!viewerScope.receives()) {
            return hidden(viewerScope.ruleId(), "the viewer " + reasonOf(viewerScope), evaluator, pair.contact());
        }
        VisibilityDecision seen = evaluator.visibility(pair.viewer(), pair.contact());
        if (seen instanceof VisibilityDecision.Hidden h) {
            return hidden(h.ruleId(), h.reason(), evaluator, pair.contact());
        }
        return new Outcome("", true, seen.ruleId(), "", evaluator.release(pair.contact()).keySet(),
                evaluator.withheld(pair.contact()));
    }

    private static Outcome hidden(String rule, String reason, PolicyEvaluator evaluator, Person contact) {
        return new Outcome("", false, rule, reason, Set.of(), evaluator.withheld(contact));
    }

    /** Manager of each reference, from the directory and the case's own people. */
    private PolicyEvaluator.Managers managers() {
        Map<String, String> managerOf = new TreeMap<>();
        List<TestPerson> everyone = new ArrayList<>(directory);
        if (subject instanceof Subject.OnePerson one) {
            everyone.add(one.person());
        } else if (subject instanceof Subject.ViewerAndContact pair) {
            everyone.add(pair.viewer());
            everyone.add(pair.contact());
        }
        for (TestPerson person : everyone) {
            Optional<String> manager = person.value(PersonField.MANAGER).filter(m -> !m.isBlank());
            if (!person.reference().isBlank() && manager.isPresent()) {
                managerOf.put(Names.dn(person.reference()), manager.get());
            }
        }
        return reference -> Optional.ofNullable(managerOf.get(Names.dn(reference)));
    }

    private static String scopeName(ScopeDecision decision) {
        if (decision instanceof ScopeDecision.Included) {
            return "included";
        }
        return decision instanceof ScopeDecision.ViewerOnly ? "viewer-only" : "excluded";
    }

    private static String reasonOf(ScopeDecision decision) {
        if (decision instanceof ScopeDecision.Excluded e) {
            return e.reason();
        }
        return decision instanceof ScopeDecision.ViewerOnly v ? v.reason() : "";
    }

    private static String line(String what, Object expected, Object actual) {
        return String.format("  %-9s expected %s, but was %s", what + ":", expected, actual);
    }

    private static String names(Set<PersonField> fields) {
        return fields.stream().map(PersonField::policyName).collect(Collectors.toCollection(TreeSet::new)).toString();
    }

    private static String names(Map<PersonField, String> withheld) {
        return withheld.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().policyName(), Map.Entry::getValue, (a, b) -> a, TreeMap::new))
                .toString();
    }
}
