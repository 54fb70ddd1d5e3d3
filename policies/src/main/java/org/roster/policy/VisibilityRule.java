package org.roster.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.roster.policy.PolicyEvaluator.Managers;

/**
 * A rule granting a viewer sight of a contact. A viewer sees a contact when any rule grants it
 * (the first that does is the contact's rule); nobody sees themselves.
 *
 * <p>Each rule says in one place what it grants ({@link #whyNot}), where its candidates are found
 * ({@link #findCandidates}, which is also who shares them: the rule's audience) and which fields
 * it reads ({@link #reads}). A new kind of rule is a new record here and a case in the parser.
 *
 * <pre>{@code
 * new VisibilityRule.SameValue("same-department", PersonField.DEPARTMENT);
 * new VisibilityRule.ManagerChain("my-managers", 3);
 * new VisibilityRule.DirectReports("my-team");
 * new VisibilityRule.Group("finance", "cn=finance,ou=groups,dc=example,dc=org");
 * new VisibilityRule.Everyone("all-staff");
 * }</pre>
 */
public sealed interface VisibilityRule {

    /** The rule's id, unique within its policy. */
    String id();

    /**
     * Why the rule does not grant the viewer sight of the contact, in words that name fields, never
     * their values ("different department"); empty when it grants it. {@code managers} walks a
     * manager chain. Never asked of a viewer and themselves.
     */
    Optional<String> whyNot(Person viewer, Person contact, Managers managers);

    /** Whether the rule grants the viewer sight of the contact: {@link #whyNot} has no reason. */
    default boolean grants(Person viewer, Person contact, Managers managers) {
        return whyNot(viewer, contact, managers).isEmpty();
    }

    /** Names the lookup that holds every contact this rule can grant the viewer, or none when it grants nobody. */
    void findCandidates(Person viewer, Colleagues colleagues);

    /** The fields of a person this rule reads, for minimisation: a source reads no others. */
    default Set<PersonField> reads() {
        return Set.of();
    }

    /** Whether the rule reads group memberships, which a source then has to read too. */
    default boolean readsGroups() {
        return false;
    }

    /** Viewer and contact have the same (non-empty) value of a field, e.g. the same department. */
    record SameValue(String id, PersonField field) implements VisibilityRule {
        public SameValue {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(field, "field");
        }

        @Override
        public Optional<String> whyNot(Person viewer, Person contact, Managers managers) {
            Optional<String> mine = present(viewer, field);
            Optional<String> theirs = present(contact, field);
            if (mine.isEmpty()) {
                return Optional.of("the viewer has no " + field.policyName());
            }
            if (theirs.isEmpty()) {
                return Optional.of("the colleague has no " + field.policyName());
            }
            return mine.equals(theirs) ? Optional.empty() : Optional.of("different " + field.policyName());
        }

        @Override
        public void findCandidates(Person viewer, Colleagues colleagues) {
            present(viewer, field).ifPresent(value -> colleagues.withValue(field, value));
        }

        @Override
        public Set<PersonField> reads() {
            return Set.of(field);
        }
    }

    /** The viewer sees their manager, their manager's manager, … up to {@code levels} levels. */
    record ManagerChain(String id, int levels) implements VisibilityRule {
        public ManagerChain {
            Objects.requireNonNull(id, "id");
            if (levels < 1 || levels > 20) {
                throw new IllegalArgumentException("levels must be between 1 and 20, not " + levels);
            }
        }

        @Override
        public Optional<String> whyNot(Person viewer, Person contact, Managers managers) {
            Optional<String> manager = present(viewer, PersonField.MANAGER);
            if (manager.isEmpty()) {
                return Optional.of("the viewer has no manager");
            }
            if (!contact.reference().isEmpty()) {
                String target = Names.dn(contact.reference());
                for (int level = 1; level <= levels && manager.isPresent(); level++) {
                    if (Names.dn(manager.get()).equals(target)) {
                        return Optional.empty();
                    }
                    manager = managers.managerOf(manager.get());
                }
            }
            return Optional.of("the colleague is not among the viewer's managers up to " + levels
                    + (levels == 1 ? " level" : " levels"));
        }

        @Override
        public void findCandidates(Person viewer, Colleagues colleagues) {
            present(viewer, PersonField.MANAGER).ifPresent(manager -> colleagues.managersFrom(manager, levels));
        }

        @Override
        public Set<PersonField> reads() {
            return Set.of(PersonField.MANAGER);
        }
    }

    /** A manager sees the people who report to them directly. */
    record DirectReports(String id) implements VisibilityRule {
        public DirectReports {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public Optional<String> whyNot(Person viewer, Person contact, Managers managers) {
            if (viewer.reference().isEmpty()) {
                return Optional.of("the viewer has no directory reference for reports to name");
            }
            boolean reports = present(contact, PersonField.MANAGER)
                    .map(m -> Names.dn(m).equals(Names.dn(viewer.reference()))).orElse(false);
            return reports ? Optional.empty() : Optional.of("the colleague does not report to the viewer");
        }

        @Override
        public void findCandidates(Person viewer, Colleagues colleagues) {
            if (!viewer.reference().isEmpty()) {
                colleagues.reportingTo(viewer.reference());
            }
        }

        @Override
        public Set<PersonField> reads() {
            return Set.of(PersonField.MANAGER);
        }
    }

    /** Members of the named group see each other. */
    record Group(String id, String group) implements VisibilityRule {
        public Group {
            Objects.requireNonNull(id, "id");
            group = Names.dn(group);
        }

        @Override
        public Optional<String> whyNot(Person viewer, Person contact, Managers managers) {
            if (!viewer.groups().contains(group)) {
                return Optional.of("the viewer is not a member of " + group);
            }
            return contact.groups().contains(group) ? Optional.empty()
                    : Optional.of("the colleague is not a member of " + group);
        }

        @Override
        public void findCandidates(Person viewer, Colleagues colleagues) {
            if (viewer.groups().contains(group)) {
                colleagues.inGroup(group);
            }
        }

        @Override
        public boolean readsGroups() {
            return true;
        }
    }

    /** Everyone in scope sees everyone else in scope. */
    record Everyone(String id) implements VisibilityRule {
        public Everyone {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public Optional<String> whyNot(Person viewer, Person contact, Managers managers) {
            return Optional.empty();
        }

        @Override
        public void findCandidates(Person viewer, Colleagues colleagues) {
            colleagues.everyone();
        }
    }

    /** A field's value unless it is missing or blank: a blank department groups nobody. */
    private static Optional<String> present(Person person, PersonField field) {
        return person.value(field).filter(value -> !value.isBlank());
    }
}
