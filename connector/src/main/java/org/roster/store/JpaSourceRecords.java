package org.roster.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import org.roster.sync.DirectoryMerge;
import org.roster.sync.SourceRecord;
import org.roster.sync.SourceRecords;

/**
 * {@link SourceRecords} in the {@code source_record} table; each method is one transaction.
 *
 * <pre>{@code
 * SourceRecords records = new JpaSourceRecords(em, tx);
 * }</pre>
 */
public final class JpaSourceRecords implements SourceRecords {

    private static final int CHUNK = 1000;

    private final EntityManager em;
    private final Transactions tx;

    public JpaSourceRecords(EntityManager em, Transactions tx) {
        this.em = em;
        this.tx = tx;
    }

    @Override
    public Map<String, List<SourceRecord>> forKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return tx.inTransaction(() -> {
            Map<String, List<SourceRecord>> byKey = new TreeMap<>();
            for (List<String> chunk : chunks(keys)) {
                em.createQuery("select r from SourceRecordEntity r where r.mergeKey in :keys", SourceRecordEntity.class)
                        .setParameter("keys", chunk).getResultList()
                        .forEach(r -> byKey.computeIfAbsent(r.getMergeKey(), k -> new ArrayList<>()).add(r.toRecord()));
            }
            byKey.values().forEach(list -> list.sort(DirectoryMerge.ORDER));
            return byKey;
        });
    }

    @Override
    public Map<String, String> keysSeenByRun(String sourceId, long runId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return tx.inTransaction(() -> {
            Map<String, String> seen = new HashMap<>();
            for (List<String> chunk : chunks(keys)) {
                em.createQuery("select r from SourceRecordEntity r where r.sourceId = :source and r.seenRun = :run "
                                + "and r.mergeKey in :keys", SourceRecordEntity.class)
                        .setParameter("source", sourceId).setParameter("run", runId).setParameter("keys", chunk)
                        .getResultList().forEach(r -> seen.put(r.getMergeKey(), r.toRecord().reference()));
            }
            return seen;
        });
    }

    @Override
    public Map<String, String> keep(String sourceId, long runId, Collection<String> identities) {
        if (identities.isEmpty()) {
            return Map.of();
        }
        return tx.inTransaction(() -> {
            Map<String, String> kept = new HashMap<>();
            for (List<String> chunk : chunks(identities)) {
                em.createQuery("select r from SourceRecordEntity r where r.sourceId = :source and r.identity in :ids",
                                SourceRecordEntity.class).setParameter("source", sourceId).setParameter("ids", chunk)
                        .getResultList().forEach(r -> {
                            r.seen(runId);
                            kept.put(r.getIdentity(), r.getMergeKey());
                        });
            }
            return kept;
        });
    }

    @Override
    public Set<String> save(long runId, List<SourceRecord> records) {
        if (records.isEmpty()) {
            return Set.of();
        }
        return tx.inTransaction(() -> {
            Set<String> moved = new HashSet<>();
            Map<String, List<SourceRecord>> bySource = new HashMap<>();
            records.forEach(r -> bySource.computeIfAbsent(r.sourceId(), s -> new ArrayList<>()).add(r));
            for (Map.Entry<String, List<SourceRecord>> source : bySource.entrySet()) {
                Map<String, SourceRecordEntity> existing = new HashMap<>();
                em.createQuery("select r from SourceRecordEntity r where r.sourceId = :source and r.identity in :ids",
                                SourceRecordEntity.class).setParameter("source", source.getKey())
                        .setParameter("ids", source.getValue().stream().map(SourceRecord::identity).toList())
                        .getResultList().forEach(r -> existing.put(r.getIdentity(), r));
                for (SourceRecord record : source.getValue()) {
                    SourceRecordEntity row = existing.get(record.identity());
                    if (row == null) {
                        row = new SourceRecordEntity(record.sourceId(), record.identity());
                        em.persist(row);
                        existing.put(record.identity(), row);
                    } else if (!row.getMergeKey().equals(record.key())) {
                        moved.add(row.getMergeKey());
                    }
                    row.update(record, runId);
                }
            }
            return moved;
        });
    }

    @Override
    public Set<String> dropUnseen(String sourceId, long runId) {
        return tx.inTransaction(() -> {
            Set<String> keys = new HashSet<>(em.createQuery("select distinct r.mergeKey from SourceRecordEntity r "
                            + "where r.sourceId = :source and r.seenRun <> :run", String.class)
                    .setParameter("source", sourceId).setParameter("run", runId).getResultList());
            em.createQuery("delete from SourceRecordEntity r where r.sourceId = :source and r.seenRun <> :run")
                    .setParameter("source", sourceId).setParameter("run", runId).executeUpdate();
            return keys;
        });
    }

    @Override
    public Set<String> drop(String sourceId, Collection<String> identities) {
        if (identities.isEmpty()) {
            return Set.of();
        }
        return tx.inTransaction(() -> {
            Set<String> keys = new HashSet<>();
            for (List<String> chunk : chunks(identities)) {
                keys.addAll(em.createQuery("select r.mergeKey from SourceRecordEntity r where r.sourceId = :source "
                                + "and r.identity in :ids", String.class)
                        .setParameter("source", sourceId).setParameter("ids", chunk).getResultList());
                em.createQuery("delete from SourceRecordEntity r where r.sourceId = :source and r.identity in :ids")
                        .setParameter("source", sourceId).setParameter("ids", chunk).executeUpdate();
            }
            return keys;
        });
    }

    @Override
    public Set<String> dropSourcesOtherThan(Set<String> sourceIds) {
        return tx.inTransaction(() -> {
            List<String> ids = List.copyOf(sourceIds);
            Set<String> keys = new HashSet<>(em.createQuery("select distinct r.mergeKey from SourceRecordEntity r "
                    + "where r.sourceId not in :ids", String.class).setParameter("ids", ids).getResultList());
            em.createQuery("delete from SourceRecordEntity r where r.sourceId not in :ids").setParameter("ids", ids)
                    .executeUpdate();
            return keys;
        });
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<String> all = List.copyOf(values);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
