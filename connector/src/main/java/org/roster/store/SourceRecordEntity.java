package org.roster.store;

import java.io.Serializable;
import java.io.StringReader;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.roster.policy.PersonField;
import org.roster.sync.SourceRecord;

/** One source's entry for an employee, as last read (see {@link org.roster.sync.SourceRecords}). */
@Entity
@Table(name = "source_record")
@IdClass(SourceRecordEntity.Key.class)
public class SourceRecordEntity {

    /** The primary key: the source and the entry's identity in it. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String sourceId;
        private String identity;

        public Key() {
        }

        public Key(String sourceId, String identity) {
            this.sourceId = sourceId;
            this.identity = identity;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.sourceId.equals(sourceId) && k.identity.equals(identity);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sourceId, identity);
        }
    }

    @Id @Column(name = "source_id", length = 64) private String sourceId;
    @Id @Column(name = "identity", length = 256) private String identity;
    @Column(name = "merge_key", length = 256, nullable = false) private String mergeKey;
    @Column(name = "reference", length = 1024, nullable = false) private String reference;
    @Column(name = "precedence", nullable = false) private int precedence;
    @Column(name = "field_values", columnDefinition = "text", nullable = false) private String fieldValues;
    @Column(name = "groups", columnDefinition = "text", nullable = false) private String groups;
    @Column(name = "seen_run", nullable = false) private long seenRun;

    protected SourceRecordEntity() {
    }

    public SourceRecordEntity(String sourceId, String identity) {
        this.sourceId = sourceId;
        this.identity = identity;
    }

    /** Takes the record's content and marks it seen by the run. */
    public void update(SourceRecord record, long runId) {
        this.mergeKey = record.key();
        this.reference = record.reference();
        this.precedence = record.precedence();
        JsonObjectBuilder values = Json.createObjectBuilder();
        record.values().forEach((field, value) -> values.add(field.policyName(), value));
        this.fieldValues = values.build().toString();
        JsonArrayBuilder list = Json.createArrayBuilder();
        record.groups().stream().sorted().forEach(list::add);
        this.groups = list.build().toString();
        this.seenRun = runId;
    }

    /** Marks the record seen by the run, unchanged. */
    public void seen(long runId) {
        this.seenRun = runId;
    }

    public SourceRecord toRecord() {
        Map<PersonField, String> values = new EnumMap<>(PersonField.class);
        try (JsonReader reader = Json.createReader(new StringReader(fieldValues))) {
            reader.readObject().forEach((name, value) -> PersonField.byName(name)
                    .ifPresent(field -> values.put(field, ((JsonString) value).getString())));
        }
        Set<String> groupSet = new HashSet<>();
        try (JsonReader reader = Json.createReader(new StringReader(groups))) {
            reader.readArray().getValuesAs(JsonString.class).forEach(g -> groupSet.add(g.getString()));
        }
        return new SourceRecord(sourceId, identity, mergeKey, reference, precedence, values, groupSet);
    }

    public String getSourceId() { return sourceId; }
    public String getIdentity() { return identity; }
    public String getMergeKey() { return mergeKey; }
    public long getSeenRun() { return seenRun; }
}
