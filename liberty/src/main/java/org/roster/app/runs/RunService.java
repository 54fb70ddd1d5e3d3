package org.roster.app.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.roster.app.audit.AuditAnchoring;
import org.roster.app.audit.AuditTrail;
import org.roster.app.config.RosterSettings;
import org.roster.app.config.TransactionalWork;
import org.roster.app.platforms.TelegramService;
import org.roster.app.policies.ActivePolicy;
import org.roster.app.sources.DirectorySources;
import org.roster.app.sources.SourceCatalog;
import org.roster.app.sources.SourceDefinition;
import org.roster.audit.AuditEvent;
import org.roster.audit.AuditLog;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.policy.InvalidPolicyException;
import org.roster.policy.PersonField;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;
import org.roster.store.JpaRunLog;
import org.roster.store.JpaSourceRecords;
import org.roster.store.JpaStateStore;
import org.roster.store.RunEntity;
import org.roster.store.Watermarks;
import org.roster.sync.ContactPlatform;
import org.roster.sync.HandedBack;
import org.roster.sync.Lease;
import org.roster.sync.LeaseLost;
import org.roster.sync.MergeKey;
import org.roster.sync.RemovalGuard;
import org.roster.sync.RunLines;
import org.roster.sync.RunProgress;
import org.roster.sync.StateStore;
import org.roster.sync.SyncPipeline;

/**
 * Starts sync runs, one at a time, on the server's managed executor, and records how they end. Each
 * run is carried under its lease ({@link Lease}): every write of the run checks it, so a server that
 * lost a run to another writes nothing more to it; a stopping server hands its runs back.
 */
@ApplicationScoped
public class RunService {

    /** The advisory lock under which runs are started, one starter at a time across servers. */
    private static final long RUN_START_LOCK = 0x526f73746572L;
    private static final Logger LOG = Logger.getLogger(RunService.class.getName());
    /** How long a stopping server waits for a delivery batch in progress before handing its run back anyway. */
    private static final Duration BATCH_WAIT = Duration.ofSeconds(30);

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    @Resource(lookup = "concurrent/rosterRuns")
    ManagedExecutorService executor;

    /** Where a read's batches are stored while the run's thread reads on. */
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory writerThreads;

    @Inject
    TransactionalWork tx;

    @Inject
    RosterSettings settings;

    @Inject
    ActivePolicy activePolicy;

    @Inject
    RunMetrics metrics;

    @Inject
    AuditTrail trail;

    @Inject
    AuditAnchoring anchoring;

    @Inject
    DirectorySources sources;

    private final Clock clock = Clock.systemUTC();

    /** The runs this server carries, by id: the lease of each, and when its carrier ended. */
    private final Map<Long, Carrier> carried = new ConcurrentHashMap<>();
    /** Set once the server stops (its schedule poll has stopped): no run is taken over, delivering runs are handed back. */
    private volatile boolean stopping;

    /** A run this server carries: its lease, completed when the carrier's work has ended. */
    private record Carrier(Lease lease, CompletableFuture<Void> ended) {
    }

    /** A run was asked for while another is in progress. */
    public static final class RunInProgressException extends Exception {
        private static final long serialVersionUID = 1L;

        RunInProgressException() {
            super("a run is already in progress; wait for it to finish");
        }
    }

    /**
     * Queues a run and returns its id at once; the run proceeds in the background.
     *
     * @param trigger what started it: {@code startup}, {@code manual}, ...
     */
    public long start(String trigger, boolean dryRun) throws RunInProgressException {
        return start(trigger, dryRun, AuditEvent.SYSTEM);
    }

