package org.roster.sync;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.roster.policy.PersonField;

/**
 * One source's normalised entry for an employee, kept so that entries from several sources can be
 * merged again whenever one of them changes, without reading the others.
 *
 * @param sourceId   the source the entry came from
 * @param identity   its identity in that source
 * @param key        the merge key: entries with equal keys are one employee
 * @param reference  where it lives in that source (a DN)
 * @param precedence the source's place: lower wins a conflict
 * @param values     its normalised values
 * @param groups     its groups, as normalised DNs
 */
public record SourceRecord(String sourceId, String identity, String key, String reference, int precedence,
                           Map<PersonField, String> values, Set<String> groups) {

    public SourceRecord {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reference, "reference");
        Map<PersonField, String> copy = new EnumMap<>(PersonField.class);
        copy.putAll(values);
        values = Map.copyOf(copy);
        groups = Set.copyOf(groups);
    }

    @Override
    public String toString() {
        return "SourceRecord[" + sourceId + ", " + identity + "]";
    }
}
