package org.roster.store;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import org.roster.directory.Employee;
import org.roster.policy.ScopeDecision;
import org.roster.sync.DataQuality;
import org.roster.sync.DirectorySnapshot.Decided;
import org.roster.sync.QualityReport;

/**
 * The {@link DataQuality} on PostgreSQL: shared numbers found and a run's counts made by the
 * database, where the numbers stay; only employee ids come out.
 */
final class JpaDataQuality implements DataQuality {

    private final StoreAccess access;
    private final EntityManager em;
    private final Transactions tx;

    JpaDataQuality(StoreAccess access) {
        this.access = access;
        this.em = access.em;
        this.tx = access.tx;
    }

    @Override
    public <T> T together(Supplier<T> work) {
        return access.together(work);
    }

    @Override
    public List<List<String>> sharedMobiles() {
        return tx.inTransaction(() -> access.jdbc("finding shared mobile numbers", connection -> {
            // grouped by the database: the numbers stay in it, only the sharers' ids come out
            try (PreparedStatement query = connection.prepareStatement(
                    "select array_agg(id order by id) from employee where status = 'ACTIVE' and mobile is not null "
                            + "group by mobile having count(*) > 1 order by min(id)")) {
                List<List<String>> groups = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        groups.add(List.of((String[]) rows.getArray(1).getArray()));
                    }
                }
                return groups;
            }
        }));
    }

    @Override
    public List<String> decidedBy(String ruleId) {
        return tx.inTransaction(() -> em.createQuery("select e.id from EmployeeEntity e where e.status = :active "
                        + "and e.scopeRule = :rule order by e.id", String.class)
                .setParameter("active", EmployeeEntity.Status.ACTIVE).setParameter("rule", ruleId).getResultList());
    }

    @Override
    public List<Stored> stored(Collection<String> employeeIds) {
        if (employeeIds.isEmpty()) {
            return List.of();
        }
        return tx.inTransaction(() -> {
            List<EmployeeEntity> rows = em.createQuery("select e from EmployeeEntity e where e.id in :ids "
                            + "and e.status = :active order by e.id", EmployeeEntity.class)
                    .setParameter("ids", List.copyOf(employeeIds))
                    .setParameter("active", EmployeeEntity.Status.ACTIVE).getResultList();
            Map<String, Boolean> guessed = access.jdbc("reading guessed regions", connection -> {
                try (PreparedStatement query = connection.prepareStatement(
                        "select id, region_guessed from employee where id = any (?)")) {
                    query.setArray(1, StoreAccess.texts(connection, employeeIds));
                    Map<String, Boolean> found = new HashMap<>();
                    try (ResultSet result = query.executeQuery()) {
                        while (result.next()) {
                            found.put(result.getString(1), result.getBoolean(2));
                        }
                    }
                    return found;
                }
            });
            List<Employee> employees = EmployeeRows.withGroups(em, rows);
            List<Stored> stored = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                EmployeeEntity row = rows.get(i);
                stored.add(new Stored(employees.get(i), EmployeeRows.scopeOf(row),
                        guessed.getOrDefault(row.getId(), false)));
            }
            return stored;
        });
    }

    @Override
    public void redecide(List<Decided> decided) {
        if (decided.isEmpty()) {
            return;
        }
        tx.inTransaction(() -> access.jdbc("storing decisions about shared numbers", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update employee set in_scope = ?, contact_allowed = ?, scope_rule = ?, scope_reason = ?, "
                            + "fingerprint = ?, updated_at = ? where id = ?")) {
                OffsetDateTime now = access.now();
                for (Decided d : decided) {
                    ScopeDecision scope = d.scope();
                    update.setBoolean(1, scope.receives());
                    update.setBoolean(2, scope.delivered());
                    update.setString(3, scope.ruleId());
                    update.setString(4, EmployeeRows.reasonOf(scope));
                    update.setString(5, d.fingerprint());
                    update.setObject(6, now);
                    update.setString(7, d.employee().id());
                    update.addBatch();
                }
                update.executeBatch();
            }
            // who may be delivered changed: the last plan no longer stands
            StoreAccess.dropDigests(connection, List.of(StoreAccess.PLAN_BASIS));
            return null;
        }));
    }

    @Override
    public void recordQuality(long runId, String source, List<List<String>> shared) {
        String[] sharing = shared.stream().flatMap(List::stream).toArray(String[]::new);
        tx.inTransaction(() -> access.jdbc("recording the run's data quality", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from run_quality where run_id = ?; delete from run_shared_number where run_id = ?")) {
                delete.setLong(1, runId);
                delete.setLong(2, runId);
                delete.execute();
            }
            // counted by the database in one statement, from the rows the read left: an entry read
            // again unchanged is never seen by the run's stages, so they could not count it
            try (PreparedStatement count = connection.prepareStatement(
                    "insert into run_quality (run_id, department, source, employees, shared_number, invalid_number, "
                            + "missing_mobile, guessed_region, rejected) "
                            + "select ?, department, source, sum(employees), sum(shared), sum(invalid), sum(missing), "
                            + "sum(guessed), sum(rejected) from ("
                            + "select coalesce(e.department, '') department, ?::varchar source, 1 employees, "
                            + "case when s.id is null then 0 else 1 end shared, 0 invalid, "
                            + "case when e.mobile is null then 1 else 0 end missing, "
                            + "case when e.region_guessed then 1 else 0 end guessed, 0 rejected "
                            + "from employee e left join unnest(?::varchar[]) as s(id) on s.id = e.id "
                            + "where e.status = 'ACTIVE' "
                            + "union all "
                            + "select coalesce(e.department, ''), "
                            + "coalesce(substring(r.reason from '^source ([^:]+): '), ?), "
                            + "0, 0, case when r.reason ~ ? then 1 else 0 end, 0, 0, 1 "
                            + "from run_rejection r left join employee e on e.id = r.employee_id where r.run_id = ?"
                            + ") counted group by department, source")) {
                count.setLong(1, runId);
                count.setString(2, source);
                count.setArray(3, StoreAccess.texts(connection, sharing));
                count.setString(4, source);
                count.setString(5, QualityReport.INVALID_NUMBER.pattern());
                count.setLong(6, runId);
                count.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into run_shared_number (run_id, position, sharers, employee_ids) values (?, ?, ?, ?)")) {
                int position = 0;
                for (List<String> group : shared) {
                    QualityReport.SharedNumber number = QualityReport.SharedNumber.of(group);
                    insert.setLong(1, runId);
                    insert.setInt(2, position++);
                    insert.setInt(3, number.sharers());
                    insert.setArray(4, StoreAccess.texts(connection, number.employeeIds()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        }));
    }

    @Override
    public Optional<QualityReport> quality(long runId) {
        return tx.inTransaction(() -> access.jdbc("reading the run's data quality", connection -> {
            List<QualityReport.Count> counts = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select department, source, employees, shared_number, invalid_number, missing_mobile, "
                            + "guessed_region, rejected from run_quality where run_id = ? "
                            + "order by department, source")) {
                query.setLong(1, runId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        counts.add(new QualityReport.Count(rows.getString(1), rows.getString(2), rows.getLong(3),
                                rows.getLong(4), rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getLong(8)));
                    }
                }
            }
            List<QualityReport.SharedNumber> shared = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select sharers, employee_ids from run_shared_number where run_id = ? order by position")) {
                query.setLong(1, runId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String[] ids = (String[]) rows.getArray(2).getArray();
                        // a sharer purged after retention is no longer named
                        if (ids.length > 0) {
                            shared.add(new QualityReport.SharedNumber(Math.max(2, rows.getInt(1)), List.of(ids)));
                        }
                    }
                }
            }
            // a run that counted an empty directory with nothing rejected has nothing to report either
            boolean kept = !counts.isEmpty() || !shared.isEmpty();
            return kept ? Optional.of(new QualityReport(runId, counts, shared)) : Optional.<QualityReport>empty();
        }));
    }

    /** Takes purged employees' ids out of the shared numbers runs listed. */
    void forgetSharers(List<String> ids) {
        access.jdbc("forgetting purged sharers", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update run_shared_number set employee_ids = array(select i from unnest(employee_ids) as i "
                            + "where i <> all (?::varchar[])) where employee_ids && ?::varchar[]")) {
                Array purged = StoreAccess.texts(connection, ids);
                update.setArray(1, purged);
                update.setArray(2, purged);
                return update.executeUpdate();
            }
        });
    }
}
