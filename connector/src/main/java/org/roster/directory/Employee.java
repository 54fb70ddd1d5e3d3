package org.roster.directory;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.roster.policy.Names;
import org.roster.policy.Person;
import org.roster.policy.PersonField;

/**
 * An employee after normalisation: one stable id, and at most one clean value per field (names
 * trimmed and in Unicode NFC, phone numbers in E.164).
 *
 * <pre>{@code
 * Employee ana = new Employee("p42", "uid=p42,ou=people,dc=example,dc=org",
 *         Map.of(PersonField.GIVEN_NAME, "Ana", PersonField.MOBILE, "+4915123456789"));
 * }</pre>
 *
 * @param id        the stable directory identity; the {@code {id}} of the REST API
 * @param reference where the entry lives in its source
 * @param values    the normalised values
 * @param groups    the groups the employee is a member of, as normalised DNs
 */
public record Employee(String id, String reference, Map<PersonField, String> values, Set<String> groups)
        implements Person {

    public Employee {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reference, "reference");
        Map<PersonField, String> copy = new EnumMap<>(PersonField.class);
        values.forEach((field, value) -> copy.put(Objects.requireNonNull(field, "field"),
                Objects.requireNonNull(value, () -> field + " has no value")));
        // an enum map finds a field by its ordinal, and iterates in the fields' order
        values = Collections.unmodifiableMap(copy);
        groups = Set.copyOf(groups.stream().map(Names::dn).toList());
    }

    /** An employee who is in no group Roster knows of. */
    public Employee(String id, String reference, Map<PersonField, String> values) {
        this(id, reference, values, Set.of());
    }

    @Override
    public Optional<String> value(PersonField field) {
        return Optional.ofNullable(values.get(field));
    }

    @Override
    public String toString() {
        // never print personal data, not even by accident in a log line
        return "Employee[" + id + "]";
    }
}
