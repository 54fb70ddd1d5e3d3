package org.roster.audit;

import java.util.Optional;

/**
 * What the newest anchor outside the database says about the trail inside it. Someone who can
 * write to the database can cut the trail's last records and move its head back, or replace the
 * whole trail with a chain of their own; the chain alone can't tell, the anchor can.
 *
 * <pre>{@code
 * AnchorFinding finding = AnchorFinding.of(reading.newest(), lastRecordId, prunedThroughId, macOfAnchoredRecord);
 * if (!finding.holds()) { show(finding.problem()); }
 * }</pre>
 */
public sealed interface AnchorFinding {

    /** Whether the trail agrees with the anchor (or there is none to compare with yet). */
    boolean holds();

    /** What is wrong, in words, or empty when it holds. */
    String problem();

    /** The id of the first record the anchor shows to be missing or replaced, or -1. */
    long firstBrokenId();

    /** No genuine anchor yet (a new server before its first run or admin action). */
    record NotAnchored() implements AnchorFinding {
        @Override public boolean holds() { return true; }
        @Override public String problem() { return ""; }
        @Override public long firstBrokenId() { return -1; }
    }

    /**
     * The anchored record is in the trail with the seal the anchor names, or was pruned since under
     * a signed checkpoint.
     */
    record Holds(AuditAnchor anchor) implements AnchorFinding {
        @Override public boolean holds() { return true; }
        @Override public String problem() { return ""; }
        @Override public long firstBrokenId() { return -1; }
    }

    /** The trail ends before the anchored record: its last records were deleted. */
    record Truncated(AuditAnchor anchor, long trailEndsAt) implements AnchorFinding {
        @Override public boolean holds() { return false; }
        @Override public long firstBrokenId() { return trailEndsAt + 1; }

        @Override
        public String problem() {
            String where = trailEndsAt == 0 ? "Every record is missing: the trail is empty"
                    : "Records after " + trailEndsAt + " are missing: the trail ends at record " + trailEndsAt;
            return where + ", but Roster anchored record " + anchor.lastId() + " outside the database at "
                    + anchor.at() + " (server " + anchor.server() + "). The last records were deleted.";
        }
    }

    /** The anchored record is there but is not the one anchored: the trail was replaced. */
    record Replaced(AuditAnchor anchor) implements AnchorFinding {
        @Override public boolean holds() { return false; }
        @Override public long firstBrokenId() { return anchor.lastId(); }

        @Override
        public String problem() {
            return "The trail was replaced: record " + anchor.lastId() + " is not the record Roster anchored "
                    + "outside the database at " + anchor.at() + " (server " + anchor.server()
                    + "); its seal differs.";
        }
    }

    /**
     * Compares the newest anchor with the trail.
     *
     * @param newest          the newest genuine anchor, if any
     * @param lastRecordId    the highest record id in the database, {@code 0} when it holds none
     * @param prunedThroughId the last record pruned under the newest signed checkpoint, {@code 0} if none
     * @param anchoredMac     the seal of the record the anchor names, if that record exists and has one
     */
    static AnchorFinding of(Optional<AuditAnchor> newest, long lastRecordId, long prunedThroughId,
                            Optional<String> anchoredMac) {
        if (newest.isEmpty()) {
            return new NotAnchored();
        }
        AuditAnchor anchor = newest.get();
        if (anchor.lastId() == 0 || anchor.lastId() <= prunedThroughId) {
            return new Holds(anchor);
        }
        long trailEnd = Math.max(lastRecordId, prunedThroughId);
        if (anchor.lastId() > trailEnd) {
            return new Truncated(anchor, trailEnd);
        }
        return anchoredMac.filter(anchor.lastMac()::equals).isPresent() ? new Holds(anchor) : new Replaced(anchor);
    }
}
