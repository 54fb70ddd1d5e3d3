package org.roster.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.roster.policy.PolicyEvaluator.Managers;

/**
 * A rule granting a viewer sight of a contact. A viewer sees a contact when any rule grants it
 * (the first that does is the contact's rule); nobody sees themselves.
 *
 * <p>Each rule says in one place what it grants ({@link #grants}), where its candidates are found
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
     * Whether the rule grants the viewer sight of the contact; {@code managers} walks a manager
     * chain. Never asked of a viewer and themselves.
     */
    boolean grants(Person viewer, Person contact, Managers managers);

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
        public boolean grants(Person viewer, Person contact, Managers managers) {
            Optional<String> mine = present(viewer, field);
            return mine.isPresent() && mine.equals(present(contact, field));
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
        public boolean grants(Person viewer, Person contact, Managers managers) {
            if (contact.reference().isEmpty()) {
                return false;
            }
            String target = Names.dn(contact.reference());
            Optional<String> manager = present(viewer, PersonField.MANAGER);
            for (int level = 1; level <= levels && manager.isPresent(); level++) {
                if (Names.dn(manager.get()).equals(target)) {
                    return true;
                }
                manager = managers.managerOf(manager.get());
            }
            return false;
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
        public boolean grants(Person viewer, Person contact, Managers managers) {
            return !viewer.reference().isEmpty() && present(contact, PersonField.MANAGER)
                    .map(m -> Names.dn(m).equals(Names.dn(viewer.reference()))).orElse(false);
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
        public boolean grants(Person viewer, Person contact, Managers managers) {
            return viewer.groups().contains(group) && contact.groups().contains(group);
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
        public boolean grants(Person viewer, Person contact, Managers managers) {
            return true;
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
