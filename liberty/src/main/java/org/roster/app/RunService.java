package org.roster.app;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.roster.audit.AuditEvent;
import org.roster.audit.AuditLog;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.platform.RecordedContactPlatform;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;
import org.roster.source.ldap.LdapDirectorySource;
import org.roster.store.JpaAuditLog;
import org.roster.store.JpaStateStore;
import org.roster.store.RunEntity;
import org.roster.sync.ContactPlatform;
import org.roster.sync.RunProgress;
import org.roster.sync.StateStore;
import org.roster.sync.SyncPipeline;

/** Starts sync runs, one at a time, on the server's managed executor, and records how they end. */
@ApplicationScoped
public class RunService {

    private static final Logger LOG = Logger.getLogger(RunService.class.getName());

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    @Resource(lookup = "concurrent/rosterRuns")
    ManagedExecutorService executor;

    @Inject
    TransactionalWork tx;

    @Inject
    RosterSettings settings;

    @Inject
    ActivePolicy activePolicy;

    @Inject
    RunMetrics metrics;

    @Inject
    AuditKeys keys;

    private final AtomicBoolean running = new AtomicBoolean();
    private final Clock clock = Clock.systemUTC();
    private final ContactPlatform platform = new RecordedContactPlatform();

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
     * Queues a run on behalf of a user and returns its id at once.
     *
     * @param actor who asked for it, for the audit trail
     */
    public long start(String trigger, boolean dryRun, String actor) throws RunInProgressException {
        return start(trigger, dryRun, actor, 0);
    }

    /**
     * Queues a run that may remove up to {@code approvedRemovals} contacts even beyond the safety
     * limit, because an admin approved a halted run's plan.
     */
    public long start(String trigger, boolean dryRun, String actor, long approvedRemovals) throws RunInProgressException {
        if (!running.compareAndSet(false, true)) {
            throw new RunInProgressException();
        }
        try {
            Policy policy = activePolicy.load();
            RunEntity run = tx.inTransaction(() -> {
                RunEntity created = new RunEntity(trigger, dryRun, policy.name(), platform.name(), clock.instant());
                em.persist(created);
                em.flush();
                return created;
            });
            long id = run.getId();
            audit().append(java.util.List.of(new AuditEvent(clock.instant(), actor, "run.started", "run:" + id,
                    (dryRun ? "dry run" : "run") + " started (" + trigger + ") with policy " + policy.name())));
            executor.submit(() -> execute(id, dryRun, policy, approvedRemovals));
            return id;
        } catch (Exception e) {
            running.set(false);
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Runs left unfinished by a server stop are marked failed, so nobody waits on them. */
    void recoverInterrupted() {
        tx.inTransaction(() -> em.createQuery("select r from RunEntity r where r.status in :open", RunEntity.class)
                .setParameter("open", java.util.List.of(RunEntity.Status.QUEUED, RunEntity.Status.RUNNING))
                .getResultList()
                .forEach(r -> r.finish(RunEntity.Status.FAILED, null,
                        "the server stopped while this run was in progress", clock.instant())));
    }

    public boolean isRunning() {
        return running.get();
    }

    private void execute(long runId, boolean dryRun, Policy policy, long approvedRemovals) {
        try {
            StateStore store = new JpaStateStore(em, tx, clock);
            // ask the directory only for what the policy uses
            java.util.Set<org.roster.policy.PersonField> needed = java.util.EnumSet.copyOf(policy.referencedFields());
            if (!settings.regionByLocation().isBlank()) {
                // the office location decides how a national number is read
                needed.add(org.roster.policy.PersonField.LOCATION);
            }
            var config = settings.ldapSource().onlyFields(needed);
            LdapDirectorySource source = new LdapDirectorySource(
                    policy.usesGroups() ? config.withGroups(settings.groupAttribute()) : config);
            SyncPipeline pipeline = new SyncPipeline(source,
                    new EntryNormaliser(PhoneNumbers.forRegion(settings.defaultRegion()),
                            EntryNormaliser.regionsByLocation(settings.regionByLocation())),
                    new PolicyEvaluator(policy), store, platform, audit(), clock);
            RunProgress progress = new RunProgress(store.lastCompleteReadCount());
            SyncPipeline.Outcome outcome = pipeline.run(runId, dryRun, progress,
                    settings.removalGuard().approving(approvedRemovals));
            if (outcome.awaitingApproval()) {
                metrics.finished(progress, "AWAITING_APPROVAL");
                awaitApproval(runId, outcome);
                return;
            }
            finish(runId, outcome.sourceComplete() ? RunEntity.Status.COMPLETED : RunEntity.Status.INCOMPLETE,
                    outcome.sourceComplete(), outcome.sourceComplete() ? null
                            : "The directory read stopped early (" + outcome.problem()
                            + "); nothing was removed in this run.");
            metrics.finished(progress, outcome.sourceComplete() ? "COMPLETED" : "INCOMPLETE");
            if (!dryRun) {
                pruneAudit(policy);
            }
            LOG.info(() -> "Run " + runId + " finished: " + progress.read.get() + " read, " + progress.rejected.get()
                    + " rejected, " + progress.added.get() + " added, " + progress.updated.get() + " updated, "
                    + progress.removed.get() + " removed");
        } catch (RuntimeException e) {
            // a database or driver message may quote a value from the directory: it stays out of the
            // run's error and the log line; only Roster's own messages (configuration, policy) are shown
            boolean ours = e instanceof IllegalArgumentException || e instanceof IllegalStateException;
            long reference = System.nanoTime();
            LOG.warning(() -> "Run " + runId + " failed (reference " + reference + "): " + e.getClass().getName()
                    + (ours ? ": " + e.getMessage() : ""));
            metrics.failed();
            finish(runId, RunEntity.Status.FAILED, null, ours ? "The run failed: " + e.getMessage()
                    : "The run failed on an internal error (" + e.getClass().getSimpleName() + ", reference " + reference
                    + " in the server log).");
        } finally {
            running.set(false);
        }
    }

    private void finish(long runId, RunEntity.Status status, Boolean complete, String error) {
        RunEntity run = tx.inTransaction(() -> {
            RunEntity found = em.find(RunEntity.class, runId);
            found.finish(status, complete, error, clock.instant());
            return found;
        });
        audit().append(java.util.List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "run.finished",
                "run:" + runId, "run " + runId + " " + status.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + run.getRead() + " read, " + run.getRejected() + " rejected, " + run.getInScope() + " in scope, "
                + run.getAdded() + " added, " + run.getUpdated() + " updated, " + run.getRemoved() + " removed"
                + (error == null ? "" : ". " + error))));
    }

