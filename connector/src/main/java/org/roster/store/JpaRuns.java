package org.roster.store;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.roster.audit.AuditEvent;
import org.roster.records.NewRun;
import org.roster.records.RunRecord;
import org.roster.records.RunStatus;
import org.roster.records.Runs;
import org.roster.sync.RunProgress;

/**
 * The {@link Runs} on PostgreSQL, in the caller's transaction. Starters take turns under an
 * advisory lock, so a second one finds the first's run rather than meeting the database's
 * one-active-run index.
 *
 * <pre>{@code
 * Runs runs = new JpaRuns(entityManager);
 * }</pre>
 */
public final class JpaRuns implements Runs {

    /** The advisory lock under which runs are started, one starter at a time across servers. */
    private static final long RUN_START_LOCK = 0x526f73746572L;
    private static final List<RunEntity.Status> OPEN = List.of(RunEntity.Status.QUEUED, RunEntity.Status.RUNNING);

    private final EntityManager em;

    public JpaRuns(EntityManager em) {
        this.em = em;
    }

    @Override
    public void awaitTurnToStart() {
        em.createNativeQuery("select pg_advisory_xact_lock(" + RUN_START_LOCK + ")").getResultList();
    }

    @Override
    public boolean anyOpen() {
        return !em.createQuery("select r.id from RunEntity r where r.status in :open", Long.class)
                .setParameter("open", OPEN).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public Optional<Long> open() {
        return em.createQuery("select r.id from RunEntity r where r.status in :open", Long.class)
                .setParameter("open", OPEN).getResultList().stream().findFirst();
    }

    @Override
    public List<RunRecord> allOpen() {
        return em.createQuery("select r from RunEntity r where r.status in :open", RunEntity.class)
                .setParameter("open", OPEN).getResultList().stream().map(JpaRuns::record).toList();
    }

    @Override
    public long create(NewRun run) {
        RunEntity created = new RunEntity(run.trigger(), run.dryRun(), run.policyName(), run.platform(), run.at());
        created.startedBy(run.startedBy());
        created.claim(run.server(), run.at());
        created.scheduledFor(run.scheduledFor());
        em.persist(created);
        em.flush();
        return created.getId();
    }

    @Override
    public List<Long> supersedeAwaiting(String note, Instant at) {
        List<RunEntity> found = em.createQuery("select r from RunEntity r where r.status = :awaiting", RunEntity.class)
                .setParameter("awaiting", RunEntity.Status.AWAITING_APPROVAL).getResultList();
        found.forEach(halted -> halted.decide(false, AuditEvent.SYSTEM, note, at));
        return found.stream().map(RunEntity::getId).toList();
    }

    @Override
    public Optional<Long> scheduledFor(Instant fireTime) {
        return ((List<?>) em.createNativeQuery("select id from sync_run where scheduled_for = ?1")
                .setParameter(1, fireTime.atOffset(ZoneOffset.UTC)).getResultList()).stream()
                .map(id -> ((Number) id).longValue()).findFirst();
    }

    @Override
    public Optional<RunRecord> find(long runId) {
        return Optional.ofNullable(em.find(RunEntity.class, runId)).map(JpaRuns::record);
    }

    @Override
    public Optional<RunRecord> findToDecide(long runId) {
        return Optional.ofNullable(em.find(RunEntity.class, runId, LockModeType.PESSIMISTIC_WRITE))
                .map(JpaRuns::record);
    }

    @Override
    public void decide(long runId, boolean approved, String admin, String note, String server, Instant at) {
        RunEntity found = em.find(RunEntity.class, runId);
        found.decide(approved, admin, note, at);
        if (approved) {
            found.claim(server, at);
        }
        em.flush();
    }

    @Override
    public RunProgress resumeProgress(long runId) {
        return em.find(RunEntity.class, runId).resumeProgress();
    }

    @Override
    public Map<String, String> lastSafeWatermarks(long runId, Duration fullReadEvery, Instant now) {
        List<RunEntity> watermarked = em.createQuery("select r from RunEntity r where r.dryRun = false "
                        + "and r.watermark is not null and (r.status = :completed or (r.status = :running and r.stage = "
                        + ":delivering)) and r.id <> :self order by r.id desc", RunEntity.class)
                .setParameter("completed", RunEntity.Status.COMPLETED)
                .setParameter("running", RunEntity.Status.RUNNING)
                .setParameter("delivering", RunProgress.Stage.DELIVERING.name()).setParameter("self", runId)
                .setMaxResults(1).getResultList();
        List<RunEntity> fullReads = em.createQuery("select r from RunEntity r where r.dryRun = false "
                        + "and r.readMode = 'full' and r.status = :completed order by r.id desc", RunEntity.class)
                .setParameter("completed", RunEntity.Status.COMPLETED).setMaxResults(1).getResultList();
        if (watermarked.isEmpty() || fullReads.isEmpty()
                || !fullReads.get(0).getStartedAt().plus(fullReadEvery).isAfter(now)) {
            return Map.of();
        }
        return Watermarks.parse(watermarked.get(0).getWatermark());
    }

    @Override
    public Optional<RunRecord> lastCompleted() {
        return em.createQuery(
                        "select r from RunEntity r where r.dryRun = false and r.status = :done order by r.id desc",
                        RunEntity.class)
                .setParameter("done", RunEntity.Status.COMPLETED).setMaxResults(1).getResultList().stream()
                .findFirst().map(JpaRuns::record);
    }

    static RunRecord record(RunEntity run) {
        return new RunRecord(run.getId(), RunStatus.valueOf(run.getStatus().name()), run.getTrigger(),
                run.getStartedBy(), run.isDryRun(), run.getStage(), run.getProgress(), run.getPolicyName(),
                run.getPlatform(), run.getStartedAt(), run.getFinishedAt(), run.getSourceComplete(), run.getError(),
                run.getRemovalLimit(), run.getDecidedBy(), run.getOwner(), run.getHeartbeatAt(), run.getEpoch(),
                run.getScheduledFor(), run.getReadMode(), run.getWatermark(),
                new RunRecord.Counts(run.getRead(), run.getRejected(), run.getInScope(), run.getExcluded(),
                        run.getGone(), run.getAdded(), run.getUpdated(), run.getRemoved(), run.getDelivered(),
                        run.getFailed()));
    }
}
