package org.roster.records;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A port: the app passwords employees made for their address books, kept as a keyed digest (or,
 * for those made before digests, a salted hash), never as the password. Each call joins the
 * caller's unit of work.
 *
 * <pre>{@code
 * AppPasswordRecords.Stored made = records.add("p000100", "My phone", lookup, clock.instant());
 * List<AppPasswordRecords.Stored> found = records.candidates("p000100", lookup);
 * }</pre>
 */
public interface AppPasswordRecords {

    /** How many passwords the employee has. */
    long count(String employeeId);

    /** Keeps a new password by its digest; the answer carries its id. */
    Stored add(String employeeId, String label, String lookup, Instant at);

    /** The employee's passwords, oldest first. */
    List<Stored> of(String employeeId);

    /** Deletes one of the employee's passwords; false when they have none with that id. */
    boolean delete(String employeeId, long id);

    /** The employee's passwords with this digest, and those from before digests (no digest yet). */
    List<Stored> candidates(String employeeId, String lookup);

    /** Marks a password used at {@code at}; with {@code upgradeTo}, it gets that digest and loses its hash. */
    void used(long id, Instant at, String upgradeTo);

    /**
     * A password as stored.
     *
     * @param lookup the keyed digest it is found by; null for one from before digests
     * @param hash   the salted hash of one from before digests; null once it has a digest
     */
    record Stored(long id, String employeeId, String label, String lookup, String hash, Instant createdAt,
                  Instant lastUsedAt) {
        public Stored {
            Objects.requireNonNull(employeeId, "employeeId");
        }

        @Override
        public String toString() {
            return "Stored[" + id + ", " + employeeId + "]";
        }
    }
}
