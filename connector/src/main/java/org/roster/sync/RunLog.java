package org.roster.sync;

/**
 * A port, one of the {@link StateStore}'s roles: a run's live progress and the record of the last
 * complete plan, which tells a run whether it needs to plan at all.
 *
 * <pre>{@code
 * runs.saveProgress(runId, progress);
 * boolean stands = runs.planStands(basis);
 * }</pre>
 */
public interface RunLog extends UnitOfWork {

    /**
     * Whether the last complete plan still stands: it was made on this basis (the policy), nothing
     * it was made from has changed since (no employee stored anew or gone, no delivery refused, no
     * plan discarded), and every viewer still holds the digest it left. Then planning again would
     * change nothing.
     */
    boolean planStands(String basis);

    /**
     * What a run asks before it plans, at once: how many viewers there are
     * ({@link Audiences#countViewers}), and whether the last complete plan stands on this basis
     * ({@link #planStands}).
     */
    Planning planning(String basis);

    /** A run's {@link #planning} question answered: the viewers to plan, and whether the last plan stands. */
    record Planning(long viewers, boolean stands) {
    }

    /** Records that every viewer's contacts were planned, completely, on this basis. */
    void planMade(String basis, long runId);

    /** How many entries the last complete read brought, to estimate progress; 0 if none. */
    long lastCompleteReadCount();

    /** Saves the run's live progress so the API shows it. */
    void saveProgress(long runId, RunProgress progress);
}
