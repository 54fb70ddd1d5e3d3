package org.roster.sync;

/**
 * The safety limit on removals: a run whose plan would remove more contacts than this stops before
 * delivering anything and waits for an admin, since a mass removal is far more often a broken
 * directory (an OU moved, a filter changed) than a mass departure.
 *
 * <pre>{@code
 * RemovalGuard guard = RemovalGuard.of(0.05, 500);   // 5% of delivered contacts, at most 500
 * guard.limit(20_000);                              // 500
 * guard.approving(1_234).limit(20_000);             // 1,234: an admin approved this many
 * }</pre>
 *
 * @param share    the share of all delivered contacts a run may remove
 * @param maximum  the most a run may remove, whatever the share
 * @param approved removals an admin approved for this run (0 if none)
 */
public record RemovalGuard(double share, long maximum, long approved) {

    /** No limit: for dry runs and tests of other behaviour. */
    public static final RemovalGuard NONE = new RemovalGuard(1.0, Long.MAX_VALUE, 0);

    public RemovalGuard {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("the share of removals must be between 0 and 1, not " + share);
        }
        if (maximum < 0 || approved < 0) {
            throw new IllegalArgumentException("removal limits can't be negative");
        }
    }

    public static RemovalGuard of(double share, long maximum) {
        return new RemovalGuard(share, maximum, 0);
    }

    /** The same guard for a run an admin approved to remove up to this many. */
    public RemovalGuard approving(long removals) {
        return new RemovalGuard(share, maximum, removals);
    }

    /** How many removals a run may make when this many contacts are delivered in all. */
    public long limit(long delivered) {
        long byShare = (long) Math.floor(share * delivered);
        return Math.max(approved, Math.min(byShare, maximum));
    }

    /** Whether this guard limits anything. */
    public boolean active() {
        return !equals(NONE);
    }
}
