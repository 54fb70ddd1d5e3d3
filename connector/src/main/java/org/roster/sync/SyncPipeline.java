package org.roster.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

import org.roster.audit.AuditEvent;
import org.roster.audit.AuditLog;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.DirectorySource;
import org.roster.directory.Employee;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.Normalisation;
import org.roster.directory.Rejection;
import org.roster.policy.Person;
import org.roster.policy.PersonField;
import org.roster.policy.PolicyEvaluator;
import org.roster.policy.ScopeDecision;
import org.roster.policy.VisibilityDecision;
import org.roster.policy.VisibilityRule;

/**
 * One sync run, stage by stage: read the source (streaming), normalise, decide scope with the
 * policy, store the snapshot; then, per viewer, compute the permitted contacts and write the
 * difference with what was delivered into the durable outbox; then deliver the outbox in batches.
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
    private static final int BATCH = 1000;
    /**
     * Rejections read again unchanged that are recorded in one go: while the run records them, the
     * source reads on ahead.
     */
    private static final int REJECTED_AGAIN_AT_ONCE = BATCH;
    private static final int VIEWER_PAGE = 200;
    private static final int PROGRESS_EVERY_VIEWERS = 100;
    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;
    /** Changes per delivery batch when not configured. */
    public static final int DEFAULT_BATCH = 200;

    private final DirectorySource source;
    private final EntryNormaliser normaliser;
    private final PolicyEvaluator evaluator;
    private final StateStore store;
    private final ContactPlatform platform;
    private final AuditLog audit;
    private final java.time.Clock clock;
    private int batchSize = DEFAULT_BATCH;
    private java.util.concurrent.ThreadFactory writerThreads = WriteBehind.DAEMONS;
    private MergingReader merging;
    /** Whether a merging run reads any of its sources' changes only ({@link LateChoices}). */
    private boolean mergingChanges;
    private String watermarkSource;
    private Runnable pacing = () -> { };

    public SyncPipeline(DirectorySource source, EntryNormaliser normaliser, PolicyEvaluator evaluator,
                        StateStore store, ContactPlatform platform, AuditLog audit, java.time.Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
        // the manager chain is walked through the directory as last read
        this.evaluator = new PolicyEvaluator(Objects.requireNonNull(evaluator, "evaluator").policy(),
                reference -> Objects.requireNonNull(store, "store").byReference(reference)
                        .flatMap(e -> e.value(PersonField.MANAGER)));
        this.store = Objects.requireNonNull(store, "store");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
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
     * Stores a read's batches on threads from this factory, one per read that stores anything
     * before its end, while the reading thread goes on ({@link WriteBehind}). In a container,
     * give it the container's managed threads, so that the store's transactions and persistence
     * context are there; plain daemon threads otherwise.
     */
    public SyncPipeline writingOn(java.util.concurrent.ThreadFactory threads) {
        this.writerThreads = Objects.requireNonNull(threads, "threads");
        return this;
    }

    /**
     * Keeps the run's watermark as the named source's ({@link Watermarks}), so that it still means
     * the same when more sources are added.
     */
    public SyncPipeline keepingWatermarkAs(String sourceId) {
        this.watermarkSource = Objects.requireNonNull(sourceId, "sourceId");
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
     * the run's watermark is then one per source ({@link Watermarks}).
     */
    public static SyncPipeline merging(List<Source> sources, MergeKey key, SourceRecords records,
                                       PolicyEvaluator evaluator, StateStore store, ContactPlatform platform,
                                       AuditLog audit, java.time.Clock clock) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("there is no source to read: configure one or add one");
        }
        SyncPipeline pipeline = new SyncPipeline(sources.get(0).reader(), sources.get(0).normaliser(), evaluator, store,
                platform, audit, clock);
        pipeline.mergingChanges = sources.stream()
                .anyMatch(source -> source.mode().incremental() && source.reader().tracksChanges());
        pipeline.merging = new MergingReader(sources, key, records, store, audit, clock, new MergingReader.Saver() {
            @Override
            public void save(long runId, List<Employee> employees, List<Rejection> rejections, RunProgress progress) {
                pipeline.decideAndSave(runId, employees, rejections, Map.of(), progress, id -> true);
            }

            @Override
            public void adjusted(long runId, String sourcePrefix, Normalisation.Accepted accepted) {
                pipeline.adjusted(runId, sourcePrefix, accepted);
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
                LateChoices.decideAgain(store, evaluator, runId);
            }
            progress.sourceComplete(merged.complete());
            progress.watermark(merged.watermarks().isEmpty() ? null : Watermarks.format(merged.watermarks()));
            return planAndDeliver(runId, dryRun, progress, guard, merged.complete(), merged.problem());
        }
        DirectorySource.ReadSummary read;
        @SuppressWarnings("unchecked")
        java.util.Set<String>[] deleted = new java.util.Set[] {java.util.Set.of()};
        // a full read meets everyone: what is stored about them is loaded once, so that an entry read
        // again unchanged costs a hash, not a normalisation, a decision and a round trip
        ReadLedger ledger = mode.incremental() ? null : ReadLedger.load(store, progress.expected());
        String basis = planBasis() + "; " + normaliser.settings();
        if (source.tracksChanges()) {
            // a full read by a source that tracks changes also gives the watermark to go on from
            DirectorySource.ChangeRead changes = read(runId, progress, ledger, basis,
                    receiver -> source.readChanges(mode.incremental() ? mode.since() : null, receiver));
            read = changes.summary();
            deleted[0] = changes.deleted();
            progress.watermark(watermarkSource == null || changes.watermark() == null ? changes.watermark()
                    : Watermarks.format(Map.of(watermarkSource, changes.watermark())));
        } else if (mode.incremental()) {
            throw new IllegalArgumentException("this source can only be read in full");
        } else {
            read = read(runId, progress, ledger, basis,
                    receiver -> new DirectorySource.ChangeRead(source.readAll(receiver), null)).summary();
        }
        progress.sourceComplete(read.complete());
        if (mode.incremental()) {
            // the entries not read are taken as last read, but not the choices made since
            LateChoices.decideAgain(store, evaluator, runId);
        }
        if (read.complete() && mode.incremental()) {
            // what the run read and did is in its progress, and the run's end logs it once
            LOG.fine(() -> "run " + runId + ": " + read.entries() + " entries changed since " + mode.since());
            progress.gone.set(store.markGone(deleted[0]));
            store.forgetRejected(deleted[0]);
            if (progress.gone.get() > 0) {
                audit.append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "employees.gone",
                        "run:" + runId, progress.gone.get() + " employees were deleted from the directory; "
                        + "their contacts are withdrawn from every viewer")));
            }
        } else if (read.complete()) {
            // employees read again unchanged are known as seen to the ledger alone
            java.util.concurrent.atomic.AtomicLong gone = new java.util.concurrent.atomic.AtomicLong();
            ledger.forEachUnseen(BATCH, unseen -> gone.addAndGet(store.markGone(unseen)));
            progress.gone.set(gone.get());
            // entries rejected before and not in the directory any more: nothing of them is kept
            ledger.forEachUnseenRejected(BATCH, store::forgetRejected);
            if (progress.gone.get() > 0) {
                audit.append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "employees.gone",
                        "run:" + runId, progress.gone.get() + " employees are no longer in the directory; "
                        + "their contacts are withdrawn from every viewer")));
            }
        } else {
            LOG.warning(() -> "run " + runId + ": the directory read was incomplete after " + read.entries()
                    + " entries; no contact will be removed in this run");
        }

        return planAndDeliver(runId, dryRun, progress, guard, read.complete(), read.problem());
    }

    private Outcome planAndDeliver(long runId, boolean dryRun, RunProgress progress, RemovalGuard guard,
                                   boolean complete, String problem) {
        progress.stage(RunProgress.Stage.PLANNING);
        String basis = planBasis();
        StateStore.Planning planning = store.together(() -> {
            StateStore.Planning asked = store.planning(basis);
            progress.viewersTotal(asked.viewers());
            store.saveProgress(runId, progress);
            return asked;
        });
        boolean made = false;
        if (complete && planning.stands()) {
            // nothing the last complete plan was made from has changed: every viewer would get the
            // contact set they already have, so no viewer is planned
            LOG.fine(() -> "run " + runId + ": no change since the last complete plan; nothing to plan");
            progress.viewersPlanned.set(planning.viewers());
        } else {
            plan(runId, dryRun, complete, progress);
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
            finish(runId, progress, made ? basis : null);
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
                LOG.warning(() -> "run " + runId + " would remove " + progress.removed.get() + " contacts, more than "
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
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(evaluator.policy().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Delivers what the run's outbox still holds, batch by batch, then purges the data of leavers
     * past retention: the second half of a run, and all of a run resumed after a crash or approved
     * by an admin.
     */
    public void deliver(long runId, RunProgress progress) {
        progress.stage(RunProgress.Stage.DELIVERING);
        store.saveProgress(runId, progress);
        while (true) {
            StateStore.Drained drained = store.drain(runId, batchSize, platform::deliver);
            if (drained.none()) {
                break;
            }
            progress.delivered.addAndGet(drained.delivered());
            progress.failed.addAndGet(drained.failed());
            store.saveProgress(runId, progress);
            pacing.run();
        }
        finish(runId, progress, null);
    }

    /**
     * The end of a run: the data of leavers past retention is purged (a leaver's data is kept for
     * the policy's period after they left), and the run is done.
     *
     * @param madeOn the basis of the complete plan this run made, recorded with its end; null if none
     */
    private void finish(long runId, RunProgress progress, String madeOn) {
        java.time.Instant cutoff = clock.instant().minus(evaluator.policy().retention().personalData());
        List<String> purged = store.together(() -> {
            if (madeOn != null) {
                store.planMade(madeOn, runId);
            }
            List<String> gone = store.purgeGoneBefore(cutoff);
            progress.stage(RunProgress.Stage.DONE);
            store.saveProgress(runId, progress);
            return gone;
        });
        if (!purged.isEmpty()) {
            audit.append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "employees.purged", "run:" + runId,
                    "purged the data of " + purged.size() + " employees who left before " + cutoff + " (retention "
                            + evaluator.policy().retention().personalData() + "): " + String.join(", ", purged))));
        }
    }

    /**
     * Reads the source, normalising and storing entries in batches. With a ledger (a full read), an
     * entry whose {@link ReadFingerprint} is the one stored is counted and marked seen in the ledger
     * only: it would normalise, decide and store exactly as before. A source that digests entries'
     * content as they arrive is told which ones are held so, and need not map them.
     */
    private DirectorySource.ChangeRead read(long runId, RunProgress progress, ReadLedger ledger, String basis,
                                            java.util.function.Function<DirectorySource.Receiver,
                                                    DirectorySource.ChangeRead> reading) {
        DirectorySource.ChangeRead summary;
        WriteBehind behind = new WriteBehind(writerThreads, 2);
        Reading read = new Reading(runId, progress, ledger, basis, behind);
        try {
            summary = reading.apply(read);
            // the last batches: stored here, should no writer have been needed during the read
            behind.ending();
            read.flush();
            read.recordRejectedAgain();
            behind.finish();
        } catch (RuntimeException | Error e) {
            // what was handed over is stored (unless storing failed) before this is passed on:
            // nothing is written after the read has returned, whatever ended it
            behind.close();
            behind.failure().filter(f -> f != e).ifPresent(e::addSuppressed);
            throw e;
        }
        read.auditRejectedAgain();
        return summary;
    }

    /**
     * One read's entries on their way to the store, a batch at a time. The reading thread digests,
     * checks against the ledger and normalises; everything the store is asked, in order, is done
     * {@link WriteBehind behind} it on the writer's thread.
     */
    private final class Reading implements DirectorySource.Receiver {
        private final long runId;
        private final RunProgress progress;
        private final ReadLedger ledger;
        private final WriteBehind behind;
        /** The batch being filled, handed to the writer whole. */
        private Batch batch = new Batch();
        /**
         * Identities of entries read as they were when rejected, to be recorded as rejected again,
         * {@value #REJECTED_AGAIN_AT_ONCE} at a time and the rest at the end of the read.
         */
        private final java.util.Set<String> rejectedAgain = new java.util.LinkedHashSet<>();
        /** Counted on the writer's thread; read once it has finished. */
        private long rejectedAgainInAll;
        private final ReadFingerprint.Basis digesting;
        /**
         * Identities the ledger (if any) does not hold that this read has stored, accepted or
         * rejected: only they and the ledger's may already be in the store as read by this run or
         * with a fingerprint, so only they are looked up there (on a first sync, none is).
         */
        private final MetIdentities storedUnheld = new MetIdentities();
        /** The source's side: asked on its thread, with a basis of its own. */
        private final ReadLedger.Holding holding;
        private final ReadFingerprint.Basis asking;

        Reading(long runId, RunProgress progress, ReadLedger ledger, String basis, WriteBehind behind) {
            this.runId = runId;
            this.progress = progress;
            this.ledger = ledger;
            this.behind = behind;
            this.digesting = ReadFingerprint.under(basis);
            this.holding = ledger == null ? null : ledger.holding();
            this.asking = ledger == null ? null : ReadFingerprint.under(basis);
        }

        @Override
        public int holds(String id, byte[] content) {
            return holding == null ? NOT_HELD : holding.holds(id, asking.content(content));
        }

        @Override
        public void held(int handle, byte[] content, java.util.function.Supplier<DirectoryEntry> mapped) {
            int slot = ReadLedger.slotOf(handle);
            if (ledger.isSeen(slot)) {
                // an entry with this identity came first: this one is needed, to be rejected
                entry(mapped.get(), content);
                return;
            }
            progress.read.incrementAndGet();
            if (ReadLedger.rejectedAgain(handle)) {
                rejectedAgain(slot, ledger.id(slot));
            } else {
                unchanged(slot);
            }
        }

        /**
         * Handles an entry the ledger knows as read: unchanged since it was stored, or rejected as
         * before. False when the ledger does not know it so (or this read already met the identity).
         */
        private boolean known(int slot, String id, byte[] digest) {
            if (slot < 0 || ledger.isSeen(slot)) {
                return false;
            }
            if (ledger.readAs(slot, digest)) {
                unchanged(slot);
                return true;
            }
            if (ledger.rejectedAs(slot, digest)) {
                rejectedAgain(slot, id);
                return true;
            }
            return false;
        }

        /** The entry with the slot's identity was read as it was when rejected: it is rejected again. */
        private void rejectedAgain(int slot, String id) {
            ledger.seen(slot, false);
            progress.rejected.incrementAndGet();
            rejectedAgain.add(id);
            if (rejectedAgain.size() >= REJECTED_AGAIN_AT_ONCE) {
                recordRejectedAgain();
            }
        }

        /** Records the rejections read again unchanged so far, in one go. */
        void recordRejectedAgain() {
            if (!rejectedAgain.isEmpty()) {
                List<String> ids = List.copyOf(rejectedAgain);
                behind.submit(() -> rejectedAgainInAll += store.rejectAgain(runId, ids));
                rejectedAgain.clear();
            }
        }

        private void unchanged(int slot) {
            ledger.seen(slot, true);
            (ledger.receives(slot) ? progress.inScope : progress.excluded).incrementAndGet();
            if ((progress.read.get() & 255) == 0 && progressDue()) {
                behind.submit(() -> store.saveProgress(runId, progress));
            }
        }

        @Override
        public void entry(DirectoryEntry entry, byte[] content) {
            progress.read.incrementAndGet();
            byte[] digest = content == null ? digesting.entry(entry) : digesting.content(content);
            if (ledger != null && entry.ids().size() == 1) {
                String id = entry.ids().get(0).strip();
                int slot = ledger.find(id);
                if (known(slot, id, digest)) {
                    return;
                }
                if (rejectedAgain.contains(id)) {
                    // a second entry with the identity of one rejected again: that one must be
                    // findable as read by this run, so that this one is rejected naming it
                    recordRejectedAgain();
                }
                if (slot >= 0 && ledger.isSeenUnchanged(slot)) {
                    // a second entry with an identity this read met unchanged: the first must be
                    // findable as read by this run, so that the second is rejected naming it
                    List<String> first = List.of(entry.ids().get(0).strip());
                    behind.submit(() -> store.markSeen(runId, first));
                    ledger.seen(slot, false);
                }
            }
            Normalisation result = normaliser.normalise(entry);
            if (result instanceof Normalisation.Accepted accepted) {
                batch.employees.add(accepted.employee());
                batch.digests.put(accepted.employee().id(), digest);
                adjustment(runId, "", accepted).ifPresent(batch.notes::add);
                if (ledger != null) {
                    ledger.seen(accepted.employee().id());
                }
            } else if (result instanceof Normalisation.Rejected rejected) {
                progress.rejected.incrementAndGet();
                batch.rejections.add(rejected.rejection());
                // rejected for what it holds: read again unchanged, it is rejected again unread
                if (rejected.rejection().employeeId().isPresent()) {
                    batch.rejectedReads.add(new StateStore.RejectedRead(rejected.rejection(),
                            ReadFingerprint.of(digest, org.roster.policy.Person.SelfService.NONE)));
                }
                // a rejected entry keeps its last good state: its employee is not gone
                if (ledger != null) {
                    rejected.rejection().employeeId().ifPresent(ledger::seen);
                }
            }
            if (batch.employees.size() + batch.rejections.size() >= BATCH) {
                flush();
            }
        }

        /** Hands the batch to the writer, and starts the next. */
        void flush() {
            Batch full = batch;
            batch = new Batch();
            behind.submit(() -> store(full));
        }

        /**
         * Stores a batch, and gives the trail its notes of entries accepted as adjusted in one go.
         * On the writer's thread, where every batch is stored in the order read.
         */
        private void store(Batch batch) {
            rejectDuplicates(runId, batch.employees, batch.rejections, progress, this::mayBeReadByRun);
            decideAndSave(runId, batch.employees, batch.rejections, batch.digests, progress, this::mayBeStored);
            for (Employee employee : batch.employees) {
                unheldStored(employee.id());
            }
            for (Rejection rejection : batch.rejections) {
                rejection.employeeId().ifPresent(this::unheldStored);
            }
            if (!batch.rejectedReads.isEmpty()) {
                store.rememberRejected(batch.rejectedReads);
            }
            audit.append(batch.notes);
        }

        /**
         * Whether the store may hold the employee as active or as read by this run: without a
         * ledger any may; with one, those it holds and those this read stored.
         */
        private boolean mayBeStored(String id) {
            return ledger == null || ledger.find(id) >= 0 || storedUnheld.mayHold(id);
        }

        /**
         * Whether the store may hold the employee as read by this run: with a ledger, those it
         * holds and those this read stored; without one (a read of changes), only those this read
         * stored, so that the first batch asks the store nothing.
         */
        private boolean mayBeReadByRun(String id) {
            return ledger == null ? storedUnheld.mayHold(id) : mayBeStored(id);
        }

        private void unheldStored(String id) {
            if (ledger == null || ledger.find(id) < 0) {
                storedUnheld.add(id);
            }
        }

        /**
         * The trail's one line for every entry this read rejected again as before, each unchanged
         * since its rejection was recorded with its reason (listed with the run's rejections).
         */
        void auditRejectedAgain() {
            if (rejectedAgainInAll > 0) {
                audit.append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "entries.rejected-again",
                        "run:" + runId, "run " + runId + ": " + rejectedAgainInAll + " entries read unchanged were "
                        + "rejected again for the reasons recorded when each was first rejected; they are listed "
                        + "with the run's rejected entries")));
            }
        }
    }

    /** One batch of a read: what its entries were accepted and rejected as, for the writer. */
    private static final class Batch {
        final List<Employee> employees = new ArrayList<>(BATCH);
        final List<Rejection> rejections = new ArrayList<>();
        /** Each accepted employee's digest as read. */
        final Map<String, byte[]> digests = new java.util.HashMap<>();
        /** The trail's notes of entries accepted as adjusted. */
        final List<AuditEvent> notes = new ArrayList<>();
        /** Entries rejected for what they hold, with what they were read as. */
        final List<StateStore.RejectedRead> rejectedReads = new ArrayList<>();
    }

    /**
     * When the progress the API shows was last saved during a read ({@link System#nanoTime}); the
     * reading thread and the writer's both ask.
     */
    private final java.util.concurrent.atomic.AtomicLong progressSavedAt =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

    /**
     * Whether the run's progress is due to be saved, at most twice a second while reading: often
     * enough for a live percentage, rarely enough that a large read does not pay a transaction per
     * batch. True for one caller only.
     */
    private boolean progressDue() {
        long now = System.nanoTime();
        long saved = progressSavedAt.get();
        return now - saved >= PROGRESS_EVERY_NANOS && progressSavedAt.compareAndSet(saved, now);
    }

    /** Saves the run's progress when it is due. */
    private void progressNowAndThen(long runId, RunProgress progress) {
        if (progressDue()) {
            store.saveProgress(runId, progress);
        }
    }

    /**
     * An entry accepted as adjusted (of several values in a field, the first usable one taken) says
     * so in the trail, without any value.
     */
    void adjusted(long runId, String sourcePrefix, Normalisation.Accepted accepted) {
        adjustment(runId, sourcePrefix, accepted).ifPresent(note -> audit.append(List.of(note)));
    }

    /** The trail's note that an entry was accepted as adjusted; none when it was taken as read. */
    private Optional<AuditEvent> adjustment(long runId, String sourcePrefix, Normalisation.Accepted accepted) {
        if (accepted.notes().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "entry.adjusted",
                "employee:" + accepted.employee().id(), "run " + runId + ": " + sourcePrefix
                + String.join("; ", accepted.notes())));
    }

    /**
     * Decides each employee's scope and stores them with the rejections, which the trail gets too.
     *
     * @param digests each employee's {@link ReadFingerprint.Basis#entry} digest as read, where one was taken
     * @param mayBeStored false for an identity the store certainly holds no active employee with
     */
    private void decideAndSave(long runId, List<Employee> employees, List<Rejection> rejections,
                               Map<String, byte[]> digests, RunProgress progress,
                               java.util.function.Predicate<String> mayBeStored) {
        if (!employees.isEmpty() || !rejections.isEmpty()) {
            // what the batch is decided from and what is stored of it: one unit, one commit
            store.together(() -> {
                decideAndStore(runId, employees, rejections, digests, progress, mayBeStored);
                return null;
            });
            // the trail gets the reason without the offending value: it may be a real, mistyped number
            audit.append(rejections.stream().map(r -> new AuditEvent(clock.instant(), AuditEvent.SYSTEM,
                    "entry.rejected", r.employeeId().map(id -> "employee:" + id).orElse("run:" + runId),
                    "run " + runId + ": " + r.withheld())).toList());
        }
        progressNowAndThen(runId, progress);
    }

    /** {@link #decideAndSave}'s work with the store, for a batch with employees or rejections. */
    private void decideAndStore(long runId, List<Employee> employees, List<Rejection> rejections,
                                Map<String, byte[]> digests, RunProgress progress,
                                java.util.function.Predicate<String> mayBeStored) {
        // one question to the store for the batch: whose choices change their decision, and who
        // is stored exactly as decided now
        List<String> ids = employees.stream().map(Employee::id).toList();
        StateStore.Known known = store.known(ids, ids.stream().filter(mayBeStored).toList());
        Map<String, Person.SelfService> choices = known.choices();
        List<StateStore.Decided> decided = new ArrayList<>(employees.size());
        for (Employee employee : employees) {
            Person.SelfService choice = choices.getOrDefault(employee.id(), Person.SelfService.NONE);
            ScopeDecision scope = evaluator.scope(new WithSelfService(employee, choice));
            (scope.receives() ? progress.inScope : progress.excluded).incrementAndGet();
            byte[] digest = digests.get(employee.id());
            decided.add(new StateStore.Decided(employee, scope,
                    digest == null ? "" : ReadFingerprint.of(digest, choice)));
        }
        // an employee stored exactly as read again is only marked seen: a steady directory costs a
        // read and a comparison, not a rewrite of every row
        Map<String, String> stored = known.fingerprints();
        List<StateStore.Decided> changed = new ArrayList<>(decided.size());
        Map<String, String> unchanged = new java.util.HashMap<>();
        for (StateStore.Decided d : decided) {
            if (d.fingerprint().equals(stored.get(d.employee().id()))) {
                unchanged.put(d.employee().id(), d.readFingerprint());
            } else {
                changed.add(d);
            }
        }
        if (!changed.isEmpty() || !rejections.isEmpty()) {
            store.saveEntries(runId, changed, List.copyOf(rejections));
        }
        if (!unchanged.isEmpty()) {
            store.markSeen(runId, unchanged);
        }
    }

    /**
     * A second entry with an identity this read already met (in this batch or an earlier one) is
     * rejected, naming the other entry: the first one read stands, and nobody is merged by accident.
     */
    private void rejectDuplicates(long runId, List<Employee> employees, List<Rejection> rejections,
                                  RunProgress progress, java.util.function.Predicate<String> mayBeStored) {
        if (employees.isEmpty()) {
            return;
        }
        Map<String, String> seen = new java.util.HashMap<>(store.readByRun(runId,
                employees.stream().map(Employee::id).distinct().filter(mayBeStored).toList()));
        java.util.Iterator<Employee> it = employees.iterator();
        while (it.hasNext()) {
            Employee employee = it.next();
            String first = seen.putIfAbsent(employee.id(), employee.reference());
            if (first != null && !first.equals(employee.reference())) {
                it.remove();
                progress.rejected.incrementAndGet();
                rejections.add(new Rejection(employee.reference(), Optional.empty(),
                        "has the identity " + employee.id() + ", which " + first + " has too; identities must be unique",
                        "has an identity another entry has too; identities must be unique"));
            }
        }
    }

    private void plan(long runId, boolean dryRun, boolean allowRemovals, RunProgress progress) {
        Candidates candidates = new Candidates();
        List<Employee> page = new ArrayList<>(VIEWER_PAGE);
        store.forEachViewer(VIEWER_PAGE, viewer -> {
            page.add(viewer);
            if (page.size() == VIEWER_PAGE) {
                planPage(runId, dryRun, allowRemovals, page, candidates, progress);
                page.clear();
            }
        });
        planPage(runId, dryRun, allowRemovals, page, candidates, progress);
        if (allowRemovals) {
            // people who left scope keep nothing Roster delivered to them
            store.forEachFormerViewer(VIEWER_PAGE, viewerId -> apply(runId, dryRun, viewerId,
                    Planner.plan(List.of(), store.deliveredFingerprints(viewerId), true), null, progress));
        }
    }

    /**
     * Plans a page of viewers: their digests are looked up together, what was delivered is read only
     * for those whose contact set changed, and their plans are written in one unit of work.
     */
    private void planPage(long runId, boolean dryRun, boolean allowRemovals, List<Employee> viewers,
                          Candidates candidates, RunProgress progress) {
        if (viewers.isEmpty()) {
            return;
        }
        Map<String, List<ContactCard>> desired = new LinkedHashMap<>();
        Map<String, ViewerDigest.Planned> digests = new java.util.HashMap<>();
        for (Employee viewer : viewers) {
            List<ContactCard> cards = desiredContacts(viewer, candidates);
            desired.put(viewer.id(), cards);
            digests.put(viewer.id(), ViewerDigest.Planned.of(cards));
        }
        // an unchanged contact set costs no read of what was delivered, and plans nothing
        Map<String, String> stored = store.viewerDigests(desired.keySet());
        List<String> changed = desired.keySet().stream()
                .filter(id -> !digests.get(id).digest().equals(stored.get(id))).toList();
        Map<String, Map<String, String>> delivered = changed.isEmpty() ? Map.of()
                : store.deliveredFingerprints(changed);
        List<StateStore.ViewerPlan> plans = new ArrayList<>(changed.size());
        for (String id : changed) {
            List<ContactChange> changes = Planner.plan(desired.get(id), delivered.getOrDefault(id, Map.of()),
                    allowRemovals);
            // with removals held back the delivered set will differ from the desired one: no digest
            plans.add(new StateStore.ViewerPlan(id, changes, allowRemovals ? digests.get(id) : null));
            count(changes, progress);
        }
        if (!dryRun && !plans.isEmpty()) {
            store.enqueue(runId, plans);
        }
        long before = progress.viewersPlanned.getAndAdd(viewers.size());
        if (before / PROGRESS_EVERY_VIEWERS != (before + viewers.size()) / PROGRESS_EVERY_VIEWERS) {
            store.saveProgress(runId, progress);
        }
    }

    private static void count(List<ContactChange> changes, RunProgress progress) {
        for (ContactChange change : changes) {
            (change instanceof ContactChange.Add ? progress.added
                    : change instanceof ContactChange.Update ? progress.updated : progress.removed).incrementAndGet();
        }
    }

    private void apply(long runId, boolean dryRun, String viewerId, List<ContactChange> changes,
                       ViewerDigest.Planned digest, RunProgress progress) {
        if (!dryRun) {
            store.enqueue(runId, viewerId, changes, digest);
        }
        count(changes, progress);
    }

    /**
     * The cards the policy grants the viewer: candidates found per visibility rule (each rule asks
     * the store only for the people it could grant), checked by the evaluator, projected to the
     * released fields, and capped.
     */
    List<ContactCard> desiredContacts(Employee viewer) {
        return desiredContacts(viewer, new Candidates());
    }

    /**
     * As {@link #desiredContacts(Employee)}, with the candidates a plan has looked up so far. Rules
     * are taken in the policy's order and a rule's candidates by id, which is the order the cap
     * keeps them in: once a viewer holds as many cards as the cap allows, the rest would be cut,
     * and are not looked at.
     */
    private List<ContactCard> desiredContacts(Employee viewer, Candidates candidates) {
        Map<String, ContactCard> cards = new LinkedHashMap<>();
        int max = evaluator.policy().cap().map(cap -> cap.max()).orElse(Integer.MAX_VALUE);
        for (VisibilityRule rule : evaluator.policy().visibility()) {
            if (cards.size() >= max) {
                break;
            }
            if (rule instanceof VisibilityRule.SameValue same) {
                Optional<String> value = viewer.value(same.field());
                value.ifPresent(v -> candidates.consider(viewer, "value\u0000" + same.field() + "\u0000" + v,
                        atMost -> store.contactsWith(same.field(), v, atMost), cards, max));
            } else if (rule instanceof VisibilityRule.Everyone) {
                // the store pages in the database's order, which need not be the cap's: all are considered
                store.forEachContact(VIEWER_PAGE, c -> consider(viewer, c, cards));
            } else if (rule instanceof VisibilityRule.Group group) {
                if (viewer.groups().contains(group.group())) {
                    candidates.consider(viewer, "group\u0000" + group.group(),
                            atMost -> store.contactsInGroup(group.group()), cards, max);
                }
            } else if (rule instanceof VisibilityRule.DirectReports) {
                store.contactsReportingTo(viewer.reference()).forEach(c -> consider(viewer, c, cards));
            } else if (rule instanceof VisibilityRule.ManagerChain chain) {
                Optional<String> manager = viewer.value(PersonField.MANAGER);
                for (int level = 1; level <= chain.levels() && manager.isPresent(); level++) {
                    Optional<Employee> boss = store.byReference(manager.get());
                    // the chain is walked through everyone, but only deliverable managers become contacts
                    boss.filter(b -> store.isDeliverable(b.id())).ifPresent(b -> consider(viewer, b, cards));
                    manager = boss.flatMap(b -> b.value(PersonField.MANAGER));
                }
            }
        }
        return evaluator.cap(new ArrayList<>(cards.values()), ContactCard::ruleId, ContactCard::contactId);
    }

    /**
     * The candidates one plan has looked up, by rule and value, with the cards made of them: the
     * viewers of one department share one lookup and one card per colleague, where each would
     * otherwise load the whole department and digest every card again. Under a cap a lookup first
     * fetches one more than the cap (a viewer is not their own contact), and all of the list only
     * for a viewer that has not filled their cap from that (the store's first ones are the first by
     * id as Java orders strings, as the cap does). Bounded: the least recently used lists
     * go once more than {@value #HELD} employees are held.
     */
    private final class Candidates {
        /** Employees held over all lists at most. */
        private static final int HELD = 50_000;

        /** One lookup's candidates in id order, and the card made of each so far. */
        private static final class Found {
            final List<Employee> people;
            /** Whether {@link #people} is the whole list, not the first ones only. */
            final boolean whole;
            final ContactCard[] cards;

            Found(List<Employee> people, int asked) {
                // in the order the cap keeps them, whatever order the store gave
                List<Employee> sorted = new ArrayList<>(people);
                sorted.sort(java.util.Comparator.comparing(Employee::id));
                this.people = sorted;
                this.whole = people.size() < asked;
                this.cards = new ContactCard[people.size()];
            }
        }

        private int held;
        private final Map<String, Found> found = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Found> eldest) {
                if (held > HELD && size() > 1) {
                    held -= eldest.getValue().people.size();
                    return true;
                }
                return false;
            }
        };

        /** Considers the candidates {@code lookup} finds for the key, until the viewer holds {@code max} cards. */
        void consider(Employee viewer, String key, java.util.function.IntFunction<List<Employee>> lookup,
                      Map<String, ContactCard> cards, int max) {
            int first = max == Integer.MAX_VALUE ? Integer.MAX_VALUE : max + 1;
            Found list = found.get(key);
            if (list == null) {
                list = remember(key, new Found(lookup.apply(first), first));
            }
            int i = 0;
            while (true) {
                for (; i < list.people.size() && cards.size() < max; i++) {
                    Employee contact = list.people.get(i);
                    if (!cards.containsKey(contact.id())) {
                        ContactCard card = cardOf(viewer, contact, list.cards[i]);
                        if (card != null) {
                            list.cards[i] = card;
                            cards.put(contact.id(), card);
                        }
                    }
                }
                if (list.whole || cards.size() >= max) {
                    return;
                }
                // this viewer needs more of the list than its first part: fetch all of it, once
                Found all = new Found(lookup.apply(Integer.MAX_VALUE), Integer.MAX_VALUE);
                System.arraycopy(list.cards, 0, all.cards, 0, Math.min(list.cards.length, all.cards.length));
                forget(key);
                list = remember(key, all);
            }
        }

        private Found remember(String key, Found list) {
            if (list.people.size() <= HELD) {
                held += list.people.size();
                found.put(key, list);
            }
            return list;
        }

        private void forget(String key) {
            Found gone = found.remove(key);
            if (gone != null) {
                held -= gone.people.size();
            }
        }
    }

    /** An employee as the policy sees them: directory data plus their self-service choices. */
    record WithSelfService(Employee employee, Person.SelfService selfService) implements Person {
        @Override
        public String id() {
            return employee.id();
        }

        @Override
        public Optional<String> value(PersonField field) {
            return employee.value(field);
        }

        @Override
        public String reference() {
            return employee.reference();
        }

        @Override
        public java.util.Set<String> groups() {
            return employee.groups();
        }
    }

    private void consider(Employee viewer, Employee contact, Map<String, ContactCard> cards) {
        if (!cards.containsKey(contact.id())) {
            ContactCard card = cardOf(viewer, contact, null);
            if (card != null) {
                cards.put(contact.id(), card);
            }
        }
    }

    /**
     * The card the viewer gets of the contact (its released fields, the rule that grants it), or null
     * when no rule grants it; {@code known}, a card made before, is the answer when it fits.
     */
    private ContactCard cardOf(Employee viewer, Employee contact, ContactCard known) {
        if (!(evaluator.visibility(viewer, contact) instanceof VisibilityDecision.Visible visible)) {
            return null;
        }
        if (known != null && known.contactId().equals(contact.id()) && known.ruleId().equals(visible.ruleId())) {
            return known;
        }
        return new ContactCard(contact.id(), evaluator.release(contact), visible.ruleId());
    }
}
