package org.roster.records;

import org.roster.audit.AuditLog;
import org.roster.audit.CheckpointSigner;
import org.roster.audit.RecordSeal;

/**
 * A port: the audit trail's {@link AuditLog} on the store, sealing and signing with the audit keys
 * given, in one of two kinds of transaction. A change made through the API is recorded in the
 * transaction that makes it, so the two commit together or not at all; what a run records as it
 * goes, verification and pruning commit on their own.
 *
 * <pre>{@code
 * logs.committingAlone(signer, seal).append(List.of(event));
 * logs.withCallersChange(signer, seal).append(List.of(event));   // inside the caller's transaction
 * }</pre>
 */
public interface AuditLogs {

    /** The trail whose every unit of work commits on its own. */
    AuditLog committingAlone(CheckpointSigner signer, RecordSeal seal);

    /**
     * The trail in the caller's transaction, which must exist. Appending first writes what the
     * caller changed so far, whose failures are thrown as they are, then writes the records at
     * once: one the database refuses is thrown as {@link Refused}, and the caller's transaction,
     * change included, rolls back.
     */
    AuditLog withCallersChange(CheckpointSigner signer, RecordSeal seal);

    /** The database refused an audit record; its cause is the store's own exception. */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(RuntimeException cause) {
            super("the audit trail refused a record", cause);
        }
    }
}
