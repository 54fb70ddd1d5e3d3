package org.roster.policy;

import java.util.Objects;

/**
 * A rule granting a viewer sight of a contact. A viewer sees a contact when any rule grants it
 * (the first that does is the contact's rule); nobody sees themselves.
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

    /** Viewer and contact have the same (non-empty) value of a field, e.g. the same department. */
    record SameValue(String id, PersonField field) implements VisibilityRule {
        public SameValue {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(field, "field");
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
    }

    /** A manager sees the people who report to them directly. */
    record DirectReports(String id) implements VisibilityRule {
        public DirectReports {
            Objects.requireNonNull(id, "id");
        }
    }

    /** Members of the named group see each other. */
    record Group(String id, String group) implements VisibilityRule {
        public Group {
            Objects.requireNonNull(id, "id");
            group = Names.dn(group);
        }
    }

    /** Everyone in scope sees everyone else in scope. */
    record Everyone(String id) implements VisibilityRule {
        public Everyone {
            Objects.requireNonNull(id, "id");
        }
    }
}
