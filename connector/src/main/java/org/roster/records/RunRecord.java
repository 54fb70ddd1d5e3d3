package org.roster.records;

import java.time.Instant;
import java.util.Objects;

/**
 * A run as it is recorded: how it was started, where it stands, who carries it, and its counts.
 *
 * @param stage     the stage of {@link org.roster.sync.RunProgress.Stage} it is at, by name
 * @param owner     the server that carries it, or null when handed back or ended
 * @param epoch     the epoch of its lease: raised at every takeover and hand-back
 * @param watermark where its read of the directory left off, for the next run's incremental read
 */
public record RunRecord(long id, RunStatus status, String trigger, String startedBy, boolean dryRun, String stage,
                        int progress, String policyName, String platform, Instant startedAt, Instant finishedAt,
                        Boolean sourceComplete, String error, Long removalLimit, String decidedBy, String owner,
                        Instant heartbeatAt, long epoch, Instant scheduledFor, String readMode, String watermark,
                        Counts counts) {

    public RunRecord {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(counts, "counts");
    }

    /** The counts of a run, as its last saved progress has them. */
    public record Counts(long read, long rejected, long inScope, long excluded, long gone, long added, long updated,
                         long removed, long delivered, long failed) {
    }
}
