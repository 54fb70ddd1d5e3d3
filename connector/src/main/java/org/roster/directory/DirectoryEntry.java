package org.roster.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.roster.policy.PersonField;

/**
 * One entry as a source read it, already mapped onto Roster's field names but not yet checked or
 * normalised: values are as the directory holds them, possibly several per field. What the source
 * could not read at all (bytes that are not UTF-8, a manager that is not a DN) it does not hand on
 * as a value: it records a problem, and the entry is rejected with it.
 *
 * <pre>{@code
 * DirectoryEntry entry = DirectoryEntry.builder("uid=p1,ou=people,dc=example,dc=org")
 *         .id("p1")
 *         .add(PersonField.MOBILE, "0151 2345678")
 *         .problem("displayName (attribute cn) is not valid UTF-8")
 *         .build();
 * }</pre>
 *
 * @param reference where the entry lives in its source (an LDAP DN, a Graph object id); shown to
 *                  admins when the entry is rejected, never logged
 * @param ids       the values of the source's identity attribute: exactly one is expected
 * @param values    mapped field values, in the source's order
 * @param groups    the DNs of the groups the entry is a member of, when the source reads them
 * @param problems  what the source found wrong while reading the entry, each naming the field and the
 *                  source's attribute and never quoting a value, e.g. {@code mobile (attribute mobile)
 *                  is not valid UTF-8}; an entry with problems is rejected
 */
public record DirectoryEntry(String reference, List<String> ids, Map<PersonField, List<String>> values,
                             List<String> groups, List<String> problems) {

    public DirectoryEntry {
        Objects.requireNonNull(reference, "reference");
        ids = List.copyOf(ids);
        groups = List.copyOf(groups);
        problems = List.copyOf(problems);
        Map<PersonField, List<String>> copy = new EnumMap<>(PersonField.class);
        values.forEach((field, list) -> copy.put(Objects.requireNonNull(field, "field"), List.copyOf(list)));
        // an enum map finds a field by its ordinal: normalising looks up every field of every entry
        values = Collections.unmodifiableMap(copy);
    }

    /** An entry the source read without any problem. */
    public DirectoryEntry(String reference, List<String> ids, Map<PersonField, List<String>> values,
                          List<String> groups) {
        this(reference, ids, values, groups, List.of());
    }

    /** The values of one field, empty when the entry has none. */
    public List<String> valuesOf(PersonField field) {
        return values.getOrDefault(field, List.of());
    }

    public static Builder builder(String reference) {
        return new Builder(reference);
    }

    /** Collects an entry's values as an adapter reads them. */
    public static final class Builder {
        private final String reference;
        private final List<String> ids = new ArrayList<>(1);
        private final Map<PersonField, List<String>> values = new EnumMap<>(PersonField.class);
        private final List<String> groups = new ArrayList<>();
        private final List<String> problems = new ArrayList<>(0);

        private Builder(String reference) {
            this.reference = reference;
        }

        public Builder id(String id) {
            ids.add(id);
            return this;
        }

        public Builder add(PersonField field, String value) {
            values.computeIfAbsent(field, f -> new ArrayList<>(1)).add(value);
            return this;
        }

        public Builder group(String groupDn) {
            groups.add(groupDn);
            return this;
        }

        /**
         * Records what the source could not read, naming the field and its attribute but never
         * quoting the value, e.g. {@code manager (attribute manager) is not a valid DN}. The same
         * problem recorded twice is kept once.
         */
        public Builder problem(String problem) {
            Objects.requireNonNull(problem, "problem");
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
            return this;
        }

        public DirectoryEntry build() {
            return new DirectoryEntry(reference, ids, values, groups, problems);
        }
    }
}
