package org.roster.records;

/**
 * Where a run stands: queued and running runs are open (one at a time across every server); a run
 * whose plan removes more than the safety limit awaits an admin's approval; the rest have ended.
 */
public enum RunStatus {
    QUEUED, RUNNING, COMPLETED, INCOMPLETE, FAILED, AWAITING_APPROVAL, APPROVED, REJECTED
}
