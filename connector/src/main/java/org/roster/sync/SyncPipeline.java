package org.roster.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

import org.roster.audit.AuditLog;
import org.roster.directory.DirectorySource;
import org.roster.directory.Employee;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.Normalisation;
import org.roster.directory.Rejection;
import org.roster.policy.PersonField;
import org.roster.policy.PolicyEvaluator;

/**
 * One sync run, stage by stage, each stage a class of its own: read and normalise the source
 * ({@link DirectoryReading}, or {@link MergingReader} for several sources), decide scope with the
 * policy and store the snapshot ({@link Deciding}), decide about shared mobile numbers and count the
 * run's data-quality report ({@link QualityChecking}), plan each viewer's contacts against what was
 * delivered into the durable outbox ({@link ContactPlanning}), and deliver the outbox in batches
 * ({@link Delivering}). This class only says in which order, and what stops a run on the way.
 *
 * <p>A read that did not complete plans no removals: an employee missing from a partial read may
 * simply not have been reached.
 *
 * <pre>{@code
 * SyncPipeline pipeline = new SyncPipeline(source, normaliser, evaluator, store, platform, audit, clock);
 * SyncPipeline.Outcome outcome = pipeline.run(runId, false, progress);
 * }</pre>
 */
public final class SyncPipeline {

    private static final Logger LOG = Logger.getLogger(SyncPipeline.class.getName());
    /** Changes per delivery batch when not configured. */
    public static final int DEFAULT_BATCH = 200;

    private final DirectorySource source;
    private final EntryNormaliser normaliser;
    private final PolicyEvaluator evaluator;
    private final StateStore store;
    private final ContactPlatform platform;
    private final AuditLog audit;
    private final Clock clock;
    private final ProgressSaves progressSaves;
    private final Deciding deciding;
    private final ContactPlanning planning;
    private final QualityChecking checking;
    /** The source the run reads, as its data-quality report names it and its watermark is kept under. */
    private String sourceName = "directory";
    private int batchSize = DEFAULT_BATCH;
    private ThreadFactory writerThreads = WriteBehind.DAEMONS;
    private MergingReader merging;
    /** Whether a merging run reads any of its sources' changes only ({@link Deciding#decideLateChoices}). */
    private boolean mergingChanges;
    private Runnable pacing = () -> { };
    private BooleanSupplier handingBack = () -> false;

    public SyncPipeline(DirectorySource source, EntryNormaliser normaliser, PolicyEvaluator evaluator,
                        StateStore store, ContactPlatform platform, AuditLog audit, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
        this.store = Objects.requireNonNull(store, "store");
        this.evaluator = walkingManagersThrough(Objects.requireNonNull(evaluator, "evaluator"), store);
        this.platform = Objects.requireNonNull(platform, "platform");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progressSaves = new ProgressSaves(store);
        this.deciding = new Deciding(this.evaluator, store, audit, clock, progressSaves);
        this.planning = new ContactPlanning(this.evaluator, store, store, store);
        this.checking = new QualityChecking(this.evaluator, store, store);
    }

