package org.roster.sync;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A port: each source's entries as last read, when several sources are merged into one directory.
 * Each method is one unit of work.
 *
 * <pre>{@code
 * Set<String> moved = records.save(runId, batch);       // keys that lost an entry to another key
 * Map<String, List<SourceRecord>> byKey = records.forKeys(keys);
 * Set<String> affected = records.dropUnseen("hr", runId); // after a complete full read of hr
 * }</pre>
 */
public interface SourceRecords {

    /** Every record with one of these keys, grouped by key, each group in precedence order. */
    Map<String, List<SourceRecord>> forKeys(Collection<String> keys);

    /**
     * Of these keys, the ones this run has already saved an entry of the source for, with that
     * entry's directory name: a second entry with the same key in one source is a duplicate.
     */
    Map<String, String> keysSeenByRun(String sourceId, long runId, Collection<String> keys);

    /**
     * Marks the source's records with these identities seen by the run, unchanged: their entries
     * were rejected this time, and keep their last good state. Returns the key of each one kept.
     */
    Map<String, String> keep(String sourceId, long runId, Collection<String> identities);

    /**
     * Saves records as read by the run (marking them seen by it); returns the keys some of them had
     * before and no longer have, whose employees must be merged again.
     */
    Set<String> save(long runId, List<SourceRecord> records);

    /** Deletes the source's records the run did not see (after its complete full read); returns their keys. */
    Set<String> dropUnseen(String sourceId, long runId);

    /** Deletes the source's records with these identities (deleted in the source); returns their keys. */
    Set<String> drop(String sourceId, Collection<String> identities);

    /** Deletes the records of every source not listed (sources an admin removed); returns their keys. */
    Set<String> dropSourcesOtherThan(Set<String> sourceIds);
}
