package org.roster.app.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.app.config.RosterSettings;
import org.roster.app.config.TransactionalWork;
import org.roster.app.policies.ActivePolicy;
import org.roster.audit.AuditEvent;
import org.roster.policy.InvalidPolicyException;
import org.roster.schedule.LeaverWindow;
import org.roster.records.RunRecord;
import org.roster.records.Runs;
import org.roster.records.ScheduleRecord;
import org.roster.records.Schedules;
import org.roster.sync.RunLines;

/**
 * Starts scheduled runs. Every server polls the schedule table; a due schedule is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so one server takes it and the others pass over it, and its next
 * fire time is written in the same transaction in which the run is recorded: each fire time runs
 * once, on one server, whichever servers are up. While a run is in progress a due schedule waits
 * for it (it fires late, not twice). The same poll takes over runs of servers that went quiet.
 */
@ApplicationScoped
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    Schedules schedules;

    @Inject
    Runs records;

    @Inject
    TransactionalWork tx;

    @Inject
    RunService runs;

    @Inject
    RosterSettings settings;

    @Inject
    ActivePolicy activePolicy;

    private final Clock clock = Clock.systemUTC();
    private ScheduledFuture<?> polling;

    /** Seeds the configured schedule if the source has none yet, and starts polling. */
    public void start() {
        settings.schedule().filter(s -> settings.configuredSource()).ifPresent(configured -> tx.inTransaction(() -> {
            if (schedules.seed(RosterSettings.SOURCE_ID, configured, settings.scheduleZone(), AuditEvent.SYSTEM,
                    clock.instant())) {
                LOG.info(() -> "Scheduled syncs of " + RosterSettings.SOURCE_ID + ": " + configured.expression());
            }
        }));
        long every = settings.schedulePoll().toMillis();
        polling = executor.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    public void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    void poll() {
        try {
            runs.recoverQuiet();
            fireDue();
            keepLeaverWindow();
        } catch (RuntimeException e) {
            // the next poll tries again; the database may be briefly unreachable
            LOG.log(Level.WARNING, "The schedule poll failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void fireDue() {
        List<String> due = tx.inTransaction(() -> schedules.due(clock.instant()));
        for (String sourceId : due) {
            if (runs.activeRun().isPresent()) {
                return;
            }
            tx.inTransaction(() -> fire(sourceId));
        }
    }

    /** Starts a run when the active policy's leaver window would otherwise be missed. */
    private void keepLeaverWindow() {
        Duration window;
        try {
            window = activePolicy.load().retention().leaverRemoval();
        } catch (InvalidPolicyException e) {
            return;
        }
        if (window.isZero() || runs.activeRun().isPresent()) {
            return;
        }
        Optional<RunRecord> last = tx.inTransaction(() -> records.lastCompleted());
        Optional<Instant> lastStart = last.map(RunRecord::startedAt);
        Duration lastDuration = last.map(r -> Duration.between(r.startedAt(), r.finishedAt())).orElse(Duration.ZERO);
        if (new LeaverWindow(window).runDue(lastStart, lastDuration, clock.instant())) {
            try {
                long id = runs.start("leaver-window", false, AuditEvent.SYSTEM);
                LOG.info(() -> RunLines.of(id) + "started so that leavers leave every phone within " + window
                        + ", as the active policy promises");
            } catch (RunService.RunInProgressException e) {
                // another server started one
            }
        }
    }

    /** In one transaction: claims the schedule (or passes if another server holds it) and fires it. */
    private void fire(String sourceId) {
        Instant now = clock.instant();
        Optional<Instant> claimed = schedules.claimDue(sourceId, now);
        if (claimed.isEmpty()) {
            return;
        }
        Instant fireTime = claimed.get();
        Long runId;
        try {
            runId = runs.start("schedule", false, AuditEvent.SYSTEM, fireTime);
        } catch (RunService.RunInProgressException e) {
            // the fire time stays due; it fires when the run in progress has ended
            return;
        } catch (RuntimeException e) {
            // a server that died after starting this fire time's run, before recording it here
            runId = runs.runScheduledFor(fireTime).orElseThrow(() -> e);
            LOG.info("The run for the fire time " + fireTime + " had started before; not starting it again");
        }
        ScheduleRecord schedule = schedules.fired(sourceId, fireTime, runId, now);
        Long started = runId;
        LOG.info(() -> RunLines.of(started) + "scheduled run started for " + fireTime + " on " + settings.serverId()
                + "; next at " + schedule.nextFireAt());
    }
}
