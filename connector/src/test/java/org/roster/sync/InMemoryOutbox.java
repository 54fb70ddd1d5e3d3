package org.roster.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@link Outbox} in memory: a list of queued changes, each delivered once, and the cards last
 * delivered to each viewer.
 */
final class InMemoryOutbox implements Outbox {

    private final InMemoryTables tables;

    InMemoryOutbox(InMemoryTables tables) {
        this.tables = tables;
    }

    @Override
    public long countDelivered() {
        synchronized (tables) {
            return tables.delivered.values().stream().mapToLong(Map::size).sum();
        }
    }

    @Override
    public Map<String, String> deliveredFingerprints(String viewerId) {
        synchronized (tables) {
            tables.deliveredReads.incrementAndGet();
            Map<String, String> fingerprints = new TreeMap<>();
            tables.delivered.getOrDefault(viewerId, Collections.emptyNavigableMap())
                    .forEach((contactId, card) -> fingerprints.put(contactId, card.plannedAs()));
            return fingerprints;
        }
    }

    @Override
    public void forEachFormerViewer(int pageSize, Consumer<String> viewerId) {
        InMemoryTables.pages(pageSize, after -> {
            synchronized (tables) {
                return tables.delivered.tailMap(after, false).keySet().stream()
                        .filter(id -> !Optional.ofNullable(tables.employees.get(id)).map(r -> r.inScope).orElse(false))
                        .limit(pageSize).toList();
            }
        }, Function.identity(), viewerId);
    }

    @Override
    public Optional<String> viewerDigest(String viewerId) {
        synchronized (tables) {
            return Optional.ofNullable(tables.digests.get(viewerId));
        }
    }

    @Override
    public void enqueue(long runId, String viewerId, List<ContactChange> changes, ViewerDigest.Planned digest) {
        synchronized (tables) {
            if (digest == null) {
                tables.digests.remove(viewerId);
                tables.planBasis = null;
            } else {
                tables.digests.put(viewerId, digest.digest());
            }
            for (ContactChange change : changes) {
                boolean known = tables.outbox.stream().anyMatch(q -> q.runId == runId && q.viewerId.equals(viewerId)
                        && q.change.contactId().equals(change.contactId()));
                if (!known) {
                    tables.outbox.add(new InMemoryTables.Queued(tables.nextChange(), runId, viewerId, change));
                }
            }
        }
    }

    @Override
    public Drained drain(long runId, int batchSize, Delivery delivery) {
        synchronized (tables) {
            List<InMemoryTables.Queued> batch = tables.outbox.stream()
                    .filter(q -> q.runId == runId && q.state.equals("PENDING"))
                    .sorted(Comparator.comparing((InMemoryTables.Queued q) -> q.viewerId).thenComparingLong(q -> q.id))
                    .limit(batchSize).toList();
            long done = 0;
            long failed = 0;
            Map<String, List<InMemoryTables.Queued>> byViewer = new LinkedHashMap<>();
            batch.forEach(q -> byViewer.computeIfAbsent(q.viewerId, v -> new ArrayList<>()).add(q));
            // like the database's unit of work: a crash (any other exception) records nothing of the batch
            List<Runnable> commit = new ArrayList<>();
            for (Map.Entry<String, List<InMemoryTables.Queued>> viewer : byViewer.entrySet()) {
                try {
                    delivery.deliver(viewer.getKey(), viewer.getValue().stream()
                            .map(q -> new PlannedChange("run-" + runId + "/change-" + q.id, q.change)).toList());
                    commit.add(() -> {
                        record(viewer.getKey(), viewer.getValue().stream().map(q -> q.change).toList());
                        viewer.getValue().forEach(q -> q.state = "DELIVERED");
                    });
                    done += viewer.getValue().size();
                } catch (ContactPlatform.DeliveryException e) {
                    commit.add(() -> {
                        viewer.getValue().forEach(q -> q.state = "FAILED");
                        tables.digests.remove(viewer.getKey());
                        tables.planBasis = null;
                    });
                    failed += viewer.getValue().size();
                }
            }
            commit.forEach(Runnable::run);
            return new Drained(done, failed);
        }
    }

    @Override
    public OutboxCounts outbox(long runId) {
        synchronized (tables) {
            List<InMemoryTables.Queued> run = tables.outbox.stream().filter(q -> q.runId == runId).toList();
            return new OutboxCounts(run.stream().filter(q -> q.change instanceof ContactChange.Add).count(),
                    run.stream().filter(q -> q.change instanceof ContactChange.Update).count(),
                    run.stream().filter(q -> q.change instanceof ContactChange.Remove).count(),
                    run.stream().filter(q -> q.state.equals("PENDING")).count(),
                    run.stream().filter(q -> q.state.equals("DELIVERED")).count(),
                    run.stream().filter(q -> q.state.equals("FAILED")).count());
        }
    }

    @Override
    public long discardPlan(long runId) {
        synchronized (tables) {
            List<InMemoryTables.Queued> pending = tables.outbox.stream()
                    .filter(q -> q.runId == runId && q.state.equals("PENDING")).toList();
            pending.forEach(q -> tables.digests.remove(q.viewerId));
            if (!pending.isEmpty()) {
                tables.planBasis = null;
            }
            tables.outbox.removeAll(pending);
            return pending.size();
        }
    }

    @Override
    public long clearOutboxThrough(long runId) {
        synchronized (tables) {
            List<InMemoryTables.Queued> ended = tables.outbox.stream().filter(q -> q.runId <= runId).toList();
            ended.stream().filter(q -> q.state.equals("PENDING")).forEach(q -> {
                tables.digests.remove(q.viewerId);
                tables.planBasis = null;
            });
            tables.outbox.removeAll(ended);
            return ended.size();
        }
    }

    /** Makes the changes the viewer's delivered state. */
    private void record(String viewerId, List<ContactChange> changes) {
        NavigableMap<String, ContactCard> cards = tables.delivered.computeIfAbsent(viewerId, v -> new TreeMap<>());
        for (ContactChange change : changes) {
            if (change instanceof ContactChange.Add add) {
                cards.put(add.contactId(), add.card());
            } else if (change instanceof ContactChange.Update update) {
                cards.put(update.contactId(), update.card());
            } else {
                cards.remove(change.contactId());
            }
        }
        // a viewer with nothing delivered has no rows, as in the database
        if (cards.isEmpty()) {
            tables.delivered.remove(viewerId);
        }
    }
}
