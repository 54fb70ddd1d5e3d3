package org.roster.app.runs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.app.audit.AuditAnchoring;
import org.roster.app.audit.AuditTrail;
import org.roster.app.config.RosterSettings;
import org.roster.app.config.TransactionalWork;
import org.roster.app.policies.ActivePolicy;
import org.roster.audit.AuditEvent;
import org.roster.policy.InvalidPolicyException;
import org.roster.policy.Policy;
import org.roster.records.NewRun;
import org.roster.records.RunRecord;
import org.roster.records.RunStatus;
import org.roster.records.Runs;
import org.roster.store.JpaRunLog;
import org.roster.store.JpaRunStores;
import org.roster.store.JpaStateStore;
import org.roster.sync.HandedBack;
import org.roster.sync.Lease;
import org.roster.sync.LeaseLost;
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

    private static final Logger LOG = Logger.getLogger(RunService.class.getName());

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
    RunPipelines pipelines;

    @Inject
    TelegramFollowUps telegramFollowUps;

    @Inject
    Runs runs;

    @Inject
    JpaRunStores stores;

    @Inject
    RunCarrying carrying;

    private final Clock clock = Clock.systemUTC();

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
                runs.awaitTurnToStart();
                if (runs.anyOpen()) {
                    return null;
                }
                long created = runs.create(new NewRun(trigger, dryRun, policy.name(),
                        pipelines.platform().name(), actor, settings.serverId(), clock.instant(), scheduledFor));
                trail.record(actor, "run.started", "run:" + created, (dryRun ? "dry run" : "run")
                        + " started (" + trigger + ") with policy " + policy.name());
                return new Started(created, dryRun ? List.of() : supersedeAwaiting(created));
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
        carrying.carry(lease, () -> execute(lease, dryRun, policy));
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
        return tx.inTransaction(() -> runs.scheduledFor(fireTime));
    }

    /** The run that is queued or running now, on any server. */
    Optional<Long> activeRun() {
        return tx.inTransaction(() -> runs.open());
    }

    /** A run just recorded, and the runs awaiting approval whose plans it replaces. */
    private record Started(long id, List<Long> superseded) {
    }

    /** Marks the runs awaiting approval superseded, with their records, in the caller's transaction. */
    private List<Long> supersedeAwaiting(long newer) {
        List<Long> superseded = runs.supersedeAwaiting("Superseded by run " + newer + ", which plans again from the "
                + "directory as it is now; nothing of this run's plan was delivered.", clock.instant());
        for (long halted : superseded) {
            trail.record(AuditEvent.SYSTEM, "run.superseded", "run:" + halted, "the plan of run "
                    + halted + " was dropped undelivered: run " + newer + " replans");
        }
        return superseded;
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
        if (carrying.stopping()) {
            return;
        }
        Instant quietSince = clock.instant().minus(settings.staleRunAfter());
        List<RunRecord> orphans = tx.inTransaction(() -> runs.allOpen()).stream()
                .filter(r -> !carrying.carries(r.id()))
                .filter(r -> settings.serverId().equals(r.owner()) ? includingOwn
                        : r.heartbeatAt() == null || r.heartbeatAt().isBefore(quietSince))
                .toList();
        for (RunRecord orphan : orphans) {
            long id = orphan.id();
            // another server may be taking it over at the same moment: the one whose update finds the
            // run at the epoch it read takes it, and raises the epoch, which fences the former carrier
            Optional<Lease> taken = runLog().takeOver(id, orphan.epoch(), settings.serverId());
            if (taken.isEmpty()) {
                continue;
            }
            Lease lease = taken.get();
            String from = orphan.owner() == null ? "handed back" : "carried by " + orphan.owner();
            LOG.info(() -> "Run " + id + " (" + from + ") is carried by " + settings.serverId() + " from epoch "
                    + lease.epoch());
            boolean planned = !orphan.dryRun() && RunProgress.Stage.DELIVERING.name().equals(orphan.stage());
            if (planned) {
                trail.log().append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "run.resumed",
                        "run:" + id, "run " + id + " was interrupted while delivering; " + settings.serverId()
                        + " delivers the rest of its plan")));
                LOG.info(() -> RunLines.of(id) + "was interrupted while delivering; delivering the rest of its plan");
                carrying.carry(lease, () -> resume(lease));
            } else {
                try {
                    long dropped = store(lease).discardPlan(id);
                    String stage = orphan.stage().toLowerCase(Locale.ROOT);
                    finish(lease, RunStatus.FAILED, null, "The server stopped while this run was " + stage
                            + "; nothing of it was delivered (" + dropped + " planned changes dropped). The next run "
                            + "plans again.");
                } catch (LeaseLost lost) {
                    LOG.info(lost.getMessage());
                }
            }
        }
    }

    /** The server stops: every run it carries is handed back ({@link RunCarrying#handBackAll()}). */
    public void handBackAll() {
        carrying.handBackAll();
    }

    private Policy activePolicy() {
        try {
            return activePolicy.load();
        } catch (InvalidPolicyException e) {
            throw new IllegalStateException("the active policy can't be read: " + e.getMessage(), e);
        }
    }

    private StateStore store() {
        return stores.state();
    }

    /** The store of a run this server carries: each write of the run checks the lease. */
    private JpaStateStore store(Lease lease) {
        return stores.carrying(lease);
    }

    private JpaRunLog runLog() {
        return stores.runLog();
    }

    /** Delivers the rest of a run whose plan is complete, then finishes it. */
    private void resume(Lease lease) {
        long runId = lease.runId();
        LOG.info(() -> RunLines.of(runId) + "delivering the rest of its plan");
        try {
            Policy policy = activePolicy();
            RunProgress progress = tx.inTransaction(() -> runs.resumeProgress(runId));
            // the outbox, not the last progress saved, says what was planned and delivered
            StateStore store = store(lease);
            StateStore.OutboxCounts outbox = store.outbox(runId);
            progress.added.set(outbox.adds());
            progress.updated.set(outbox.updates());
            progress.removed.set(outbox.removes());
            progress.delivered.set(outbox.delivered());
            progress.failed.set(outbox.failed());
            pipelines.prepare(policy, store, lease, null).pipeline().deliver(runId, progress);
            telegramFollowUps.retryPending(runId);
            boolean complete = !Boolean.FALSE.equals(progress.sourceComplete());
            if (complete) {
                telegramFollowUps.withdrawFromDeparted(runId);
            }
            finish(lease, complete ? RunStatus.COMPLETED : RunStatus.INCOMPLETE, complete,
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
            RunPipelines.Prepared prepared = pipelines.prepare(policy, store, lease, runId);
            SyncPipeline.Outcome outcome = prepared.pipeline().run(runId, dryRun, progress,
                    dryRun ? RemovalGuard.NONE : settings.removalGuard(), prepared.mode());
            if (outcome.awaitingApproval()) {
                awaitApproval(lease, outcome);
                metrics.finished(progress, "AWAITING_APPROVAL");
                return;
            }
            if (!dryRun) {
                telegramFollowUps.retryPending(runId);
                if (outcome.sourceComplete()) {
                    telegramFollowUps.withdrawFromDeparted(runId);
                }
            }
            finish(lease, outcome.sourceComplete() ? RunStatus.COMPLETED : RunStatus.INCOMPLETE,
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
        finish(lease, RunStatus.FAILED, null, ours ? "The run failed: " + e.getMessage()
                : "The run failed on an internal error (" + e.getClass().getSimpleName() + ", reference " + reference
                + " in the server log).");
    }

    /**
     * Ends the run under its lease, and records its end in the same transaction: a server that lost
     * the run ends nothing and records nothing ({@link LeaseLost}).
     */
    private void finish(Lease lease, RunStatus status, Boolean complete, String error) {
        long runId = lease.runId();
        tx.inTransaction(() -> {
            runLog().carrying(lease).finish(runId, status, complete, error);
            RunRecord.Counts run = runs.find(runId).orElseThrow().counts();
            trail.record(AuditEvent.SYSTEM, "run.finished", "run:" + runId, "run " + runId + " "
                    + status.name().toLowerCase(Locale.ROOT) + ": " + run.read() + " read, "
                    + run.rejected() + " rejected, " + run.inScope() + " in scope, " + run.added()
                    + " added, " + run.updated() + " updated, " + run.removed() + " removed"
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
        trail.log().append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "run.awaiting-approval",
                "run:" + runId, "run " + runId + " would remove " + outcome.plannedRemovals()
                        + " contacts (limit " + outcome.removalLimit() + "); nothing was delivered")));
        anchoring.anchor();
    }

    /**
     * Delivers, on the runs' executor, the plan of a run an admin approved; this server takes the
     * run's lease for it.
     */
    void deliverApproved(long runId) {
        long epoch = tx.inTransaction(() -> runs.find(runId).orElseThrow().epoch());
        runLog().takeOver(runId, epoch, settings.serverId())
                .ifPresent(lease -> carrying.carry(lease, () -> resume(lease)));
    }

    /** Drops the plan of a run an admin rejected. */
    void dropPlan(long runId) {
        store().discardPlan(runId);
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
            pruned = trail.log().prune(cutoff);
        } catch (RuntimeException e) {
            // what pruning throws is the database refusing it; the run is not failed for that
            LOG.warning(() -> RunLines.prefix() + "audit records older than " + cutoff
                    + " were not pruned: the database refused ("
                    + e.getMessage() + ")");
            return;
        }
        if (pruned > 0) {
            trail.log().append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "audit.pruned", "audit",
                    "pruned " + pruned + " audit records older than " + cutoff + " (retention "
                            + policy.retention().auditRecords() + "), leaving a signed checkpoint")));
            anchoring.anchor();
        }
    }
}
