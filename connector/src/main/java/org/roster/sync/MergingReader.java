package org.roster.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.roster.audit.AuditEvent;
import org.roster.audit.AuditLog;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.DirectorySource;
import org.roster.directory.Employee;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.Normalisation;
import org.roster.directory.Rejection;

/**
 * The read stage when several sources make one directory: each source is read in turn (in full or
 * only its changes), its entries kept as {@link SourceRecord}s, and every employee one of whose
 * entries changed is merged again from all their records ({@link DirectoryMerge}). Cost grows with
 * what changed: an unchanged source's records are neither read nor merged on an incremental run.
 *
 * <p>Safety: nobody is removed unless every source was read completely. Then the entries a full
 * read did not meet, the entries a source reported deleted and the entries of sources no longer
 * configured are dropped, and whoever is left with no entry at all is gone.
 *
 * <pre>{@code
 * MergingReader reader = new MergingReader(sources, MergeKey.parse("mail"), records, store, audit, clock, saver);
 * MergingReader.Result result = reader.read(runId, progress);
 * }</pre>
 */
final class MergingReader {

    private static final Logger LOG = Logger.getLogger(MergingReader.class.getName());
    private static final int BATCH = 500;

    /** Decides and stores merged employees and rejections (the pipeline's own steps). */
    interface Saver {
        void save(long runId, List<Employee> employees, List<Rejection> rejections, RunProgress progress);

        /** Audits the notes of an entry accepted as adjusted. */
        void adjusted(long runId, String sourcePrefix, Normalisation.Accepted accepted);
    }

    /** How the read went over all sources. */
    record Result(boolean complete, String problem, Map<String, String> watermarks) {
    }

    private final List<SyncPipeline.Source> sources;
    private final MergeKey key;
    private final SourceRecords records;
    private final StateStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Saver saver;

    MergingReader(List<SyncPipeline.Source> sources, MergeKey key, SourceRecords records, StateStore store,
                  AuditLog audit, Clock clock, Saver saver) {
        this.sources = sources.stream().sorted(Comparator.comparingInt(SyncPipeline.Source::precedence)
                .thenComparing(SyncPipeline.Source::id)).toList();
        this.key = key;
        this.records = records;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.saver = saver;
    }

