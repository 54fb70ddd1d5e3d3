package org.roster.sync;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.roster.directory.DirectoryEntry;
import org.roster.directory.DirectorySource;

/**
 * A directory that tracks its changes as a change-tracking source does: every entry written or
 * deleted takes the next version, a read of changes hands over the entries written since a
 * watermark and names those deleted since (as Graph's delta and LDAP content sync do), and a full
 * read hands over everything.
 *
 * <pre>{@code
 * VersionedDirectorySource source = new VersionedDirectorySource();
 * source.become(directory);                 // what changed takes the next versions
 * source.readChanges("3", receiver);        // entries written and deleted after version 3
 * }</pre>
 */
final class VersionedDirectorySource implements DirectorySource {

    private record Versioned(DirectoryEntry entry, long version) {
    }

    private final Map<String, Versioned> entries = new LinkedHashMap<>();
    private final Map<String, Long> deleted = new LinkedHashMap<>();
    private long version;

    /** Makes the directory hold exactly these entries (by id), giving what changed the next versions. */
    void become(Map<String, DirectoryEntry> directory) {
        for (String id : Set.copyOf(entries.keySet())) {
            if (!directory.containsKey(id)) {
                entries.remove(id);
                deleted.put(id, ++version);
            }
        }
        directory.forEach((id, entry) -> {
            Versioned held = entries.get(id);
            if (held == null || !held.entry().equals(entry)) {
                entries.put(id, new Versioned(entry, ++version));
                deleted.remove(id);
            }
        });
    }

    /** The watermark a read now would return. */
    String watermark() {
        return Long.toString(version);
    }

    @Override
    public ReadSummary readAll(Consumer<DirectoryEntry> sink) {
        return readChanges(null, sink).summary();
    }

    @Override
    public boolean tracksChanges() {
        return true;
    }

    @Override
    public ChangeRead readChanges(String since, Consumer<DirectoryEntry> sink) {
        long after = since == null ? 0 : Long.parseLong(since);
        long handed = 0;
        for (Versioned held : entries.values()) {
            if (held.version() > after) {
                sink.accept(held.entry());
                handed++;
            }
        }
        Set<String> gone = new HashSet<>();
        deleted.forEach((id, at) -> {
            if (at > after) {
                gone.add(id);
            }
        });
        return new ChangeRead(ReadSummary.complete(handed), Long.toString(version), gone);
    }

    @Override
    public void checkReachable() {
    }
}
