package org.roster.app;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.platform.RecordedContactPlatform;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;
import org.roster.source.ldap.LdapDirectorySource;
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
            executor.submit(() -> execute(id, dryRun, policy));
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

    private void execute(long runId, boolean dryRun, Policy policy) {
        try {
            StateStore store = new JpaStateStore(em, tx, clock);
            // ask the directory only for what the policy uses
            LdapDirectorySource source = new LdapDirectorySource(
                    settings.ldapSource().onlyFields(policy.referencedFields()));
            SyncPipeline pipeline = new SyncPipeline(source,
                    new EntryNormaliser(PhoneNumbers.forRegion(settings.defaultRegion())),
                    new PolicyEvaluator(policy), store, platform);
            RunProgress progress = new RunProgress(store.lastCompleteReadCount());
            SyncPipeline.Outcome outcome = pipeline.run(runId, dryRun, progress);
            finish(runId, outcome.sourceComplete() ? RunEntity.Status.COMPLETED : RunEntity.Status.INCOMPLETE,
                    outcome.sourceComplete(), outcome.sourceComplete() ? null
                            : "The directory read stopped early (" + outcome.problem()
                            + "); nothing was removed in this run.");
            LOG.info(() -> "Run " + runId + " finished: " + progress.read.get() + " read, " + progress.rejected.get()
                    + " rejected, " + progress.added.get() + " added, " + progress.updated.get() + " updated, "
                    + progress.removed.get() + " removed");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Run " + runId + " failed", e);
            finish(runId, RunEntity.Status.FAILED, null, "The run failed: " + e.getMessage());
        } finally {
            running.set(false);
        }
    }

    private void finish(long runId, RunEntity.Status status, Boolean complete, String error) {
        tx.inTransaction(() -> {
            RunEntity run = em.find(RunEntity.class, runId);
            run.finish(status, complete, error, clock.instant());
        });
    }
}
