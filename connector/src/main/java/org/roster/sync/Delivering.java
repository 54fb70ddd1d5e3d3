package org.roster.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.roster.audit.AuditEvent;
import org.roster.audit.AuditLog;

/**
 * The deliver stage: the run's outbox drained in batches, each one unit of work in which the
 * platform is handed the changes under their idempotency keys and they become the viewers'
 * delivered state; then the run's end, which purges the data of leavers past retention and empties
 * the outbox.
 *
 * <pre>{@code
 * Delivering delivering = new Delivering(store, store, store, platform, audit, clock, Duration.ofDays(30), 200,
 *         () -> { }, () -> false);
 * delivering.deliver(runId, progress);
 * }</pre>
 */
final class Delivering {

    private final DirectorySnapshot snapshot;
    private final Outbox outbox;
    private final RunLog runs;
    private final ContactPlatform platform;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration personalDataRetention;
    private final int batchSize;
    private final Runnable pacing;
    private final BooleanSupplier handingBack;

    /**
     * @param personalDataRetention how long a leaver's data is kept after they left (the policy's)
     * @param batchSize             changes per delivery batch
     * @param pacing                what happens between batches (a pause that paces the accounts)
     * @param handingBack          whether the run is to be handed back (the server is stopping): asked
     *                             before each batch
     */
    Delivering(DirectorySnapshot snapshot, Outbox outbox, RunLog runs, ContactPlatform platform, AuditLog audit,
               Clock clock, Duration personalDataRetention, int batchSize, Runnable pacing,
               BooleanSupplier handingBack) {
        this.snapshot = snapshot;
        this.outbox = outbox;
        this.runs = runs;
        this.platform = platform;
        this.audit = audit;
        this.clock = clock;
        this.personalDataRetention = personalDataRetention;
        this.batchSize = batchSize;
        this.pacing = pacing;
        this.handingBack = handingBack;
    }

    /**
     * Delivers what the run's outbox still holds, batch by batch, then ends the run.
     *
     * @throws HandedBack if the server began to stop: the batches taken are delivered, the rest waits
     */
    void deliver(long runId, RunProgress progress) {
        progress.stage(RunProgress.Stage.DELIVERING);
        runs.saveProgress(runId, progress);
        while (true) {
            if (handingBack.getAsBoolean()) {
                throw new HandedBack(runId);
            }
            Outbox.Drained drained = outbox.drain(runId, batchSize, platform::deliver);
            if (drained.none()) {
                break;
            }
            progress.delivered.addAndGet(drained.delivered());
            progress.failed.addAndGet(drained.failed());
            runs.saveProgress(runId, progress);
            pacing.run();
        }
        finish(runId, progress, null);
    }

    /**
     * The end of a run: the data of leavers past retention is purged (a leaver's data is kept for
     * the policy's period after they left), the outbox is emptied, and the run is done.
     *
     * @param madeOn the basis of the complete plan this run made, recorded with its end; null if none
     */
    void finish(long runId, RunProgress progress, String madeOn) {
        Instant cutoff = clock.instant().minus(personalDataRetention);
        List<String> purged = outbox.together(() -> {
            if (madeOn != null) {
                runs.planMade(madeOn, runId);
            }
            List<String> gone = snapshot.purgeGoneBefore(cutoff);
            outbox.clearOutboxThrough(runId);
            progress.stage(RunProgress.Stage.DONE);
            runs.saveProgress(runId, progress);
            return gone;
        });
        if (!purged.isEmpty()) {
            audit.append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "employees.purged", "run:" + runId,
                    "purged the data of " + purged.size() + " employees who left before " + cutoff + " (retention "
                            + personalDataRetention + "): " + String.join(", ", purged))));
        }
    }
}
