package org.roster.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import org.roster.sync.ContactCard;
import org.roster.sync.ContactChange;
import org.roster.sync.ContactPlatform;
import org.roster.sync.Outbox;
import org.roster.sync.PlannedChange;
import org.roster.sync.ViewerDigest;

/**
 * The {@link Outbox} on PostgreSQL: the plan a run writes, delivered a batch at a time, and the
 * contacts last delivered to each viewer with the digests plans are compared with. Every write of
 * a run carried under a lease checks the lease in its own unit of work ({@link JpaRunLog#fence}).
 */
final class JpaOutbox implements Outbox {

    private final StoreAccess access;
    private final EntityManager em;
    private final Transactions tx;
    /** The run log whose lease fences each write of the run. */
    private final JpaRunLog runs;
    private final OutboxClaims claims;

    JpaOutbox(StoreAccess access, JpaRunLog runs) {
        this.access = access;
        this.em = access.em;
        this.tx = access.tx;
        this.runs = runs;
        this.claims = new OutboxClaims(runs);
    }

    @Override
    public <T> T together(Supplier<T> work) {
        return access.together(work);
    }

    @Override
    public long countDelivered() {
        return tx.inTransaction(() -> em.createQuery("select count(d) from DeliveredContactEntity d", Long.class)
                .getSingleResult());
    }

    @Override
    public Map<String, String> deliveredFingerprints(String viewerId) {
        return tx.inTransaction(() -> {
            Map<String, String> fingerprints = new HashMap<>();
            em.createQuery("select d.contactId, d.fingerprint, d.ruleId from DeliveredContactEntity d "
                            + "where d.viewerId = :viewer", Object[].class)
                    .setParameter("viewer", viewerId).getResultList()
                    .forEach(row -> fingerprints.put((String) row[0], ContactCard.plannedAs((String) row[1],
                            (String) row[2])));
            return fingerprints;
        });
    }

    @Override
    public void forEachFormerViewer(int pageSize, Consumer<String> viewerId) {
        access.pages(pageSize, after -> em.createQuery("select distinct d.viewerId from DeliveredContactEntity d "
                        + "where d.viewerId > :after and not exists (select e from EmployeeEntity e "
                        + "where e.id = d.viewerId and e.inScope = true) order by d.viewerId", String.class)
                .setParameter("after", after).setMaxResults(pageSize).getResultList(), Function.identity(), viewerId);
    }

    @Override
    public Optional<String> viewerDigest(String viewerId) {
        return tx.inTransaction(() -> Optional.ofNullable(em.find(ViewerDigestEntity.class, viewerId))
                .map(ViewerDigestEntity::getDigest));
    }

    @Override
    public void enqueue(long runId, String viewerId, List<ContactChange> changes,
                        ViewerDigest.Planned digest) {
        enqueue(runId, List.of(new ViewerPlan(viewerId, changes, digest)));
    }

