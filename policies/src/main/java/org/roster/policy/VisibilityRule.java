package org.roster.policy;

import java.util.Objects;

/**
 * A rule granting a viewer sight of a contact. A viewer sees a contact when any rule grants it;
 * nobody sees themselves.
 *
 * <pre>{@code
 * new VisibilityRule.SameValue("same-department", PersonField.DEPARTMENT);
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

    /** Everyone in scope sees everyone else in scope. */
    record Everyone(String id) implements VisibilityRule {
        public Everyone {
            Objects.requireNonNull(id, "id");
        }
    }
}