    /**
     * Sets how changes are delivered: how many per batch (one unit of work each), and what happens
     * between batches (a pause that paces the platform's accounts).
     */
    public SyncPipeline delivering(int batchSize, Runnable pacing) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a delivery batch holds at least one change, not " + batchSize);
        }
        this.batchSize = batchSize;
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        return this;
    }

    /**
     * Sets when a delivering run stops between two batches, to be handed back to another server: the
     * condition is asked before each batch, and once it holds the run ends in {@link HandedBack}.
     */
    public SyncPipeline handingBackWhen(BooleanSupplier stopping) {
        this.handingBack = Objects.requireNonNull(stopping, "stopping");
        return this;
    }

    /**
     * Stores a read's batches on threads from this factory, one per read that stores anything
     * before its end, while the reading thread goes on ({@link WriteBehind}). In a container,
     * give it the container's managed threads, so that the store's transactions and persistence
     * context are there; plain daemon threads otherwise.
     */
    public SyncPipeline writingOn(ThreadFactory threads) {
        this.writerThreads = Objects.requireNonNull(threads, "threads");
        return this;
    }

    /**
     * Names the source the pipeline reads: its watermark is kept under this id (one per source, as a
     * merging run keeps them), so that it still means the same when more sources are added.
     */
    public SyncPipeline keepingWatermarkAs(String sourceId) {
        this.sourceName = Objects.requireNonNull(sourceId, "sourceId");
        return this;
    }

    /**
     * One of several sources a run reads.
     *
     * @param id         the source's id, named in rejections and the audit trail
     * @param precedence lower wins when merged entries disagree
     * @param reader     the source
     * @param normaliser how its entries are normalised (its default region)
     * @param mode       in full, or only its changes since its watermark
     */
    public record Source(String id, int precedence, DirectorySource reader, EntryNormaliser normaliser,
                         ReadMode mode) {
        public Source {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(normaliser, "normaliser");
            Objects.requireNonNull(mode, "mode");
        }
    }

    /**
     * A pipeline reading several sources into one directory, merging entries with equal keys field
     * by field in precedence order ({@link DirectoryMerge}). Each source reads as its own mode says;
     * the run keeps one watermark per source ({@link RunProgress#watermarks()}).
     */
    public static SyncPipeline merging(List<Source> sources, MergeKey key, SourceRecords records,
                                       PolicyEvaluator evaluator, StateStore store, ContactPlatform platform,
                                       AuditLog audit, Clock clock) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("there is no source to read: configure one or add one");
        }
        SyncPipeline pipeline = new SyncPipeline(sources.get(0).reader(), sources.get(0).normaliser(), evaluator, store,
                platform, audit, clock);
        Deciding deciding = pipeline.deciding;
        pipeline.sourceName = String.join("+", sources.stream().map(Source::id).toList());
        pipeline.mergingChanges = sources.stream()
                .anyMatch(source -> source.mode().incremental() && source.reader().tracksChanges());
        pipeline.merging = new MergingReader(sources, key, records, store, audit, clock, new MergingReader.Saver() {
            @Override
            public void save(long runId, List<Employee> employees, List<Rejection> rejections, RunProgress progress) {
                deciding.save(runId, employees, rejections, Map.of(), progress, id -> true);
            }

            @Override
            public void adjusted(long runId, String sourcePrefix, Normalisation.Accepted accepted) {
                deciding.adjusted(runId, sourcePrefix, accepted);
            }
        });
        return pipeline;
    }

    /**
     * How a run ended.
     *
     * @param sourceComplete   whether the whole directory was read (and so removals were planned)
     * @param problem          why the read was incomplete, empty otherwise
     * @param awaitingApproval the plan removes more than the guard allows: nothing was delivered
     * @param plannedRemovals  how many removals the plan holds (when awaiting approval)
     * @param removalLimit     the guard's limit for this run (when awaiting approval)
     */
    public record Outcome(boolean sourceComplete, String problem, boolean awaitingApproval, long plannedRemovals,
                          long removalLimit) {
        public Outcome(boolean sourceComplete, String problem) {
            this(sourceComplete, problem, false, 0, 0);
        }
    }

    /**
     * Runs the pipeline with no limit on removals.
     *
     * @param dryRun plan everything but deliver nothing and change no delivered state
     */
    public Outcome run(long runId, boolean dryRun, RunProgress progress) {
        return run(runId, dryRun, progress, RemovalGuard.NONE);
    }

    /**
     * Runs the pipeline: read, plan into the outbox, then deliver from it. When the guard is active
     * and the plan removes more than it allows, nothing is delivered: the plan waits in the outbox
     * for an admin, who has it delivered ({@link #deliver}) or discarded.
     */
    public Outcome run(long runId, boolean dryRun, RunProgress progress, RemovalGuard guard) {
        return run(runId, dryRun, progress, guard, ReadMode.FULL);
    }

    /**
     * How a run reads the directory: in full (the only way to see who is gone), or only the
     * entries changed since a watermark, with the rest taken as last read.
     *
     * @param incremental read only the changes
     * @param since       the watermark the last safely planned read returned
     */
    public record ReadMode(boolean incremental, String since) {
        public static final ReadMode FULL = new ReadMode(false, null);

        public static ReadMode changesSince(String watermark) {
            return new ReadMode(true, Objects.requireNonNull(watermark, "watermark"));
        }
    }

    /** Runs the pipeline, reading the directory as the mode says. */
    public Outcome run(long runId, boolean dryRun, RunProgress progress, RemovalGuard guard, ReadMode mode) {
        progress.stage(RunProgress.Stage.READING);
        store.saveProgress(runId, progress);
        if (merging != null) {
            MergingReader.Result merged = merging.read(runId, progress);
            if (mergingChanges) {
                deciding.decideLateChoices(runId);
            }
            progress.sourceComplete(merged.complete());
            progress.watermarks(merged.watermarks());
            checking.check(runId, sourceName);
            return planAndDeliver(runId, dryRun, progress, guard, merged.complete(), merged.problem());
        }
        DirectoryReading reading = new DirectoryReading(source, normaliser, store, store, store, audit, clock,
                writerThreads, deciding, progressSaves, sourceName);
        DirectorySource.ReadSummary read = reading.read(runId, progress, mode, planBasis());
        checking.check(runId, sourceName);
        return planAndDeliver(runId, dryRun, progress, guard, read.complete(), read.problem());
    }

    /**
     * Plans unless the last complete plan still stands, then delivers unless the run is dry, planned
     * nothing, or removes more than the guard allows (then the plan waits for an admin).
     */
    private Outcome planAndDeliver(long runId, boolean dryRun, RunProgress progress, RemovalGuard guard,
                                   boolean complete, String problem) {
        progress.stage(RunProgress.Stage.PLANNING);
        String basis = planBasis();
        StateStore.Planning last = store.together(() -> {
            StateStore.Planning asked = store.planning(basis);
            progress.viewersTotal(asked.viewers());
            store.saveProgress(runId, progress);
            return asked;
        });
        boolean made = false;
        if (complete && last.stands()) {
            // nothing the last complete plan was made from has changed: every viewer would get the
            // contact set they already have, so no viewer is planned
            LOG.fine(() -> RunLines.of(runId) + "no change since the last complete plan; nothing to plan");
            progress.viewersPlanned.set(last.viewers());
        } else {
            planning.plan(runId, dryRun, complete, progress);
            made = complete && !dryRun;
        }
        if (dryRun) {
            progress.stage(RunProgress.Stage.DONE);
            store.saveProgress(runId, progress);
            return new Outcome(complete, problem);
        }
        if (progress.added.get() + progress.updated.get() + progress.removed.get() == 0) {
            // the run planned no change: its outbox is empty, there is nothing to deliver, and the
            // plan (if one was made) is recorded with the run's end
            delivering().finish(runId, progress, made ? basis : null);
            return new Outcome(complete, problem);
        }
        if (made) {
            store.planMade(basis, runId);
        }
        // a limit is at least what an admin approved: the delivered contacts are counted only for
        // a plan that removes more
        if (complete && guard.active() && progress.removed.get() > guard.approved()) {
            long limit = guard.limit(store.countDelivered());
            if (progress.removed.get() > limit) {
                store.saveProgress(runId, progress);
                LOG.warning(() -> RunLines.of(runId) + "would remove " + progress.removed.get()
                        + " contacts, more than "
                        + "the limit of " + limit + "; nothing was delivered and the run waits for an admin");
                return new Outcome(true, "", true, progress.removed.get(), limit);
            }
        }
        deliver(runId, progress);
        return new Outcome(complete, problem);
    }

    /**
     * What a plan is made from besides the stored directory: the policy. The same policy gives the
     * same basis in every process (its sets print in a fixed order), so a restart neither reads every
     * entry again in full nor plans every viewer again.
     */
    private String planBasis() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(evaluator.policy().toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Delivers what the run's outbox still holds, batch by batch, then purges the data of leavers
     * past retention and ends the run: the rest of a run interrupted while delivering, or the plan
     * of a run an admin approved.
     */
    public void deliver(long runId, RunProgress progress) {
        delivering().deliver(runId, progress);
    }

    private Delivering delivering() {
        return new Delivering(store, store, store, platform, audit, clock,
                evaluator.policy().retention().personalData(), batchSize, pacing, handingBack);
    }

    /** The policy with the manager chain walked through the directory as the store last read it. */
    static PolicyEvaluator walkingManagersThrough(PolicyEvaluator evaluator, StateStore store) {
        return new PolicyEvaluator(evaluator.policy(),
                reference -> store.byReference(reference).flatMap(e -> e.value(PersonField.MANAGER)));
    }
}
