package org.roster.records;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The directory sources admins added through the API, as kept in the database. Each method joins
 * the caller's transaction, so a change commits with the audit record that tells of it.
 *
 * <pre>{@code
 * stored.add(new StoredSource("hr", "ldap", "HR", 10, true, settings, Optional.of(sealed)), "admin", now);
 * List<StoredSource> sources = stored.all();
 * }</pre>
 */
public interface StoredSources {

    /** Every source added, in no particular order. */
    List<StoredSource> all();

    Optional<StoredSource> find(String id);

    /** Keeps a new source; the id must not be taken. */
    void add(StoredSource source, String actor, Instant at);

    /** Replaces the description and secrets of the source with this id, which must exist. */
    void replace(StoredSource source, String actor, Instant at);

    /** Forgets the source with this id, which must exist. */
    void remove(String id);
}