    /**
     * Queues a run and returns its id at once. One run at a time, across every server on the
     * database: the database refuses a second queued or running run. A new real run supersedes a
     * run that waits for approval, since it plans again from the directory as it is now.
     */
    public long start(String trigger, boolean dryRun, String actor, Instant scheduledFor)
            throws RunInProgressException {
        Policy policy = activePolicy();
        Started started;
        try {
            // the run, its record and the runs it supersedes commit together, before its thread looks for it
            started = tx.inTransaction(() -> {
                // starters on every server take turns here, so a second one finds the first's run and
                // is refused quietly rather than by the database's one-active-run index
                em.createNativeQuery("select pg_advisory_xact_lock(" + RUN_START_LOCK + ")").getResultList();
                if (activeRunNow()) {
                    return null;
                }
                RunEntity created = new RunEntity(trigger, dryRun, policy.name(), platform().name(),
                        clock.instant());
                created.startedBy(actor);
                created.claim(settings.serverId(), clock.instant());
                created.scheduledFor(scheduledFor);
                em.persist(created);
                em.flush();
                trail.record(actor, "run.started", "run:" + created.getId(), (dryRun ? "dry run" : "run")
                        + " started (" + trigger + ") with policy " + policy.name());
                return new Started(created.getId(), dryRun ? List.of() : supersedeAwaiting(created.getId()));
            });
        } catch (AuditTrail.NotRecorded e) {
            throw e;
        } catch (RuntimeException e) {
            if (activeRun().isPresent()) {
                throw new RunInProgressException();
            }
            throw e;
        }
        if (started == null) {
            throw new RunInProgressException();
        }
        long id = started.id();
        started.superseded().forEach(store()::discardPlan);
        // a new run's lease starts at epoch 0
        Lease lease = new Lease(id, 0);
        carry(lease, () -> execute(lease, dryRun, policy));
        return id;
    }

    /**
     * Queues a run on behalf of a user and returns its id at once.
     *
     * @param actor who asked for it, for the audit trail
     */
    public long start(String trigger, boolean dryRun, String actor) throws RunInProgressException {
        return start(trigger, dryRun, actor, null);
    }

    /** The run that a schedule started for this fire time, if one did. */
    Optional<Long> runScheduledFor(Instant fireTime) {
        return tx.inTransaction(() -> ((List<?>) em.createNativeQuery("select id from sync_run where "
                        + "scheduled_for = ?1").setParameter(1, fireTime.atOffset(ZoneOffset.UTC))
                .getResultList()).stream().map(id -> ((Number) id).longValue()).findFirst());
    }