    Result read(long runId, RunProgress progress) {
        boolean complete = true;
        boolean allFull = true;
        List<String> problems = new ArrayList<>();
        Map<String, String> watermarks = new LinkedHashMap<>();
        Set<String> fullyRead = new HashSet<>();
        Map<String, Set<String>> deleted = new HashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SyncPipeline.Source source : sources) {
            Batch batch = new Batch(runId, source, progress);
            boolean incremental = source.mode().incremental() && source.reader().tracksChanges();
            DirectorySource.ChangeRead read;
            try {
                if (source.reader().tracksChanges()) {
                    read = source.reader().readChanges(incremental ? source.mode().since() : null, batch::accept);
                } else {
                    read = new DirectorySource.ChangeRead(source.reader().readAll(batch::accept), null);
                }
            } catch (RuntimeException e) {
                read = new DirectorySource.ChangeRead(DirectorySource.ReadSummary.incomplete(batch.entries,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), null);
            }
            batch.flush();
            counts.put(source.id() + (incremental ? " (changes)" : ""), read.summary().entries());
            if (!read.summary().complete()) {
                complete = false;
                problems.add("source " + source.id() + ": " + read.summary().problem());
                LOG.warning(RunLines.of(runId) + "the read of source " + source.id() + " was incomplete; "
                        + "no contact will be removed in this run");
                continue;
            }
            if (read.watermark() != null) {
                watermarks.put(source.id(), read.watermark());
            }
            if (incremental) {
                allFull = false;
            } else {
                fullyRead.add(source.id());
            }
            deleted.put(source.id(), read.deleted());
        }
        if (complete) {
            Set<String> affected = new HashSet<>();
            for (String id : fullyRead) {
                affected.addAll(records.dropUnseen(id, runId));
            }
            deleted.forEach((id, identities) -> affected.addAll(records.drop(id, identities)));
            affected.addAll(records.dropSourcesOtherThan(sources.stream().map(SyncPipeline.Source::id)
                    .collect(Collectors.toSet())));
            long gone = remerge(runId, affected, Set.of(), List.of(), progress);
            if (allFull) {
                // everyone still in a source was saved by this run; anyone else is gone
                gone += store.markUnseenAsGone(runId);
            }
            progress.gone.addAndGet(gone);
            if (gone > 0) {
                audit.append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "employees.gone",
                        "run:" + runId, gone + " employees are in none of the sources any more; their contacts are "
                        + "withdrawn from every viewer")));
            }
        }
        audit.append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "directory.merged", "run:" + runId,
                "run " + runId + " merged " + sources.size() + " sources by " + key.name() + " in precedence order "
                + sources.stream().map(s -> s.id() + " (" + s.precedence() + ")").toList() + "; entries read: "
                + counts + (complete ? "" : "; incomplete, so nobody was removed"))));
        return new Result(complete, String.join("; ", problems), watermarks);
    }

    /**
     * Merges these employees again from their records and saves them; those with no record left are
     * marked gone. Conflicts are audited for the keys whose entries changed.
     */
    private long remerge(long runId, Set<String> keys, Set<String> changed, List<Rejection> rejections,
                         RunProgress progress) {
        if (keys.isEmpty() && rejections.isEmpty()) {
            return 0;
        }
        Map<String, List<SourceRecord>> byKey = records.forKeys(keys);
        List<Employee> employees = new ArrayList<>(byKey.size());
        List<AuditEvent> conflicts = new ArrayList<>();
        for (Map.Entry<String, List<SourceRecord>> entry : byKey.entrySet()) {
            DirectoryMerge.Merged merged = DirectoryMerge.merge(entry.getKey(), entry.getValue());
            employees.add(merged.employee());
            if (changed.contains(entry.getKey()) && !merged.conflicts().isEmpty()) {
                conflicts.add(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "employee.merged",
                        "employee:" + entry.getKey(), "run " + runId + ": the sources " + merged.sources()
                        + " disagree; by precedence: " + merged.conflicts().stream().map(Object::toString).toList()));
            }
        }
        saver.save(runId, employees, rejections, progress);
        audit.append(conflicts);
        Set<String> gone = new HashSet<>(keys);
        gone.removeAll(byKey.keySet());
        return store.markGone(gone);
    }

    /** One source's entries on their way to the store, a batch at a time. */
    private final class Batch {
        private final long runId;
        private final SyncPipeline.Source source;
        private final RunProgress progress;
        private final EntryNormaliser normaliser;
        private final List<SourceRecord> accepted = new ArrayList<>(BATCH);
        private final List<Rejection> rejections = new ArrayList<>();
        private long entries;

        Batch(long runId, SyncPipeline.Source source, RunProgress progress) {
            this.runId = runId;
            this.source = source;
            this.progress = progress;
            this.normaliser = source.normaliser();
        }

        void accept(DirectoryEntry entry) {
            entries++;
            progress.read.incrementAndGet();
            Normalisation result = normaliser.normalise(entry);
            if (result instanceof Normalisation.Rejected rejected) {
                reject(rejected.rejection());
            } else {
                Employee employee = ((Normalisation.Accepted) result).employee();
                saver.adjusted(runId, "source " + source.id() + ": ", (Normalisation.Accepted) result);
                Optional<String> merged = key.of(employee);
                if (merged.isEmpty()) {
                    reject(new Rejection(entry.reference(), Optional.of(employee.id()), "has no " + key.name()
                            + ", which the sources are merged by"));
                } else {
                    accepted.add(new SourceRecord(source.id(), employee.id(), merged.get(), employee.reference(),
                            source.precedence(), employee.values(), employee.groups()));
                }
            }
            if (accepted.size() + rejections.size() >= BATCH) {
                flush();
            }
        }

        private void reject(Rejection rejection) {
            progress.rejected.incrementAndGet();
            rejections.add(new Rejection(rejection.reference(), rejection.employeeId(),
                    "source " + source.id() + ": " + rejection.reason(), "source " + source.id() + ": "
                    + rejection.withheld()));
        }

        void flush() {
            if (accepted.isEmpty() && rejections.isEmpty()) {
                return;
            }
            List<SourceRecord> unique = withoutDuplicates();
            Set<String> keys = new HashSet<>();
            unique.forEach(r -> keys.add(r.key()));
            Map<String, List<SourceRecord>> before = records.forKeys(keys);
            Set<String> changed = new HashSet<>();
            for (SourceRecord record : unique) {
                if (!before.getOrDefault(record.key(), List.of()).contains(record)) {
                    changed.add(record.key());
                }
            }
            Set<String> affected = new HashSet<>(keys);
            affected.addAll(records.save(runId, unique));
            // a rejected entry keeps its last good state, under its key
            Map<String, String> kept = records.keep(source.id(), runId, rejections.stream()
                    .flatMap(r -> r.employeeId().stream()).toList());
            affected.addAll(kept.values());
            List<Rejection> keyed = rejections.stream().map(r -> new Rejection(r.reference(),
                    r.employeeId().map(id -> kept.getOrDefault(id, id)), r.reason(), r.withheld())).toList();
            progress.gone.addAndGet(remerge(runId, affected, changed, keyed, progress));
            accepted.clear();
            rejections.clear();
        }

        /**
         * A second entry of this source with a key the run already met from another entry of it is
         * rejected, naming the other: two entries of one source are never merged by accident.
         */
        private List<SourceRecord> withoutDuplicates() {
            Map<String, String> seen = new HashMap<>(records.keysSeenByRun(source.id(), runId,
                    accepted.stream().map(SourceRecord::key).distinct().toList()));
            List<SourceRecord> unique = new ArrayList<>(accepted.size());
            for (SourceRecord record : accepted) {
                String first = seen.putIfAbsent(record.key(), record.reference());
                if (first != null && !first.equals(record.reference())) {
                    progress.rejected.incrementAndGet();
                    rejections.add(new Rejection(record.reference(), Optional.empty(), "source " + source.id()
                            + ": has the " + key.name() + " " + record.key() + ", which " + first + " has too; "
                            + "within one source it must be unique", "source " + source.id() + ": has a "
                            + key.name() + " another entry of the source has too; within one source it must be unique"));
                } else {
                    unique.add(record);
                }
            }
            return unique;
        }
    }
}
