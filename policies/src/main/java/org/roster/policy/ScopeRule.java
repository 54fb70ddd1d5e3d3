package org.roster.policy;

import java.util.Objects;

/**
 * A rule deciding whether an employee is in scope: in scope means their contact may be delivered
 * to others and they receive contacts.
 *
 * <p>An employee is in scope when every {@link Require} rule holds and no {@link Exclude} rule
 * matches; the first rule that fails decides, and its id is the answer to "why not?".
 *
 * <pre>{@code
 * new ScopeRule.Require("has-mobile", PersonField.MOBILE);
 * new ScopeRule.Exclude("no-contractors", PersonField.EMPLOYEE_TYPE, "contractor");
 * }</pre>
 */
public sealed interface ScopeRule {

    /** The rule's id, unique within its policy. */
    String id();

    /** Holds when the employee has a value for the field. */
    record Require(String id, PersonField field) implements ScopeRule {
        public Require {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(field, "field");
        }
    }

    /** Matches (and so excludes) when the employee's field equals the value, ignoring case. */
    record Exclude(String id, PersonField field, String value) implements ScopeRule {
        public Exclude {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }
    }
}
