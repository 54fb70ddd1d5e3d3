package org.roster.policy;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A rule deciding whether an employee is in scope: in scope means their contact may be delivered
 * to others and they receive contacts.
 *
 * <p>Rules are checked in order and the first one that objects decides, so its id answers "why
 * not?": a {@link Require} objects when the field is missing, an {@link Include} when the employee
 * does not match, an {@link Exclude} when they do.
 *
 * <pre>{@code
 * new ScopeRule.Require("has-mobile", PersonField.MOBILE);
 * new ScopeRule.Exclude("no-contractors", PersonField.EMPLOYEE_TYPE, "contractor");
 * new ScopeRule.Exclude("no-executives", new Match.MemberOf("cn=executives,ou=groups,dc=example,dc=org"));
 * new ScopeRule.Include("people-only", new Match.Under("ou=people,dc=example,dc=org"));
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

    /** Keeps only employees who match. */
    record Include(String id, Match match) implements ScopeRule {
        public Include {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(match, "match");
        }
    }

    /** Leaves out employees who match. */
    record Exclude(String id, Match match) implements ScopeRule {
        public Exclude {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(match, "match");
        }

        /** Leaves out employees whose field equals the value, ignoring case. */
        public Exclude(String id, PersonField field, String value) {
            this(id, new Match.FieldIn(field, Set.of(value)));
        }
    }

    /**
     * What an include or exclude rule matches.
     *
     * <pre>{@code
     * new Match.FieldIn(PersonField.EMPLOYEE_TYPE, Set.of("contractor", "intern"));
     * new Match.Disabled();
     * }</pre>
     */
    sealed interface Match {

        /** The field's value is one of these, ignoring case. */
        record FieldIn(PersonField field, Set<String> values) implements Match {
            public FieldIn {
                Objects.requireNonNull(field, "field");
                values = Policy.sorted(values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).toList());
            }
        }

        /** A member of the group (its DN). */
        record MemberOf(String group) implements Match {
            public MemberOf {
                group = Names.dn(group);
            }
        }

        /** The entry lives at or under this DN: an OU, or a source's base DN. */
        record Under(String base) implements Match {
            public Under {
                base = Names.dn(base);
            }
        }

        /** The directory marks the account as disabled. */
        record Disabled() implements Match {
        }
    }
}
