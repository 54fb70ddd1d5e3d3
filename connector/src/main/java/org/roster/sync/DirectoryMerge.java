package org.roster.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.roster.directory.Employee;
import org.roster.policy.PersonField;

/**
 * Merges one employee's entries from several sources. The rule, field by field: the value of the
 * source with the lowest precedence that has one (ties broken by source id); a source without the
 * field never blanks it. Groups are the union of all. The employee's id is the merge key, and their
 * directory name is that of the first source's entry.
 *
 * <pre>{@code
 * DirectoryMerge.Merged merged = DirectoryMerge.merge("ana.lima@example.org", records);
 * merged.employee();  // one Employee
 * merged.conflicts(); // fields where a later source had another value, which lost
 * }</pre>
 */
public final class DirectoryMerge {

    /** Precedence first, then source id: the order sources are merged in. */
    public static final Comparator<SourceRecord> ORDER = Comparator.comparingInt(SourceRecord::precedence)
            .thenComparing(SourceRecord::sourceId);

    private DirectoryMerge() {
    }

    /** A field two sources disagree on, and which won; the values themselves are not kept. */
    public record Conflict(PersonField field, String winner, String loser) {
        @Override
        public String toString() {
            return field.policyName() + " from " + winner + " over " + loser;
        }
    }

    /** The merged employee and the conflicts the precedence rule settled. */
    public record Merged(Employee employee, List<Conflict> conflicts, List<String> sources) {
    }

    /** Mail addresses differing only in case are one address. */
    private static boolean same(PersonField field, String a, String b) {
        return field == PersonField.MAIL ? a.equalsIgnoreCase(b) : a.equals(b);
    }

    /**
     * @param records at least one, all with the same key
     */
    public static Merged merge(String key, List<SourceRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge for " + key);
        }
        List<SourceRecord> ordered = new ArrayList<>(records);
        ordered.sort(ORDER);
        Map<PersonField, String> values = new EnumMap<>(PersonField.class);
        Map<PersonField, String> from = new EnumMap<>(PersonField.class);
        Set<String> groups = new HashSet<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (SourceRecord record : ordered) {
            record.values().forEach((field, value) -> {
                String held = values.get(field);
                if (held == null) {
                    values.put(field, value);
                    from.put(field, record.sourceId());
                } else if (!same(field, held, value)) {
                    conflicts.add(new Conflict(field, from.get(field), record.sourceId()));
                }
            });
            groups.addAll(record.groups());
        }
        return new Merged(new Employee(key, ordered.get(0).reference(), values, groups), List.copyOf(conflicts),
                ordered.stream().map(SourceRecord::sourceId).distinct().toList());
    }
}
