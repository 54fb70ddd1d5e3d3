package org.roster.app.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.roster.app.config.RosterSettings;
import org.roster.app.config.TransactionalWork;
import org.roster.app.policies.ActivePolicy;
import org.roster.audit.AuditEvent;
import org.roster.policy.InvalidPolicyException;
import org.roster.schedule.LeaverWindow;
import org.roster.store.RunEntity;
import org.roster.store.ScheduleEntity;
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

    @PersistenceContext(unitName = "roster")
    EntityManager em;

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
            if (em.find(ScheduleEntity.class, RosterSettings.SOURCE_ID) == null) {
                ScheduleEntity seeded = new ScheduleEntity(RosterSettings.SOURCE_ID);
                seeded.set(configured, settings.scheduleZone(), AuditEvent.SYSTEM, clock.instant());
                em.persist(seeded);
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
        @SuppressWarnings("unchecked")
        List<String> due = tx.inTransaction(() -> em.createNativeQuery("select source_id from schedule "
                + "where enabled and next_fire_at <= ?1").setParameter(1, sqlTime(clock.instant())).getResultList());
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
        List<RunEntity> last = tx.inTransaction(() -> em.createQuery(
                        "select r from RunEntity r where r.dryRun = false and r.status = :done order by r.id desc",
                        RunEntity.class)
                .setParameter("done", RunEntity.Status.COMPLETED).setMaxResults(1).getResultList());
        Optional<Instant> lastStart = last.stream().findFirst().map(RunEntity::getStartedAt);
        Duration lastDuration = last.stream().findFirst()
                .map(r -> Duration.between(r.getStartedAt(), r.getFinishedAt()))
                .orElse(Duration.ZERO);
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

    /** An instant as the PostgreSQL driver takes it in a native query. */
    private static OffsetDateTime sqlTime(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** In one transaction: claims the schedule (or passes if another server holds it) and fires it. */
    private void fire(String sourceId) {
        Instant now = clock.instant();
        List<?> claimed = em.createNativeQuery("select source_id from schedule where source_id = ?1 and enabled "
                + "and next_fire_at <= ?2 for update skip locked").setParameter(1, sourceId).setParameter(2, sqlTime(now))
                .getResultList();
        if (claimed.isEmpty()) {
            return;
        }
        ScheduleEntity schedule = em.find(ScheduleEntity.class, sourceId);
        em.refresh(schedule);
        Instant fireTime = schedule.getNextFireAt();
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
        schedule.fired(fireTime, runId, now);
        Long started = runId;
        LOG.info(() -> RunLines.of(started) + "scheduled run started for " + fireTime + " on " + settings.serverId()
                + "; next at " + schedule.getNextFireAt());
    }
}
