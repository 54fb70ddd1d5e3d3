package org.roster.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import org.roster.directory.Employee;
import org.roster.directory.Rejection;
import org.roster.policy.Person;
import org.roster.sync.DirectorySnapshot;

/**
 * The {@link DirectorySnapshot} on PostgreSQL: the directory as last read, each employee with the
 * scope decision made about them, written a batch at a time in set-based statements.
 */
final class JpaDirectorySnapshot implements DirectorySnapshot {

    private final StoreAccess access;
    private final EntityManager em;
    private final Transactions tx;
    /** What entries were last rejected as: accepted or purged, they are forgotten. */
    private final JpaStoredReads reads;
    /** The shared numbers runs listed: a purged employee's id is taken out of them. */
    private final JpaDataQuality quality;
    private final EmployeeUpsert upsert;

    JpaDirectorySnapshot(StoreAccess access, JpaStoredReads reads, JpaDataQuality quality) {
        this.access = access;
        this.em = access.em;
        this.tx = access.tx;
        this.reads = reads;
        this.quality = quality;
        this.upsert = new EmployeeUpsert(access);
    }

    @Override
    public <T> T together(Supplier<T> work) {
        return access.together(work);
    }

    @Override
    public Map<String, String> readByRun(long runId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return tx.inTransaction(() -> access.jdbc("finding employees this run read", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select id, reference from employee where id = any (?) and last_seen_run = ?")) {
                query.setArray(1, StoreAccess.texts(connection, ids));
                query.setLong(2, runId);
                return StoreAccess.pairs(query);
            }
        }));
    }

    @Override
    public void saveEntries(long runId, List<Decided> employees, List<Rejection> rejections) {
        tx.inTransaction(() -> {
            if (!employees.isEmpty()) {
                // one row per identity: should a list hold one twice, the later decision stands
                Map<String, Decided> byId = new LinkedHashMap<>();
                employees.forEach(d -> byId.put(d.employee().id(), d));
                List<Decided> rows = List.copyOf(byId.values());
                // the same statement saves their group memberships, drops the plan's basis and forgets
                // what they were last rejected as (accepted now, it is no longer of use)
                upsert.write(runId, rows);
            }
            String[] rejected = rejections.stream().flatMap(r -> r.employeeId().stream()).toArray(String[]::new);
            if (rejected.length > 0) {
                // a rejected entry keeps its last good state: a typo in the directory must not remove anyone
                access.jdbc("marking rejected employees seen", connection -> {
                    try (PreparedStatement seen = connection.prepareStatement(
                            "update employee set last_seen_run = ? where id = any (?)")) {
                        seen.setLong(1, runId);
                        seen.setArray(2, StoreAccess.texts(connection, rejected));
                        return seen.executeUpdate();
                    }
                });
            }
            for (Rejection rejection : rejections) {
                em.persist(new RejectionEntity(runId, rejection.reference(), rejection.employeeId().orElse(null),
                        rejection.reason()));
            }
        });
    }

    @Override
    public Map<String, String> storedFingerprints(Collection<String> employeeIds) {
        // kept with the row by the statement that writes it (a row stored before there was one has
        // none, and is written once more)
        return access.pairsOf("reading stored fingerprints", "select id, fingerprint from employee where id = any (?) "
                + "and status = 'ACTIVE' and fingerprint is not null", employeeIds);
    }

    @Override
    public void markSeen(long runId, Map<String, String> readFingerprints) {
        if (readFingerprints.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(readFingerprints.keySet());
        tx.inTransaction(() -> {
            // a read fingerprint differs from the stored one only when the entry read differently yet
            // normalised the same (or none was kept yet): rare enough for a row write each
            Map<String, String> differing = new HashMap<>();
            em.createQuery("select e.id, e.readFingerprint from EmployeeEntity e where e.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList().forEach(row -> {
                        String wanted = readFingerprints.get((String) row[0]);
                        if (!wanted.isEmpty() && !wanted.equals(row[1])) {
                            differing.put((String) row[0], wanted);
                        }
                    });
            em.createQuery("update EmployeeEntity e set e.lastSeenRun = :run where e.id in :ids")
                    .setParameter("run", runId).setParameter("ids", ids).executeUpdate();
            differing.forEach((id, fingerprint) -> em.createQuery(
                            "update EmployeeEntity e set e.readFingerprint = :fingerprint where e.id = :id")
                    .setParameter("fingerprint", fingerprint).setParameter("id", id).executeUpdate());
        });
    }

    @Override
    public void markSeen(long runId, Collection<String> employeeIds) {
        if (employeeIds.isEmpty()) {
            return;
        }
        tx.inTransaction(() -> em.createQuery("update EmployeeEntity e set e.lastSeenRun = :run where e.id in :ids")
                .setParameter("run", runId).setParameter("ids", List.copyOf(employeeIds)).executeUpdate());
    }

    @Override
    public Map<String, Person.SelfService> selfService(Collection<String> employeeIds) {
        if (employeeIds.isEmpty()) {
            return Map.of();
        }
        return tx.inTransaction(() -> access.jdbc("reading self-service choices", connection -> {
            Map<String, Person.SelfService> choices = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select employee_id, opted_out, opted_in from self_service where employee_id = any (?)")) {
                query.setArray(1, StoreAccess.texts(connection, employeeIds));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        choices.put(rows.getString(1),
                                new Person.SelfService(rows.getBoolean(2), rows.getBoolean(3)));
                    }
                }
            }
            return choices;
        }));
    }

    @Override
    public Known known(Collection<String> employeeIds, Collection<String> fingerprinted) {
        if (employeeIds.isEmpty() || fingerprinted.isEmpty()) {
            // nobody to compare (as in a first sync): the choices alone
            return new Known(selfService(employeeIds), Map.of());
        }
        // one round trip for both, where a batch of a read of changes would otherwise pay two
        return tx.inTransaction(() -> access.jdbc("reading self-service choices and stored fingerprints", connection -> {
            Map<String, Person.SelfService> choices = new HashMap<>();
            Map<String, String> fingerprints = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select u.id, s.employee_id is not null, s.opted_out, s.opted_in, e.fingerprint "
                            + "from unnest(?::varchar[]) as u(id) "
                            + "left join self_service s on s.employee_id = u.id "
                            + "left join employee e on e.id = u.id and e.id = any (?::varchar[]) "
                            + "and e.status = 'ACTIVE' and e.fingerprint is not null")) {
                query.setArray(1, StoreAccess.texts(connection, employeeIds));
                query.setArray(2, StoreAccess.texts(connection, fingerprinted));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String id = rows.getString(1);
                        if (rows.getBoolean(2)) {
                            choices.put(id, new Person.SelfService(rows.getBoolean(3),
                                    rows.getBoolean(4)));
                        }
                        String fingerprint = rows.getString(5);
                        if (fingerprint != null) {
                            fingerprints.put(id, fingerprint);
                        }
                    }
                }
            }
            return new Known(choices, fingerprints);
        }));
    }

    @Override
    public long markGone(Collection<String> employeeIds) {
        if (employeeIds.isEmpty()) {
            return 0;
        }
        return tx.inTransaction(() -> {
            long gone = em.createQuery("update EmployeeEntity e set e.status = :gone, "
                        + "e.inScope = false, e.contactAllowed = false, e.goneAt = :now where e.status = :active "
                        + "and e.id in :ids")
                .setParameter("gone", EmployeeEntity.Status.GONE)
                .setParameter("active", EmployeeEntity.Status.ACTIVE)
                .setParameter("now", access.clock.instant())
                .setParameter("ids", List.copyOf(employeeIds))
                .executeUpdate();
            if (gone > 0) {
                access.dropPlanBasis();
            }
            return gone;
        });
    }

    @Override
    public long markUnseenAsGone(long runId) {
        return tx.inTransaction(() -> {
            long gone = em.createQuery("update EmployeeEntity e set e.status = :gone, "
                        + "e.inScope = false, e.contactAllowed = false, e.goneAt = :now where e.status = :active and e.lastSeenRun <> :run")
                .setParameter("gone", EmployeeEntity.Status.GONE)
                .setParameter("active", EmployeeEntity.Status.ACTIVE)
                .setParameter("now", access.clock.instant())
                .setParameter("run", runId)
                .executeUpdate();
            if (gone > 0) {
                access.dropPlanBasis();
            }
            return gone;
        });
    }

    @Override
    public List<String> purgeGoneBefore(Instant cutoff) {
        return tx.inTransaction(() -> {
            // someone still held as a delivered contact (a removal waiting for approval) is kept until
            // the removal is done: Roster needs the record to take the contact back
            // asked at the end of every run, and mostly of nobody: one plain query on the index of
            // leavers by date, each side of the delivered contacts looked up by its own index
            List<String> ids = access.jdbc("finding leavers past retention", connection -> {
                try (PreparedStatement query = connection.prepareStatement(
                        "select e.id from employee e where e.status = 'GONE' and e.gone_at < ? "
                                + "and not exists (select 1 from delivered_contact d where d.contact_id = e.id) "
                                + "and not exists (select 1 from delivered_contact d where d.viewer_id = e.id) "
                                + "limit 10000")) {
                    query.setObject(1, StoreAccess.timestamp(cutoff));
                    List<String> found = new ArrayList<>();
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            found.add(rows.getString(1));
                        }
                    }
                    return found;
                }
            });
            if (!ids.isEmpty()) {
                em.createQuery("delete from EmployeeGroupEntity g where g.employeeId in :ids").setParameter("ids", ids)
                        .executeUpdate();
                em.createQuery("delete from SelfServiceEntity s where s.employeeId in :ids").setParameter("ids", ids)
                        .executeUpdate();
                em.createQuery("delete from RejectionEntity r where r.employeeId in :ids").setParameter("ids", ids)
                        .executeUpdate();
                quality.forgetSharers(ids);
                reads.forget(ids.toArray(String[]::new));
                em.createQuery("delete from EmployeeEntity e where e.id in :ids").setParameter("ids", ids).executeUpdate();
            }
            return ids;
        });
    }

    @Override
    public List<Employee> choseSinceDecided() {
        // the self-service table holds only those who ever chose: a small join, by primary key
        return tx.inTransaction(() -> EmployeeRows.withGroups(em, em.createQuery(
                        "select e from EmployeeEntity e, SelfServiceEntity s "
                        + "where s.employeeId = e.id and e.status = :active and s.updatedAt > e.updatedAt order by e.id",
                        EmployeeEntity.class)
                .setParameter("active", EmployeeEntity.Status.ACTIVE).getResultList()));
    }
}
