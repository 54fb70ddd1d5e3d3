package org.roster.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.roster.policy.Person;

/**
 * The {@link StoredReads} in memory: the read fingerprints kept with the employee rows, and the
 * rejected reads remembered by employee id.
 */
final class InMemoryStoredReads implements StoredReads {

    private final InMemoryTables tables;

    InMemoryStoredReads(InMemoryTables tables) {
        this.tables = tables;
    }

    @Override
    public void forEachStoredRead(int pageSize, Consumer<StoredRead> read) {
        List<StoredRead> reads = new ArrayList<>();
        synchronized (tables) {
            tables.employees.forEach((id, row) -> {
                if (row.active) {
                    reads.add(new StoredRead(id, row.readFingerprint, row.inScope,
                            tables.choices.getOrDefault(id, Person.SelfService.NONE)));
                }
            });
        }
        reads.forEach(read);
    }

    @Override
    public void rememberRejected(List<RejectedRead> rejected) {
        synchronized (tables) {
            rejected.forEach(r -> r.rejection().employeeId().ifPresent(id -> tables.rejectedReads.put(id, r)));
        }
    }

    @Override
    public void forgetRejected(Collection<String> employeeIds) {
        synchronized (tables) {
            employeeIds.forEach(tables.rejectedReads::remove);
        }
    }

    @Override
    public void forEachRejectedRead(BiConsumer<String, String> read) {
        Map<String, RejectedRead> copy;
        synchronized (tables) {
            copy = new TreeMap<>(tables.rejectedReads);
        }
        copy.forEach((id, r) -> read.accept(id, r.readFingerprint()));
    }

    @Override
    public long rejectAgain(long runId, Collection<String> employeeIds) {
        synchronized (tables) {
            long recorded = 0;
            for (String id : employeeIds) {
                RejectedRead read = tables.rejectedReads.get(id);
                if (read != null) {
                    InMemoryTables.Row row = tables.employees.get(id);
                    if (row != null) {
                        row.lastSeenRun = runId;
                    }
                    tables.rejections.add(new InMemoryTables.StoredRejection(runId, read.rejection()));
                    tables.rejectedAgain.incrementAndGet();
                    recorded++;
                }
            }
            return recorded;
        }
    }
}
