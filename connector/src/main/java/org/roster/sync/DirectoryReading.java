package org.roster.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.Supplier;
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

/**
 * The read and normalise stages of one source: entries streamed from the directory, digested and
 * checked against the {@link ReadLedger} (an entry read again exactly as stored goes no further),
 * normalised, and handed a batch at a time to the {@link Deciding decide stage} on a writer
 * thread ({@link WriteBehind}) while the reading thread goes on. A complete read then marks whoever
 * it did not meet (or the source reported deleted) as gone.
 *
 * <pre>{@code
 * DirectorySource.ReadSummary read = new DirectoryReading(source, normaliser, store, store, store, audit, clock,
 *         threads, deciding, progressSaves, null).read(runId, progress, SyncPipeline.ReadMode.FULL, basis);
 * }</pre>
 */
final class DirectoryReading {

    private static final Logger LOG = Logger.getLogger(DirectoryReading.class.getName());
    private static final int BATCH = 1000;
    /**
     * Rejections read again unchanged that are recorded in one go: while the run records them, the
     * source reads on ahead.
     */
    private static final int REJECTED_AGAIN_AT_ONCE = BATCH;

    private final DirectorySource source;
    private final EntryNormaliser normaliser;
    private final DirectorySnapshot snapshot;
    private final StoredReads reads;
    private final RunLog runs;
    private final AuditLog audit;
    private final Clock clock;
    private final ThreadFactory writerThreads;
    private final Deciding deciding;
    private final ProgressSaves progressSaves;
    /** The id the run keeps the source's watermark under. */
    private final String sourceId;

    DirectoryReading(DirectorySource source, EntryNormaliser normaliser, DirectorySnapshot snapshot,
                     StoredReads reads, RunLog runs, AuditLog audit, Clock clock, ThreadFactory writerThreads,
                     Deciding deciding, ProgressSaves progressSaves, String sourceId) {
        this.source = source;
        this.normaliser = normaliser;
        this.snapshot = snapshot;
        this.reads = reads;
        this.runs = runs;
        this.audit = audit;
        this.clock = clock;
        this.writerThreads = writerThreads;
        this.deciding = deciding;
        this.progressSaves = progressSaves;
        this.sourceId = sourceId;
    }

    /**
     * Reads the source as the mode says, storing what it read, and after a complete read marks who
     * has gone.
     *
     * @param policyBasis what the run's plan is made from besides the directory: the policy
     */
    DirectorySource.ReadSummary read(long runId, RunProgress progress, SyncPipeline.ReadMode mode,
                                     String policyBasis) {
        // a full read meets everyone: what is stored about them is loaded once, so that an entry read
        // again unchanged costs a hash, not a normalisation, a decision and a round trip
        ReadLedger ledger = mode.incremental() ? null : ReadLedger.load(reads, progress.expected());
        String basis = policyBasis + "; " + normaliser.settings();
        DirectorySource.ReadSummary read;
        Set<String> deleted = Set.of();
        if (source.tracksChanges()) {
            // a full read by a source that tracks changes also gives the watermark to go on from
            DirectorySource.ChangeRead changes = read(runId, progress, ledger, basis,
                    receiver -> source.readChanges(mode.incremental() ? mode.since() : null, receiver));
            read = changes.summary();
            deleted = changes.deleted();
            progress.watermarks(changes.watermark() == null ? Map.of() : Map.of(sourceId, changes.watermark()));
        } else if (mode.incremental()) {
            throw new IllegalArgumentException("this source can only be read in full");
        } else {
            read = read(runId, progress, ledger, basis,
                    receiver -> new DirectorySource.ChangeRead(source.readAll(receiver), null)).summary();
        }
        progress.sourceComplete(read.complete());
        if (mode.incremental()) {
            // the entries not read are taken as last read, but not the choices made since
            deciding.decideLateChoices(runId);
        }
        if (read.complete() && mode.incremental()) {
            // what the run read and did is in its progress, and the run's end logs it once
            LOG.fine(() -> RunLines.of(runId) + read.entries() + " entries changed since " + mode.since());
            progress.gone.set(snapshot.markGone(deleted));
            reads.forgetRejected(deleted);
            auditGone(runId, progress, " employees were deleted from the directory; ");
        } else if (read.complete()) {
            // employees read again unchanged are known as seen to the ledger alone
            progress.gone.set(0);
            ledger.forEachUnseen(BATCH, unseen -> progress.gone.addAndGet(snapshot.markGone(unseen)));
            // entries rejected before and not in the directory any more: nothing of them is kept
            ledger.forEachUnseenRejected(BATCH, reads::forgetRejected);
            auditGone(runId, progress, " employees are no longer in the directory; ");
        } else {
            LOG.warning(() -> RunLines.of(runId) + "the directory read was incomplete after " + read.entries()
                    + " entries; no contact will be removed in this run");
        }
        return read;
    }

