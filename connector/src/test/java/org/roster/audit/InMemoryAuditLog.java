package org.roster.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit port in memory, hash-chained as the database adapter chains it (without seals, which need a key). */
public final class InMemoryAuditLog implements AuditLog {

    /** A stored record: what was appended, with its chain links. */
    public record Record(long id, AuditEvent event, String prevHash, String hash) {
    }

    private final List<Record> records = new ArrayList<>();

    @Override
    public synchronized void append(List<AuditEvent> events) {
        for (AuditEvent event : events) {
            String prev = records.isEmpty() ? HashChain.GENESIS : records.get(records.size() - 1).hash();
            long id = records.size() + 1L;
            records.add(new Record(id, event, prev, HashChain.link(prev, id, event)));
        }
    }

    @Override
    public synchronized Verification verify() {
        String prev = HashChain.GENESIS;
        for (Record record : records) {
            if (!record.prevHash().equals(prev) || !HashChain.link(prev, record.id(), record.event()).equals(record.hash())) {
                return new Verification(false, record.id(), record.id(), "record " + record.id() + " does not verify");
            }
            prev = record.hash();
        }
        return new Verification(true, records.size(), -1, "");
    }

    @Override
    public synchronized long prune(Instant cutoff) {
        throw new UnsupportedOperationException("pruning is tested against the database adapter");
    }

    public synchronized List<AuditEvent> events() {
        return records.stream().map(Record::event).toList();
    }

    /** Replaces a stored record's content without re-chaining it, as an attacker editing a row would. */
    public synchronized void tamper(long id, AuditEvent replacement) {
        Record old = records.get((int) id - 1);
        records.set((int) id - 1, new Record(id, replacement, old.prevHash(), old.hash()));
    }
}