    @Override
    public void enqueue(long runId, List<ViewerPlan> plans) {
        List<String> undigested = new ArrayList<>();
        List<String> digested = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<String> viewers = new ArrayList<>();
        List<String> contacts = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        for (ViewerPlan plan : plans) {
            if (plan.digest() == null) {
                undigested.add(plan.viewerId());
            } else {
                digested.add(plan.viewerId());
                digests.add(plan.digest().digest());
                sizes.add(plan.digest().contacts());
            }
            for (ContactChange change : plan.changes()) {
                ContactCard card = ChangeRows.card(change);
                viewers.add(plan.viewerId());
                contacts.add(change.contactId());
                actions.add(ChangeRows.action(change));
                fields.add(card == null ? null : ChangeRows.toJson(card.fields()));
                rules.add(card == null ? null : card.ruleId());
            }
        }
        if (!undigested.isEmpty()) {
            undigested.add(StoreAccess.PLAN_BASIS);
        }
        tx.inTransaction(() -> access.jdbc("writing the plan", connection -> {
            if (!undigested.isEmpty()) {
                // no digest for these viewers, and so no standing plan: both are compared in full next time
                StoreAccess.dropDigests(connection, undigested);
            }
            if (!digested.isEmpty()) {
                try (PreparedStatement upsert = connection.prepareStatement(
                        "insert into viewer_digest (viewer_id, digest, contacts, run_id) select viewer, digest, "
                                + "contacts, ? from unnest(?::varchar[], ?::varchar[], ?::integer[]) "
                                + "as u(viewer, digest, contacts) on conflict (viewer_id) do update set "
                                + "digest = excluded.digest, contacts = excluded.contacts, run_id = excluded.run_id")) {
                    upsert.setLong(1, runId);
                    upsert.setArray(2, StoreAccess.texts(connection, digested));
                    upsert.setArray(3, StoreAccess.texts(connection, digests));
                    upsert.setArray(4, connection.createArrayOf("integer", sizes.toArray(Integer[]::new)));
                    upsert.executeUpdate();
                }
            }
            if (viewers.isEmpty()) {
                runs.fence(connection, runId);
                return null;
            }
            // ids in the order planned (each value the sequence gives is one the entity's blocks of
            // fifty never hand out), so a viewer's changes are delivered in that order
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into outbox (id, run_id, viewer_id, contact_id, action, fields, rule_id, state, attempts, "
                            + "created_at) select nextval('outbox_seq'), ?, viewer, contact, action, fields, rule, "
                            + "'PENDING', 0, ? from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], "
                            + "?::varchar[]) as u(viewer, contact, action, fields, rule)")) {
                insert.setLong(1, runId);
                insert.setObject(2, access.now());
                int p = 3;
                for (List<String> column : List.of(viewers, contacts, actions, fields, rules)) {
                    insert.setArray(p++, StoreAccess.texts(connection, column));
                }
                insert.executeUpdate();
            }
            runs.fence(connection, runId);
            return null;
        }));
    }

    @Override
    public Map<String, String> viewerDigests(Collection<String> viewerIds) {
        return access.pairsOf("reading viewer digests", "select viewer_id, digest from viewer_digest "
                + "where viewer_id = any (?)", viewerIds);
    }

    @Override
    public Map<String, Map<String, String>> deliveredFingerprints(Collection<String> viewerIds) {
        if (viewerIds.isEmpty()) {
            return Map.of();
        }
        return tx.inTransaction(() -> access.jdbc("reading delivered fingerprints", connection -> {
            Map<String, Map<String, String>> delivered = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("select viewer_id, contact_id, "
                    + "fingerprint, rule_id from delivered_contact where viewer_id = any (?)")) {
                query.setArray(1, StoreAccess.texts(connection, viewerIds));
                query.setFetchSize(10_000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        delivered.computeIfAbsent(rows.getString(1), v -> new HashMap<>())
                                .put(rows.getString(2), ContactCard.plannedAs(rows.getString(3), rows.getString(4)));
                    }
                }
            }
            return delivered;
        }));
    }

    @Override
    public Drained drain(long runId, int batchSize, Delivery delivery) {
        return tx.inTransaction(() -> access.jdbc("delivering the outbox", connection -> {
            Map<String, List<PendingChange>> byViewer = claims.claim(connection, runId, batchSize);
            if (byViewer.isEmpty()) {
                return new Drained(0, 0);
            }
            DeliveredBatch done = new DeliveredBatch();
            long failed = 0;
            for (Map.Entry<String, List<PendingChange>> viewer : byViewer.entrySet()) {
                try {
                    delivery.deliver(viewer.getKey(), viewer.getValue().stream()
                            .map(row -> new PlannedChange(OutboxEntity.idempotencyKey(runId, row.id()),
                                    row.change())).toList());
                } catch (ContactPlatform.DeliveryException e) {
                    refused(connection, viewer.getKey(), viewer.getValue(), e.getMessage());
                    failed += viewer.getValue().size();
                    continue;
                }
                viewer.getValue().forEach(done::add);
            }
            done.record(connection, runId, access.clock.instant());
            runs.fence(connection, runId);
            return new Drained(done.size(), failed);
        }));
    }

    /**
     * A platform refused a viewer's changes: they are marked failed with its reason, and the viewer's
     * list is not what the digest says, so it is dropped (with the standing plan) and compared in full
     * next time.
     */
    private void refused(Connection connection, String viewerId, List<PendingChange> rows, String reason)
            throws SQLException {
        // a failed change is planned again by a later run, never sent again from here: its fields go
        try (PreparedStatement update = connection.prepareStatement("update outbox set state = 'FAILED', "
                + "fields = null, attempts = attempts + 1, last_error = ? where id = any (?)")) {
            update.setString(1, reason == null ? "" : reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            update.setArray(2, connection.createArrayOf("bigint", rows.stream().map(PendingChange::id).toArray(Long[]::new)));
            update.executeUpdate();
        }
        StoreAccess.dropDigests(connection, List.of(viewerId, StoreAccess.PLAN_BASIS));
    }

    @Override
    public OutboxCounts outbox(long runId) {
        return tx.inTransaction(() -> {
            long[] counts = new long[6];
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createQuery("select o.action, o.state, count(o) from OutboxEntity o "
                    + "where o.runId = :run group by o.action, o.state").setParameter("run", runId).getResultList();
            for (Object[] row : rows) {
                long n = ((Number) row[2]).longValue();
                counts["ADD".equals(row[0]) ? 0 : "UPDATE".equals(row[0]) ? 1 : 2] += n;
                counts[3 + ((OutboxEntity.State) row[1]).ordinal()] += n;
            }
            return new OutboxCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
        });
    }

    @Override
    public long clearOutboxThrough(long runId) {
        return tx.inTransaction(() -> access.jdbc("emptying the outbox", connection -> {
            try (PreparedStatement digests = connection.prepareStatement("delete from viewer_digest where "
                    + "viewer_id in (select viewer_id from outbox where run_id <= ? and state = 'PENDING')")) {
                digests.setLong(1, runId);
                if (digests.executeUpdate() > 0) {
                    StoreAccess.dropDigests(connection, List.of(StoreAccess.PLAN_BASIS));
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from outbox where run_id <= ?")) {
                delete.setLong(1, runId);
                long deleted = delete.executeUpdate();
                runs.fence(connection, runId);
                return deleted;
            }
        }));
    }

    @Override
    public long discardPlan(long runId) {
        return tx.inTransaction(() -> {
            em.createQuery("delete from ViewerDigestEntity d where d.viewerId in (select o.viewerId from OutboxEntity o "
                    + "where o.runId = :run and o.state = :pending)").setParameter("run", runId)
                    .setParameter("pending", OutboxEntity.State.PENDING).executeUpdate();
            access.dropPlanBasis();
            long dropped = em.createQuery("delete from OutboxEntity o where o.runId = :run "
                + "and o.state = :pending").setParameter("run", runId)
                .setParameter("pending", OutboxEntity.State.PENDING).executeUpdate();
            return access.jdbc("dropping the plan", connection -> {
                runs.fence(connection, runId);
                return dropped;
            });
        });
    }
}
