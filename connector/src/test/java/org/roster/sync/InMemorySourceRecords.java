package org.roster.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** {@link SourceRecords} in memory, for tests of the merge without a database. */
final class InMemorySourceRecords implements SourceRecords {

    private record Held(SourceRecord record, long seenRun) {
    }

    private final Map<String, Held> rows = new HashMap<>();

    private static String id(String sourceId, String identity) {
        return sourceId + "\u0000" + identity;
    }

    @Override
    public synchronized Map<String, List<SourceRecord>> forKeys(Collection<String> keys) {
        Set<String> wanted = new HashSet<>(keys);
        Map<String, List<SourceRecord>> byKey = new TreeMap<>();
        rows.values().stream().map(Held::record).filter(r -> wanted.contains(r.key()))
                .forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        byKey.values().forEach(list -> list.sort(DirectoryMerge.ORDER));
        return byKey;
    }

    @Override
    public synchronized Map<String, String> keysSeenByRun(String sourceId, long runId, Collection<String> keys) {
        Set<String> wanted = new HashSet<>(keys);
        Map<String, String> seen = new HashMap<>();
        rows.values().stream().filter(h -> h.seenRun() == runId && h.record().sourceId().equals(sourceId)
                && wanted.contains(h.record().key())).forEach(h -> seen.put(h.record().key(), h.record().reference()));
        return seen;
    }

    @Override
    public synchronized Map<String, String> keep(String sourceId, long runId, Collection<String> identities) {
        Map<String, String> kept = new HashMap<>();
        for (String identity : identities) {
            Held held = rows.get(id(sourceId, identity));
            if (held != null) {
                rows.put(id(sourceId, identity), new Held(held.record(), runId));
                kept.put(identity, held.record().key());
            }
        }
        return kept;
    }

    @Override
    public synchronized Set<String> save(long runId, List<SourceRecord> records) {
        Set<String> moved = new HashSet<>();
        for (SourceRecord record : records) {
            Held old = rows.put(id(record.sourceId(), record.identity()), new Held(record, runId));
            if (old != null && !old.record().key().equals(record.key())) {
                moved.add(old.record().key());
            }
        }
        return moved;
    }

    @Override
    public synchronized Set<String> dropUnseen(String sourceId, long runId) {
        return dropWhere(h -> h.record().sourceId().equals(sourceId) && h.seenRun() != runId);
    }

    @Override
    public synchronized Set<String> drop(String sourceId, Collection<String> identities) {
        Set<String> gone = new HashSet<>(identities);
        return dropWhere(h -> h.record().sourceId().equals(sourceId) && gone.contains(h.record().identity()));
    }

    @Override
    public synchronized Set<String> dropSourcesOtherThan(Set<String> sourceIds) {
        return dropWhere(h -> !sourceIds.contains(h.record().sourceId()));
    }

    private Set<String> dropWhere(Predicate<Held> which) {
        Set<String> keys = new HashSet<>();
        rows.values().removeIf(h -> {
            if (which.test(h)) {
                keys.add(h.record().key());
                return true;
            }
            return false;
        });
        return keys;
    }
}
