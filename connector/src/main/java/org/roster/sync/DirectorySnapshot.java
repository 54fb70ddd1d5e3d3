package org.roster.sync;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.roster.directory.Employee;
import org.roster.directory.Rejection;
import org.roster.policy.Person;
import org.roster.policy.ScopeDecision;

/**
 * A port, one of the {@link StateStore}'s roles: the directory as last read, each employee with the
 * scope decision the active policy made, written a batch at a time as a run reads.
 *
 * <pre>{@code
 * snapshot.saveEntries(runId, List.of(new DirectorySnapshot.Decided(employee, decision)), List.of());
 * }</pre>
 */
public interface DirectorySnapshot extends UnitOfWork {


    /** What each of these employees chose in self-service; employees who chose nothing are absent. */
    Map<String, Person.SelfService> selfService(Collection<String> employeeIds);

    /**
     * An employee with the scope decision the active policy made about them.
     *
     * @param readFingerprint the entry's {@link ReadFingerprint} as read, or empty when the run did
     *                        not take one (a merged entry): such an employee is normalised and
     *                        decided again at every full run
     * @param fingerprint     a fingerprint of everything a run stores about the employee: what was
     *                        read, whether a number's region was guessed, and the scope decision
     *                        with its rule and reason. Equal fingerprints mean storing the entry
     *                        again would change nothing. Made once, by the constructors without it
     * @param regionGuessed   whether a phone number was read without its country code
     */
    record Decided(Employee employee, ScopeDecision scope, String readFingerprint, String fingerprint,
                   boolean regionGuessed) {

        public Decided {
            Objects.requireNonNull(readFingerprint, "readFingerprint");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }

        public Decided(Employee employee, ScopeDecision scope, String readFingerprint, boolean regionGuessed) {
            this(employee, scope, readFingerprint, fingerprintOf(employee, scope, regionGuessed), regionGuessed);
        }

        public Decided(Employee employee, ScopeDecision scope, String readFingerprint) {
            this(employee, scope, readFingerprint, false);
        }

        public Decided(Employee employee, ScopeDecision scope) {
            this(employee, scope, "");
        }

        /** The {@link #fingerprint} of an employee so decided. */
        private static String fingerprintOf(Employee employee, ScopeDecision scope, boolean regionGuessed) {
            String reason = scope instanceof ScopeDecision.Excluded ex ? ex.reason()
                    : scope instanceof ScopeDecision.ViewerOnly only ? only.reason() : null;
            String stored = EmployeeFingerprint.of(employee, scope.receives(), scope.delivered(), scope.ruleId(), reason);
            // a guess is marked on top, so that what was stored before guesses were kept still compares equal
            return regionGuessed ? stored + "?" : stored;
        }
    }

    /**
     * The {@link Decided#fingerprint() fingerprint} of each of these employees as stored, for those
     * present in the directory (an employee marked gone has none, so reading them again stores them).
     */
    Map<String, String> storedFingerprints(Collection<String> employeeIds);

    /**
     * What deciding a batch of read employees needs from the store, asked at once: the self-service
     * choices of every one of {@code employeeIds}, and the stored fingerprints of those of them in
     * {@code fingerprinted} (as {@link #storedFingerprints}).
     */
    default Known known(Collection<String> employeeIds, Collection<String> fingerprinted) {
        return new Known(selfService(employeeIds), storedFingerprints(fingerprinted));
    }

    /** A batch's {@link #known} state: choices and fingerprints by employee id; absent when none. */
    record Known(Map<String, Person.SelfService> choices, Map<String, String> fingerprints) {
    }

    /**
     * The active employees whose self-service choice was made after their scope was last decided
     * and stored: a read of changes, which does not read their entries, decides them again
     * ({@link Deciding#decideLateChoices}). None for a store that keeps no such times.
     */
    default List<Employee> choseSinceDecided() {
        return List.of();
    }

    /**
     * Marks employees read again without change as seen by the run, so a complete read does not take
     * them for gone; nothing else about them is written.
     */
    void markSeen(long runId, Collection<String> employeeIds);

    /**
     * Marks employees read again without change as seen by the run, keeping each one's read
     * fingerprint as given (an entry may read differently, with extra white space say, and still
     * normalise to what is stored): the next full run then skips them unread.
     */
    default void markSeen(long runId, Map<String, String> readFingerprints) {
        markSeen(runId, readFingerprints.keySet());
    }

    /**
     * Of these ids, the ones this run has already read, with the directory name (DN) it read each
     * at: a second entry with the same identity in one read is a duplicate.
     */
    Map<String, String> readByRun(long runId, Collection<String> ids);

    /** Saves a batch of read entries: accepted employees (marked as seen by the run) and rejections. */
    void saveEntries(long runId, List<Decided> employees, List<Rejection> rejections);

    /** Marks these employees gone, as a source that reports deletions said; returns how many were active. */
    long markGone(Collection<String> employeeIds);

    /** After a complete read: marks employees the run did not see as gone; returns how many. */
    long markUnseenAsGone(long runId);

    /**
     * Deletes what is held about employees who left the directory before {@code cutoff}: their
     * directory data, group memberships, self-service choices and the rejections that name them.
     * Someone still held as a delivered contact or viewer is kept until that is undone. Returns the
     * ids purged, so the audit trail can say whose data went (ids only).
     */
    List<String> purgeGoneBefore(Instant cutoff);
}
