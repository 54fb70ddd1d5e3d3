package org.roster.policy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the policy engine sees of an employee: a stable id and named attributes.
 *
 * <p>The engine never sees a directory's own types; the connector hands over its normalised
 * employee through this view.
 *
 * <pre>{@code
 * Person ana = Person.of("p42", Map.of(PersonField.DEPARTMENT, "Finance"));
 * ana.value(PersonField.DEPARTMENT); // Optional[Finance]
 * }</pre>
 */
public interface Person {

    /** The employee's stable directory identity. */
    String id();

    /** The value of a field, if the employee has one. */
    Optional<String> value(PersonField field);

    /** Where the entry lives in its directory (a DN), for rules on the directory tree. */
    default String reference() {
        return "";
    }

    /** The groups the employee is a member of, as normalised DNs (lower case, no spaces). */
    default Set<String> groups() {
        return Set.of();
    }

    /** What the employee said in Roster's self-service: opted out, opted in. */
    default SelfService selfService() {
        return SelfService.NONE;
    }

    /**
     * An employee's own choices, held by Roster (not the directory).
     *
     * @param optedOut the employee asked to be left out
     * @param optedIn  the employee consented to their number being sent to a messenger
     */
    record SelfService(boolean optedOut, boolean optedIn) {
        public static final SelfService NONE = new SelfService(false, false);
    }

    /** A person backed by a map, for tests and simulations. */
    static Person of(String id, Map<PersonField, String> values) {
        Map<PersonField, String> copy = Map.copyOf(values);
        return new Person() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Optional<String> value(PersonField field) {
                return Optional.ofNullable(copy.get(field));
            }

            @Override
            public String toString() {
                return "Person[" + id + "]";
            }
        };
    }
}