    private void auditGone(long runId, RunProgress progress, String what) {
        if (progress.gone.get() > 0) {
            audit.append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "employees.gone",
                    "run:" + runId, progress.gone.get() + what + "their contacts are withdrawn from every viewer")));
        }
    }

    /**
     * Reads the source, normalising and storing entries in batches. With a ledger (a full read), an
     * entry whose {@link ReadFingerprint} is the one stored is counted and marked seen in the ledger
     * only: it would normalise, decide and store exactly as before. A source that digests entries'
     * content as they arrive is told which ones are held so, and need not map them.
     */
    private DirectorySource.ChangeRead read(long runId, RunProgress progress, ReadLedger ledger, String basis,
                                            Function<DirectorySource.Receiver, DirectorySource.ChangeRead> reading) {
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
        private final Set<String> rejectedAgain = new LinkedHashSet<>();
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
        public void held(int handle, byte[] content, Supplier<DirectoryEntry> mapped) {
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
                behind.submit(() -> rejectedAgainInAll += reads.rejectAgain(runId, ids));
                rejectedAgain.clear();
            }
        }

        private void unchanged(int slot) {
            ledger.seen(slot, true);
            (ledger.receives(slot) ? progress.inScope : progress.excluded).incrementAndGet();
            if ((progress.read.get() & 255) == 0 && progressSaves.due()) {
                behind.submit(() -> runs.saveProgress(runId, progress));
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
                    behind.submit(() -> snapshot.markSeen(runId, first));
                    ledger.seen(slot, false);
                }
            }
            Normalisation result = normaliser.normalise(entry);
            if (result instanceof Normalisation.Accepted accepted) {
                batch.employees.add(accepted.employee());
                batch.digests.put(accepted.employee().id(), digest);
                if (accepted.regionGuessed()) {
                    batch.regionGuessed.add(accepted.employee().id());
                }
                deciding.adjustment(runId, "", accepted).ifPresent(batch.notes::add);
                if (ledger != null) {
                    ledger.seen(accepted.employee().id());
                }
            } else if (result instanceof Normalisation.Rejected rejected) {
                progress.rejected.incrementAndGet();
                batch.rejections.add(rejected.rejection());
                // rejected for what it holds: read again unchanged, it is rejected again unread
                if (rejected.rejection().employeeId().isPresent()) {
                    batch.rejectedReads.add(new StoredReads.RejectedRead(rejected.rejection(),
                            ReadFingerprint.of(digest, Person.SelfService.NONE)));
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
            deciding.rejectDuplicates(runId, batch.employees, batch.rejections, progress, this::mayBeReadByRun);
            deciding.save(runId, batch.employees, batch.rejections, batch.digests, batch.regionGuessed, progress,
                    this::mayBeStored);
            for (Employee employee : batch.employees) {
                unheldStored(employee.id());
            }
            for (Rejection rejection : batch.rejections) {
                rejection.employeeId().ifPresent(this::unheldStored);
            }
            if (!batch.rejectedReads.isEmpty()) {
                reads.rememberRejected(batch.rejectedReads);
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
        final Map<String, byte[]> digests = new HashMap<>();
        /** The accepted employees with a number read without its country code. */
        final Set<String> regionGuessed = new HashSet<>();
        /** The trail's notes of entries accepted as adjusted. */
        final List<AuditEvent> notes = new ArrayList<>();
        /** Entries rejected for what they hold, with what they were read as. */
        final List<StoredReads.RejectedRead> rejectedReads = new ArrayList<>();
    }
}
