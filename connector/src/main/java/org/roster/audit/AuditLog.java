package org.roster.audit;

import java.time.Instant;
import java.util.List;

/**
 * A port: the append-only audit trail. Each record is chained to the one before by a hash, so a
 * record edited or deleted afterwards breaks the chain where it happened, and sealed with a key
 * held outside the database ({@link RecordSeal}), so an edit whose hashes were recomputed shows too.
 *
 * <pre>{@code
 * audit.append(List.of(new AuditEvent(now, "admin", "run.started", "run:12", "manual full sync")));
 * AuditLog.Verification v = audit.verify();
 * }</pre>
 */
public interface AuditLog {

    /** Appends events in order, chained to the current end of the trail, in one unit of work. */
    void append(List<AuditEvent> events);

    /**
     * Re-computes the chain from the start (or from the latest checkpoint, whose signature is
     * checked first) and reports the first broken link, if any.
     */
    Verification verify();

    /**
     * Deletes the records older than {@code cutoff} and leaves a signed checkpoint in their place,
     * holding the id and hash of the last deleted record, so the rest of the trail still verifies
     * and nobody can forge a checkpoint without the key.
     *
     * @return how many records were deleted
     */
    long prune(Instant cutoff);

    /**
     * The outcome of a verification.
     *
     * @param intact        whether every record's hash and seal match its content and its predecessor
     * @param records       how many records were checked
     * @param firstBrokenId the id of the first record whose link does not hold, or -1
     * @param problem       what is wrong there, empty when intact
     * @param keys          the ids of the audit keys whose seals and signatures were checked
     * @param keysNotHeld   the ids of keys this server does not hold that sealed records which a later
     *                      record, sealed with a key it holds, vouches for through the hash chain
     */
    record Verification(boolean intact, long records, long firstBrokenId, String problem, List<String> keys,
                        List<String> keysNotHeld) {

        public Verification {
            keys = List.copyOf(keys);
            keysNotHeld = List.copyOf(keysNotHeld);
        }

        /** A verification that names no keys (a trail with nothing sealed to check). */
        public Verification(boolean intact, long records, long firstBrokenId, String problem) {
            this(intact, records, firstBrokenId, problem, List.of(), List.of());
        }
    }
}
