package org.roster.sync;

import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.roster.directory.Rejection;
import org.roster.policy.Person;

/**
 * A port, one of the {@link StateStore}'s roles: what a full read compares each entry with before
 * normalising it (the {@link ReadLedger} is loaded from here), and what entries were last rejected
 * as, so an entry read again unchanged is neither normalised nor decided again.
 *
 * <pre>{@code
 * reads.forEachStoredRead(10_000, read -> ledger.add(read));
 * }</pre>
 */
public interface StoredReads extends UnitOfWork {

    /**
     * What a full run compares an entry with before normalising it: the employee's stored
     * {@link ReadFingerprint} (empty when none was kept), whether they receive contacts, and their
     * self-service choices.
     */
    record StoredRead(String employeeId, String readFingerprint, boolean receives,
                      Person.SelfService choices) {
    }

    /**
     * Every active employee's {@link StoredRead}, page by page; memory stays bounded by the page
     * size.
     */
    void forEachStoredRead(int pageSize, Consumer<StoredRead> read);

    /**
     * An entry rejected for what it holds (not for sharing an identity), with the read fingerprint
     * it was rejected as ({@link ReadFingerprint}, without self-service choices, which no rejection
     * depends on).
     */
    record RejectedRead(Rejection rejection, String readFingerprint) {
    }

    /**
     * Keeps what these rejections were rejected as, so that a full run which reads one of the entries
     * again unchanged can record the same rejection without normalising the entry
     * ({@link #rejectAgain}). One per identity: a later rejection replaces an earlier one.
     */
    default void rememberRejected(List<RejectedRead> rejected) {
    }

    /**
     * Forgets what these were rejected as: they are no longer in the directory (a complete read did
     * not meet them, or the source reported them deleted). A rejection's name in the directory is
     * personal data, kept no longer than the entry is there.
     */
    default void forgetRejected(Collection<String> employeeIds) {
    }

    /** Every remembered rejected read: the employee id and the read fingerprint it was rejected as. */
    default void forEachRejectedRead(BiConsumer<String, String> read) {
    }

    /**
     * Records for this run the remembered rejections of these employees ({@link #rememberRejected}),
     * as saving them again would: each rejection is listed with the run, and an employee with a last
     * good state keeps it and counts as seen. Returns how many were recorded.
     */
    default long rejectAgain(long runId, Collection<String> employeeIds) {
        throw new UnsupportedOperationException("this store remembers no rejected reads");
    }
}
