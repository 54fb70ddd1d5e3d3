package org.roster.policy;

import java.util.Optional;

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

    /** A person backed by a map, for tests and simulations. */
    static Person of(String id, java.util.Map<PersonField, String> values) {
        java.util.Map<PersonField, String> copy = java.util.Map.copyOf(values);
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