    /** Whether a run is queued or running on any server, asked in the caller's transaction. */
    private boolean activeRunNow() {
        return !em.createQuery("select r.id from RunEntity r where r.status in :open", Long.class)
                .setParameter("open", List.of(RunEntity.Status.QUEUED, RunEntity.Status.RUNNING))
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The run that is queued or running now, on any server. */
    Optional<Long> activeRun() {
        return tx.inTransaction(() -> em.createQuery("select r.id from RunEntity r where r.status in :open", Long.class)
                .setParameter("open", List.of(RunEntity.Status.QUEUED, RunEntity.Status.RUNNING))
                .getResultList().stream().findFirst());
    }

    /** A run just recorded, and the runs awaiting approval whose plans it replaces. */
    private record Started(long id, List<Long> superseded) {
    }

    /** Marks the runs awaiting approval superseded, with their records, in the caller's transaction. */
    private List<Long> supersedeAwaiting(long newer) {
        var found = em.createQuery("select r from RunEntity r where r.status = :awaiting", RunEntity.class)
                .setParameter("awaiting", RunEntity.Status.AWAITING_APPROVAL).getResultList();
        for (RunEntity halted : found) {
            halted.decide(false, AuditEvent.SYSTEM, "Superseded by run " + newer + ", which plans again from the "
                    + "directory as it is now; nothing of this run's plan was delivered.", clock.instant());
            trail.record(AuditEvent.SYSTEM, "run.superseded", "run:" + halted.getId(), "the plan of run "
                    + halted.getId() + " was dropped undelivered: run " + newer + " replans");
        }
        return found.stream().map(RunEntity::getId).toList();
    }

    /**
     * After a restart: runs this server carried, and runs of servers that have gone quiet, are
     * taken over. A run whose plan was complete (delivering, or approved) delivers the rest of its
     * outbox, under the same idempotency keys; a run interrupted while reading or planning had
     * delivered nothing, so its partial plan is dropped and it is marked failed.
     */
    public void recoverInterrupted() {
        recover(true);
    }

    /** Takes over runs of other servers that have gone quiet (they stopped reporting progress). */
    void recoverQuiet() {
        recover(false);
    }

    private void recover(boolean includingOwn) {
        if (stopping) {
            return;
        }
        Instant quietSince = clock.instant().minus(settings.staleRunAfter());
        List<RunEntity> orphans = tx.inTransaction(() -> em.createQuery(
                        "select r from RunEntity r where r.status in :open", RunEntity.class)
                .setParameter("open", List.of(RunEntity.Status.QUEUED, RunEntity.Status.RUNNING))
                .getResultList().stream()
                .filter(r -> !carried.containsKey(r.getId()))
                .filter(r -> settings.serverId().equals(r.getOwner()) ? includingOwn
                        : r.getHeartbeatAt() == null || r.getHeartbeatAt().isBefore(quietSince))
                .toList());
        for (RunEntity orphan : orphans) {
            long id = orphan.getId();
            // another server may be taking it over at the same moment: the one whose update finds the
            // run at the epoch it read takes it, and raises the epoch, which fences the former carrier
            Optional<Lease> taken = runLog().takeOver(id, orphan.getEpoch(), settings.serverId());
            if (taken.isEmpty()) {
                continue;
            }
            Lease lease = taken.get();
            String from = orphan.getOwner() == null ? "handed back" : "carried by " + orphan.getOwner();
            LOG.info(() -> "Run " + id + " (" + from + ") is carried by " + settings.serverId() + " from epoch "
                    + lease.epoch());
            boolean planned = !orphan.isDryRun() && RunProgress.Stage.DELIVERING.name().equals(orphan.getStage());
            if (planned) {
                audit().append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "run.resumed",
                        "run:" + id, "run " + id + " was interrupted while delivering; " + settings.serverId()
                        + " delivers the rest of its plan")));
                LOG.info(() -> RunLines.of(id) + "was interrupted while delivering; delivering the rest of its plan");
                carry(lease, () -> resume(lease));
            } else {
                try {
                    long dropped = store(lease).discardPlan(id);
                    String stage = orphan.getStage().toLowerCase(Locale.ROOT);
                    finish(lease, RunEntity.Status.FAILED, null, "The server stopped while this run was " + stage
                            + "; nothing of it was delivered (" + dropped + " planned changes dropped). The next run "
                            + "plans again.");
                } catch (LeaseLost lost) {
                    LOG.info(lost.getMessage());
                }
            }
        }
    }

    /**
     * Carries a run on the runs' executor under its lease, and ends the carrying however the work
     * ends: a run this server lost, or handed back, is left to the server that carries it now.
     */
    private void carry(Lease lease, Runnable work) {
        Carrier carrier = new Carrier(lease, new CompletableFuture<>());
        carried.put(lease.runId(), carrier);
        try {
            executor.submit(() -> {
                try {
                    RunLines.during(lease.runId(), work);
                } catch (LeaseLost lost) {
                    // expected when this server was quiet too long: one plain line, no stack trace
                    LOG.info(lost.getMessage());
                } catch (HandedBack handedBack) {
                    handBack(lease, "its last batch is delivered and recorded");
                } finally {
                    carried.remove(lease.runId(), carrier);
                    carrier.ended().complete(null);
                }
            });
        } catch (RuntimeException e) {
            carried.remove(lease.runId(), carrier);
            throw e;
        }
    }

    /** Hands a run back, so that another server takes it over at its next look. */
    private void handBack(Lease lease, String state) {
        if (runLog().release(lease)) {
            LOG.info(() -> "Run " + lease.runId() + " was handed back as " + settings.serverId() + " stops (" + state
                    + "); another server takes it over at its next look, or this one when it starts again.");
        }
    }

    /**
     * The server stops: it claims no more work, lets each delivering run finish the batch it is on
     * and stop there (for at most {@link #BATCH_WAIT}), and hands every run it carries back at once,
     * rather than leaving them to be taken over after {@code roster.run.stale-after}. A run still
     * reading or planning is handed back as it is: its lease is gone, so its next write stops it,
     * and the server that takes it over plans afresh.
     */
    public void handBackAll() {
        stopping = true;
        long deadline = System.nanoTime() + BATCH_WAIT.toNanos();
        for (Carrier carrier : carried.values()) {
            try {
                carrier.ended().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // still reading or planning, or its batch takes long: handed back below as it is
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        carried.values().forEach(carrier -> handBack(carrier.lease(), "it was reading or planning, or its batch "
                + "took longer than " + BATCH_WAIT.toSeconds() + " s"));
    }

    /**
     * The watermark of the last safely planned run (it completed, or is delivering a complete
     * plan), or null when there is none or a full read is due ({@code roster.source.full-read-every}):
     * a full read is how leavers are found.
     */
    private String lastWatermark(long runId) {
        return tx.inTransaction(() -> {
            List<RunEntity> watermarked = em.createQuery("select r from RunEntity r where r.dryRun = false "
                    + "and r.watermark is not null and (r.status = :completed or (r.status = :running and r.stage = "
                    + ":delivering)) and r.id <> :self order by r.id desc", RunEntity.class)
                    .setParameter("completed", RunEntity.Status.COMPLETED).setParameter("running", RunEntity.Status.RUNNING)
                    .setParameter("delivering", RunProgress.Stage.DELIVERING.name()).setParameter("self", runId)
                    .setMaxResults(1).getResultList();
            List<RunEntity> fullReads = em.createQuery("select r from RunEntity r where r.dryRun = false "
                    + "and r.readMode = 'full' and r.status = :completed order by r.id desc", RunEntity.class)
                    .setParameter("completed", RunEntity.Status.COMPLETED).setMaxResults(1).getResultList();
            if (watermarked.isEmpty() || fullReads.isEmpty()
                    || !fullReads.get(0).getStartedAt().plus(settings.fullReadEvery()).isAfter(clock.instant())) {
                return null;
            }
            return watermarked.get(0).getWatermark();
        });
    }

    /**
     * How each source reads in this run: only its changes when it tracks them and the last safely
     * planned run left it a watermark, else in full. Null {@code runId}: every source in full (the
     * pipeline only delivers).
     */
    private Map<String, SyncPipeline.ReadMode> readModes(Long runId, List<SourceDefinition> sources,
                                                                   JpaRunLog runLog) {
        Map<String, String> watermarks = runId == null ? Map.of()
                : Watermarks.parse(lastWatermark(runId));
        Map<String, SyncPipeline.ReadMode> modes = new HashMap<>();
        for (SourceDefinition source : sources) {
            String since = watermarks.get(source.id());
            modes.put(source.id(), since != null && source.tracksChanges() ? SyncPipeline.ReadMode.changesSince(since)
                    : SyncPipeline.ReadMode.FULL);
        }
        if (runId != null) {
            boolean incremental = modes.values().stream().anyMatch(SyncPipeline.ReadMode::incremental);
            runLog.readMode(runId, incremental ? "incremental" : "full");
        }
        return modes;
    }

    private Policy activePolicy() {
        try {
            return activePolicy.load();
        } catch (InvalidPolicyException e) {
            throw new IllegalStateException("the active policy can't be read: " + e.getMessage(), e);
        }
    }

    private StateStore store() {
        return new JpaStateStore(em, tx, clock);
    }

    /** The store of a run this server carries: each write of the run checks the lease. */
    private JpaStateStore store(Lease lease) {
        return new JpaStateStore(em, tx, clock, runLog().carrying(lease));
    }

    private JpaRunLog runLog() {
        return new JpaRunLog(em, tx, clock);
    }

    @Inject
    SourceCatalog catalog;

    @Inject
    TelegramService telegram;

    /**
     * Contacts Telegram asked to retry later go again at every run, also for employees with no
     * new change in it.
     */
    private void retryPendingDeliveries(long runId) {
        if (!settings.telegramDelivery()) {
            return;
        }
        try {
            int tried = telegram.platform().retryPending();
            if (tried > 0) {
                LOG.info(() -> RunLines.of(runId) + "retried what Telegram had asked to retry later for " + tried
                        + " employees");
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> RunLines.of(runId) + "could not retry the contacts waiting for Telegram: "
                    + e.getMessage());
        }
    }

    /**
     * After a complete run has delivered its removals: the Telegram accounts of employees who left
     * or opted out lose whatever Roster imported into them, and are signed out. A run whose read
     * stopped early removes nothing, this included.
     */
    private void withdrawFromDeparted(long runId) {
        if (!settings.telegramDelivery()) {
            return;
        }
        try {
            telegram.withdrawFromDeparted(runId);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Run " + runId + " could not look for Telegram accounts to unlink: " + e.getMessage());
        }
    }

    /** Where contacts go: employees' Telegram accounts, or the configured record. */
    private ContactPlatform platform() {
        return settings.telegramDelivery() ? telegram.platform() : settings.platform();
    }

    /**
     * The pipeline over the enabled sources: one source merged by identity is read as it is; several
     * (or a merge by a field) are merged in precedence order by {@code roster.source.merge-key}.
     *
     * @param runId the run whose read modes are decided, or null for a pipeline that only delivers
     */
    private record Prepared(SyncPipeline pipeline, SyncPipeline.ReadMode mode) {
    }

    private Prepared pipeline(Policy policy, StateStore store, Lease lease, Long runId) {
        List<SourceDefinition> enabled = catalog.enabled();
        if (enabled.isEmpty()) {
            throw new IllegalStateException("There is no directory source to read: configure one (roster.source.*) "
                    + "or add one (POST /api/sources).");
        }
        // ask the directories only for what the policy uses
        Set<PersonField> needed = EnumSet.copyOf(policy.referencedFields());
        MergeKey key = settings.mergeKey();
        Map<String, SyncPipeline.ReadMode> modes = readModes(runId, enabled, runLog().carrying(lease));
        long pause = settings.deliveryPauseMillis();
        List<SyncPipeline.Source> sources = new ArrayList<>();
        for (SourceDefinition definition : enabled) {
            Set<PersonField> fields = EnumSet.copyOf(needed);
            if (!definition.settings().getOrDefault("region-by-location", "").isBlank()) {
                // the office location decides how a national number is read
                fields.add(PersonField.LOCATION);
            }
            key.field().ifPresent(fields::add);
            Optional<String> groups = policy.usesGroups() ? Optional.of(definition.settings()
                    .getOrDefault("group-attribute", "memberOf")) : Optional.empty();
            sources.add(new SyncPipeline.Source(definition.id(), definition.precedence(),
                    this.sources.reader(definition, fields, groups),
                    definition.normaliser(settings.defaultRegion(), ""), modes.get(definition.id())));
        }
        SyncPipeline pipeline;
        SyncPipeline.ReadMode mode = SyncPipeline.ReadMode.FULL;
        if (sources.size() == 1 && key.byId()) {
            SyncPipeline.Source only = sources.get(0);
            pipeline = new SyncPipeline(only.reader(), only.normaliser(), new PolicyEvaluator(policy), store,
                    platform(), audit(), clock).keepingWatermarkAs(only.id());
            mode = only.mode();
        } else {
            pipeline = SyncPipeline.merging(sources, key, new JpaSourceRecords(em, tx),
                    new PolicyEvaluator(policy), store, platform(), audit(), clock);
        }
        if (writerThreads != null) {
            pipeline.writingOn(writerThreads);
        }
        return new Prepared(pipeline.delivering(settings.deliveryBatchSize(), () -> pace(pause))
                .handingBackWhen(() -> stopping), mode);
    }

    /**
     * Paces the platform: a pause between delivery batches, as configured. The container interrupts
     * the runs' threads when the server stops: the run is then handed back before its next batch,
     * rather than failing that batch's deliveries on an interrupted thread.
     */
    private void pace(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                stopping = true;
            }
        }
    }

    /** Delivers the rest of a run whose plan is complete, then finishes it. */
    private void resume(Lease lease) {
        long runId = lease.runId();
        LOG.info(() -> RunLines.of(runId) + "delivering the rest of its plan");
        try {
            Policy policy = activePolicy();
            RunEntity run = tx.inTransaction(() -> em.find(RunEntity.class, runId));
            RunProgress progress = run.resumeProgress();
            // the outbox, not the last progress saved, says what was planned and delivered
            StateStore store = store(lease);
            StateStore.OutboxCounts outbox = store.outbox(runId);
            progress.added.set(outbox.adds());
            progress.updated.set(outbox.updates());
            progress.removed.set(outbox.removes());
            progress.delivered.set(outbox.delivered());
            progress.failed.set(outbox.failed());
            pipeline(policy, store, lease, null).pipeline().deliver(runId, progress);
            retryPendingDeliveries(runId);
            boolean complete = !Boolean.FALSE.equals(progress.sourceComplete());
            if (complete) {
                withdrawFromDeparted(runId);
            }
            finish(lease, complete ? RunEntity.Status.COMPLETED : RunEntity.Status.INCOMPLETE, complete,
                    complete ? null : "The directory read stopped early; nothing was removed in this run.");
            metrics.finished(progress, complete ? "COMPLETED" : "INCOMPLETE");
            pruneAudit(policy);
        } catch (LeaseLost | HandedBack e) {
            throw e;
        } catch (RuntimeException e) {
            failed(lease, e);
        }
    }

    private void execute(Lease lease, boolean dryRun, Policy policy) {
        long runId = lease.runId();
        LOG.info(() -> RunLines.of(runId) + (dryRun ? "dry run" : "run") + " started with policy " + policy.name());
        try {
            StateStore store = store(lease);
            RunProgress progress = new RunProgress(store.lastCompleteReadCount());
            Prepared prepared = pipeline(policy, store, lease, runId);
            SyncPipeline.Outcome outcome = prepared.pipeline().run(runId, dryRun, progress,
                    dryRun ? RemovalGuard.NONE : settings.removalGuard(), prepared.mode());
            if (outcome.awaitingApproval()) {
                awaitApproval(lease, outcome);
                metrics.finished(progress, "AWAITING_APPROVAL");
                return;
            }
            if (!dryRun) {
                retryPendingDeliveries(runId);
                if (outcome.sourceComplete()) {
                    withdrawFromDeparted(runId);
                }
            }
            finish(lease, outcome.sourceComplete() ? RunEntity.Status.COMPLETED : RunEntity.Status.INCOMPLETE,
                    outcome.sourceComplete(), outcome.sourceComplete() ? null
                            : "The directory read stopped early (" + outcome.problem()
                            + "); nothing was removed in this run.");
            metrics.finished(progress, outcome.sourceComplete() ? "COMPLETED" : "INCOMPLETE");
            if (!dryRun) {
                pruneAudit(policy);
            }
            LOG.info(() -> RunLines.of(runId) + "finished: " + progress.read.get() + " read, " + progress.rejected.get()
                    + " rejected, " + progress.added.get() + " added, " + progress.updated.get() + " updated, "
                    + progress.removed.get() + " removed");
        } catch (HandedBack e) {
            throw e;
        } catch (RuntimeException e) {
            // a writer thread of the read may have met the lost lease first, and wrapped it
            Optional<LeaseLost> lost = LeaseLost.in(e);
            if (lost.isPresent()) {
                throw lost.get();
            }
            failed(lease, e);
        }
    }

    /**
     * The run failed while this server carried it. A server that lost the lease meanwhile (its
     * connection cut by the new carrier, say) leaves the run alone: it is not this one's to fail.
     */
    private void failed(Lease lease, RuntimeException e) {
        long runId = lease.runId();
        runLog().carrying(lease).renew(runId);
        // a database or driver message may quote a value from the directory: it stays out of the
        // run's error and the log line; only Roster's own messages (configuration, policy) are shown
        boolean ours = e instanceof IllegalArgumentException || e instanceof IllegalStateException;
        long reference = System.nanoTime();
        LOG.warning(() -> RunLines.of(runId) + "failed (reference " + reference + "): " + e.getClass().getName()
                + (ours ? ": " + e.getMessage() : ""));
        metrics.failed();
        // what was planned and not delivered is planned again by the next run
        store(lease).discardPlan(runId);
        finish(lease, RunEntity.Status.FAILED, null, ours ? "The run failed: " + e.getMessage()
                : "The run failed on an internal error (" + e.getClass().getSimpleName() + ", reference " + reference
                + " in the server log).");
    }

    /**
     * Ends the run under its lease, and records its end in the same transaction: a server that lost
     * the run ends nothing and records nothing ({@link LeaseLost}).
     */
    private void finish(Lease lease, RunEntity.Status status, Boolean complete, String error) {
        long runId = lease.runId();
        tx.inTransaction(() -> {
            runLog().carrying(lease).finish(runId, status, complete, error);
            RunEntity run = em.find(RunEntity.class, runId);
            trail.record(AuditEvent.SYSTEM, "run.finished", "run:" + runId, "run " + runId + " "
                    + status.name().toLowerCase(Locale.ROOT) + ": " + run.getRead() + " read, "
                    + run.getRejected() + " rejected, " + run.getInScope() + " in scope, " + run.getAdded()
                    + " added, " + run.getUpdated() + " updated, " + run.getRemoved() + " removed"
                    + (error == null ? "" : ". " + error));
        });
        // the run's records are committed: the end of the trail goes outside the database
        anchoring.anchor();
    }

    private void awaitApproval(Lease lease, SyncPipeline.Outcome outcome) {
        long runId = lease.runId();
        String reason = "This run would remove " + outcome.plannedRemovals() + " contacts, more than the safety limit "
                + "of " + outcome.removalLimit() + "; nothing was delivered. A directory admin approves the removals "
                + "(POST /api/runs/" + runId + "/approve) or rejects them (POST /api/runs/" + runId + "/reject).";
        runLog().carrying(lease).awaitApproval(runId, outcome.removalLimit(), reason);
        audit().append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "run.awaiting-approval",
                "run:" + runId, "run " + runId + " would remove " + outcome.plannedRemovals()
                        + " contacts (limit " + outcome.removalLimit() + "); nothing was delivered")));
        anchoring.anchor();
    }

    /**
     * Delivers, on the runs' executor, the plan of a run an admin approved; this server takes the
     * run's lease for it.
     */
    void deliverApproved(long runId) {
        long epoch = tx.inTransaction(() -> em.find(RunEntity.class, runId).getEpoch());
        runLog().takeOver(runId, epoch, settings.serverId()).ifPresent(lease -> carry(lease, () -> resume(lease)));
    }

    /** Drops the plan of a run an admin rejected. */
    void dropPlan(long runId) {
        store().discardPlan(runId);
    }

    public AuditLog audit() {
        return trail.log();
    }

    /**
     * Retention of the audit trail: records older than the policy allows give way to a signed
     * checkpoint. The database's function may still refuse (a clock ahead of the database's by more
     * than the policy's margin over the floor): the records stay, and the run is not failed for it.
     */
    private void pruneAudit(Policy policy) {
        Instant cutoff = clock.instant().minus(policy.retention().auditRecords());
        long pruned;
        try {
            pruned = audit().prune(cutoff);
        } catch (PersistenceException e) {
            LOG.warning(() -> RunLines.prefix() + "audit records older than " + cutoff
                    + " were not pruned: the database refused ("
                    + e.getMessage() + ")");
            return;
        }
        if (pruned > 0) {
            audit().append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "audit.pruned", "audit",
                    "pruned " + pruned + " audit records older than " + cutoff + " (retention "
                            + policy.retention().auditRecords() + "), leaving a signed checkpoint")));
            anchoring.anchor();
        }
    }
}
