package org.roster.records;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.roster.sync.RunProgress;

/**
 * A port: the runs as recorded, for starting them one at a time, taking over those of servers gone
 * quiet, and deciding about those that wait for approval. Every method works in the caller's unit
 * of work, so a run and the records made with it commit together.
 *
 * <pre>{@code
 * runs.awaitTurnToStart();
 * if (!runs.anyOpen()) {
 *     long id = runs.create(new NewRun("manual", false, "default", "recorded", "admin", "server-a", now, null));
 * }
 * }</pre>
 */
public interface Runs {

    /**
     * Waits until no other starter, on any server, is between looking for an open run and recording
     * its own; the turn lasts until the caller's unit of work ends.
     */
    void awaitTurnToStart();

    /** Whether a run is queued or running, on any server. */
    boolean anyOpen();

    /** A run that is queued or running, on any server, if there is one. */
    Optional<Long> open();

    /** The queued and running runs, on every server. */
    List<RunRecord> allOpen();

    /** Records a new run, queued and already claimed by its server, and answers its id. */
    long create(NewRun run);

    /**
     * Ends every run that awaits approval as rejected by the system, with this note: a newer run
     * plans again.
     *
     * @return the ids of the runs superseded
     */
    List<Long> supersedeAwaiting(String note, Instant at);

    /** The run a schedule started for this fire time, if one did. */
    Optional<Long> scheduledFor(Instant fireTime);

    /** The run with this id, if there is one. */
    Optional<RunRecord> find(long runId);

    /**
     * The run with this id, held until the caller's unit of work ends, so that two admins deciding at
     * once decide one after the other.
     */
    Optional<RunRecord> findToDecide(long runId);

    /**
     * An admin's decision about a run that awaits approval: approved, it runs again and {@code server}
     * carries it; rejected, it ends with this note.
     */
    void decide(long runId, boolean approved, String admin, String note, String server, Instant at);

    /** The counts of a run as last saved, for a run that goes on where it stopped. */
    RunProgress resumeProgress(long runId);

    /**
     * The watermarks, by source id, of the last safely planned run other than this one (it
     * completed, or is delivering a complete plan); none when there is no such run or the last
     * complete full read began more than {@code fullReadEvery} before {@code now}: a full read is
     * how leavers are found.
     */
    Map<String, String> lastSafeWatermarks(long runId, Duration fullReadEvery, Instant now);

    /** The last real run that completed, if any has. */
    Optional<RunRecord> lastCompleted();
}