    private void awaitApproval(long runId, SyncPipeline.Outcome outcome) {
        String reason = "This run would remove " + outcome.plannedRemovals() + " contacts, more than the safety limit "
                + "of " + outcome.removalLimit() + "; nothing was delivered. A directory admin approves the removals "
                + "(POST /api/runs/" + runId + "/approve) or rejects them (POST /api/runs/" + runId + "/reject).";
        tx.inTransaction(() -> em.find(RunEntity.class, runId).awaitApproval(outcome.removalLimit(), reason,
                clock.instant()));
        audit().append(java.util.List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "run.awaiting-approval",
                "run:" + runId, "run " + runId + " would remove " + outcome.plannedRemovals()
                        + " contacts (limit " + outcome.removalLimit() + "); nothing was delivered")));
    }

    /**
     * An admin approves or rejects a run that waits for approval. Approving starts a new run that
     * may remove up to what the halted run planned; rejecting ends it.
     *
     * @return the id of the new run, if one was started
     */
    public java.util.Optional<Long> decide(long runId, boolean approve, String admin) throws RunInProgressException {
        RunEntity run = tx.inTransaction(() -> {
            RunEntity found = em.find(RunEntity.class, runId);
            if (found == null) {
                throw Problem.notFound("There is no run " + runId + ".");
            }
            if (found.getStatus() != RunEntity.Status.AWAITING_APPROVAL) {
                throw Problem.conflict("Run " + runId + " is " + found.getStatus().name().toLowerCase(java.util.Locale.ROOT)
                        + "; only a run awaiting approval can be approved or rejected.");
            }
            found.decide(approve, admin);
            return found;
        });
        audit().append(java.util.List.of(new AuditEvent(clock.instant(), admin, approve ? "run.approved" : "run.rejected",
                "run:" + runId, (approve ? "approved " : "rejected ") + run.getRemoved() + " removals of run " + runId)));
        if (!approve) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(start("approved-run-" + runId, false, admin, run.getRemoved()));
    }

    AuditLog audit() {
        return new JpaAuditLog(em, tx, keys.signer(), clock);
    }

    /** Retention of the audit trail: records older than the policy allows give way to a signed checkpoint. */
    private void pruneAudit(Policy policy) {
        java.time.Instant cutoff = clock.instant().minus(policy.retention().auditRecords());
        long pruned = audit().prune(cutoff);
        if (pruned > 0) {
            audit().append(java.util.List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "audit.pruned", "audit",
                    "pruned " + pruned + " audit records older than " + cutoff + " (retention "
                            + policy.retention().auditRecords() + "), leaving a signed checkpoint")));
        }
    }
}
