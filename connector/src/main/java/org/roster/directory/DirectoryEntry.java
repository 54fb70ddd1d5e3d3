package org.roster.directory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.roster.policy.PersonField;

/**
 * One entry as a source read it, already mapped onto Roster's field names but not yet checked or
 * normalised: values are as the directory holds them, possibly several per field.
 *
 * <pre>{@code
 * DirectoryEntry entry = DirectoryEntry.builder("uid=p1,ou=people,dc=example,dc=org")
 *         .id("p1")
 *         .add(PersonField.MOBILE, "0151 2345678")
 *         .build();
 * }</pre>
 *
 * @param reference where the entry lives in its source (an LDAP DN, a Graph object id); shown to
 *                  admins when the entry is rejected, never logged
 * @param ids       the values of the source's identity attribute: exactly one is expected
 * @param values    mapped field values, in the source's order
 * @param groups    the DNs of the groups the entry is a member of, when the source reads them
 */
public record DirectoryEntry(String reference, List<String> ids, Map<PersonField, List<String>> values,
                             List<String> groups) {

    public DirectoryEntry {
        Objects.requireNonNull(reference, "reference");
        ids = List.copyOf(ids);
        groups = List.copyOf(groups);
        Map<PersonField, List<String>> copy = new EnumMap<>(PersonField.class);
        values.forEach((field, list) -> copy.put(field, List.copyOf(list)));
        values = Map.copyOf(copy);
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
        private final List<String> ids = new java.util.ArrayList<>(1);
        private final Map<PersonField, List<String>> values = new EnumMap<>(PersonField.class);
        private final List<String> groups = new java.util.ArrayList<>();

        private Builder(String reference) {
            this.reference = reference;
        }

        public Builder id(String id) {
            ids.add(id);
            return this;
        }

        public Builder add(PersonField field, String value) {
            values.computeIfAbsent(field, f -> new java.util.ArrayList<>(1)).add(value);
            return this;
        }

        public Builder group(String groupDn) {
            groups.add(groupDn);
            return this;
        }

        public DirectoryEntry build() {
            return new DirectoryEntry(reference, ids, values, groups);
        }
    }
}
