package org.roster.sync;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.roster.directory.Employee;
import org.roster.directory.Rejection;
import org.roster.policy.Person;

/**
 * The {@link DirectorySnapshot} in memory: employees are rows keyed by id that turn GONE when a
 * complete read did not see them; a rejected entry keeps its last good row.
 */
final class InMemoryDirectorySnapshot implements DirectorySnapshot {

    private final InMemoryTables tables;
    /** When an employee is marked gone: the store's clock, which a test moves forward. */
    private final InstantSource clock;

    InMemoryDirectorySnapshot(InMemoryTables tables, InstantSource clock) {
        this.tables = tables;
        this.clock = clock;
    }

    @Override
    public List<Employee> choseSinceDecided() {
        synchronized (tables) {
            return tables.employees.values().stream().filter(r -> r.active && r.employee != null
                    && tables.chosenAt.getOrDefault(r.employee.id(), 0L) > r.decidedAt).map(r -> r.employee).toList();
        }
    }

    @Override
    public Map<String, String> readByRun(long runId, Collection<String> ids) {
        synchronized (tables) {
            Map<String, String> seen = new HashMap<>();
            for (String id : ids) {
                InMemoryTables.Row row = tables.employees.get(id);
                if (row != null && row.lastSeenRun == runId && row.employee != null) {
                    seen.put(id, row.employee.reference());
                }
            }
            return seen;
        }
    }

    @Override
    public void saveEntries(long runId, List<Decided> decided, List<Rejection> rejected) {
        synchronized (tables) {
            for (Decided d : decided) {
                InMemoryTables.Row row = tables.employees.computeIfAbsent(d.employee().id(),
                        id -> new InMemoryTables.Row());
                row.employee = d.employee();
                row.active = true;
                row.inScope = d.scope().receives();
                row.contactAllowed = d.scope().delivered();
                row.scopeRule = d.scope().ruleId();
                row.scopeReason = InMemoryTables.reasonOf(d.scope());
                row.regionGuessed = d.regionGuessed();
                row.lastSeenRun = runId;
                row.fingerprint = d.fingerprint();
                row.readFingerprint = d.readFingerprint();
                row.decidedAt = tables.tick();
                tables.rejectedReads.remove(d.employee().id());
                tables.employeesWritten.incrementAndGet();
            }
            if (!decided.isEmpty()) {
                tables.planBasis = null;
            }
            for (Rejection rejection : rejected) {
                // as in the database adapter: a rejected entry keeps its last good state
                rejection.employeeId().map(tables.employees::get).ifPresent(row -> row.lastSeenRun = runId);
                tables.rejections.add(new InMemoryTables.StoredRejection(runId, rejection));
            }
        }
    }

    @Override
    public Map<String, String> storedFingerprints(Collection<String> employeeIds) {
        synchronized (tables) {
            Map<String, String> stored = new HashMap<>();
            for (String id : employeeIds) {
                InMemoryTables.Row row = tables.employees.get(id);
                if (row != null && row.active && row.fingerprint != null) {
                    stored.put(id, row.fingerprint);
                }
            }
            return stored;
        }
    }

    @Override
    public void markSeen(long runId, Collection<String> employeeIds) {
        synchronized (tables) {
            employeeIds.forEach(id -> tables.employees.get(id).lastSeenRun = runId);
        }
    }

    @Override
    public void markSeen(long runId, Map<String, String> readFingerprints) {
        synchronized (tables) {
            readFingerprints.forEach((id, fingerprint) -> {
                InMemoryTables.Row row = tables.employees.get(id);
                row.lastSeenRun = runId;
                if (!fingerprint.isEmpty()) {
                    row.readFingerprint = fingerprint;
                }
            });
        }
    }

    @Override
    public long markGone(Collection<String> employeeIds) {
        synchronized (tables) {
            return goneWhere(row -> employeeIds.contains(row.employee == null ? null : row.employee.id()));
        }
    }

    @Override
    public long markUnseenAsGone(long runId) {
        synchronized (tables) {
            return goneWhere(row -> row.lastSeenRun != runId);
        }
    }

    private long goneWhere(Predicate<InMemoryTables.Row> which) {
        long gone = 0;
        for (InMemoryTables.Row row : tables.employees.values()) {
            if (row.active && which.test(row)) {
                row.active = false;
                row.inScope = false;
                row.contactAllowed = false;
                row.goneAt = clock.instant();
                gone++;
            }
        }
        if (gone > 0) {
            tables.planBasis = null;
        }
        return gone;
    }

    @Override
    public List<String> purgeGoneBefore(Instant cutoff) {
        synchronized (tables) {
            List<String> purged = tables.employees.values().stream().filter(r -> !r.active && r.goneAt != null
                    && r.goneAt.isBefore(cutoff)).map(r -> r.employee.id())
                    .filter(id -> tables.delivered.getOrDefault(id, Collections.emptyNavigableMap()).isEmpty()
                            && tables.delivered.values().stream().noneMatch(cards -> cards.containsKey(id)))
                    .toList();
            purged.forEach(id -> {
                tables.employees.remove(id);
                tables.choices.remove(id);
            });
            tables.rejections.removeIf(r -> r.rejection().employeeId().map(purged::contains).orElse(false));
            return purged;
        }
    }

    @Override
    public Map<String, Person.SelfService> selfService(Collection<String> ids) {
        synchronized (tables) {
            Map<String, Person.SelfService> found = new TreeMap<>();
            ids.stream().filter(tables.choices::containsKey).forEach(id -> found.put(id, tables.choices.get(id)));
            return found;
        }
    }
}
