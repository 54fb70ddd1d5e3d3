package org.roster.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import org.roster.directory.Employee;
import org.roster.directory.Rejection;
import org.roster.policy.Names;
import org.roster.policy.Person;
import org.roster.policy.PersonField;
import org.roster.policy.ScopeDecision;
import org.roster.sync.ContactChange;
import org.roster.sync.LeaseLost;
import org.roster.sync.QualityReport;
import org.roster.sync.RunProgress;
import org.roster.sync.StateStore;
import org.roster.sync.ViewerDigest;

/**
 * The {@link StateStore} on Jakarta Persistence. Every method is one transaction; lists are read
 * page by page so memory does not grow with the directory.
 *
 * <pre>{@code
 * StateStore store = new JpaStateStore(entityManager, transactions, Clock.systemUTC());
 * }</pre>
 */
public final class JpaStateStore implements StateStore {

    private final StoreAccess access;
    private final EntityManager em;
    private final Transactions tx;
    /** The run log, in this store's transactions; it holds the lease of the run this store carries, if any. */
    private final JpaRunLog runs;
    private final JpaAudiences audiences;
    private final JpaOutbox outbox;
    private final JpaDataQuality quality;

    public JpaStateStore(EntityManager em, Transactions tx, Clock clock) {
        this(em, tx, clock, new JpaRunLog(em, tx, clock));
    }

    /**
     * A store that writes the run {@code runs} carries only under that run's lease: each write of the
     * run (its progress, plan, outbox claims, deliveries, end) checks the lease in the unit of work it
     * makes, and one that finds the lease gone throws {@link LeaseLost} and is undone.
     */
    public JpaStateStore(EntityManager em, Transactions tx, Clock clock, JpaRunLog runs) {
        this.access = new StoreAccess(em, tx, clock);
        this.em = em;
        this.tx = access.tx;
        this.runs = runs.in(access.tx);
        this.audiences = new JpaAudiences(access);
        this.outbox = new JpaOutbox(access, this.runs);
        this.quality = new JpaDataQuality(access);
    }

    /** The calls the work makes on this thread share one transaction: one commit for all. */
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
                int created = upsert(runId, rows);
                analyseAsTheDirectoryGrows(created);
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

    /**
     * Inserts or updates a batch of employees, active again, with their {@link Decided#fingerprint}
     * and read fingerprint, and their group memberships as read; forgets what they were last
     * rejected as, drops the basis of the last plan (the directory it was made from has changed);
     * counts the new ones.
     */
    private static final String UPSERT_EMPLOYEES;

    static {
        String text = String.join(", ", EmployeeRows.TEXT);
        String columns = text
                + ", in_scope, contact_allowed, region_guessed, status, last_seen_run, updated_at, gone_at";
        String arrays = String.join(", ", Collections.nCopies(EmployeeRows.TEXT.size(), "?::varchar[]"));
        String updates = String.join(", ", Arrays.stream(columns.split(", ")).filter(c -> !c.equals("id"))
                .map(c -> c + " = excluded." + c).toList());
        UPSERT_EMPLOYEES = "with written as (insert into employee (" + columns + ") select " + text
                + ", in_scope, contact_allowed, region_guessed, 'ACTIVE', ?, ?, null from unnest(" + arrays
                + ", ?::boolean[], ?::boolean[], ?::boolean[]) as u(" + text
                + ", in_scope, contact_allowed, region_guessed) "
                + "on conflict (id) do update set " + updates + " returning xmax = 0 as created), "
                + "forgotten as (delete from rejected_read where employee_id = any (?::varchar[])), "
                + "unplanned as (delete from viewer_digest where viewer_id = ?), "
                // group memberships: the ones they no longer have go, the new ones come, the rest stay
                + "members as (select * from unnest(?::varchar[], ?::varchar[]) as m(employee_id, group_dn)), "
                + "dropped as (delete from employee_group g where g.employee_id = any (?::varchar[]) "
                + "and not exists (select 1 from members m where m.employee_id = g.employee_id "
                + "and m.group_dn = g.group_dn)), "
                + "gained as (insert into employee_group (employee_id, group_dn) select employee_id, group_dn "
                + "from members on conflict do nothing) "
                + "select count(*) filter (where created) from written";
    }

    /**
     * Writes the employees as decided, new or not, in one statement whose columns arrive as arrays:
     * one round trip and one plan for the whole batch, where the persistence provider would send a
     * statement per row and first load every row it changes. Whoever was gone is active again.
     * What a batch writes besides goes with it in the same statement: one round trip in all.
     *
     * @param employees at most one per identity
     * @return how many of them were new
     */
    private int upsert(long runId, List<Decided> employees) {
        int n = employees.size();
        String[][] text = new String[EmployeeRows.TEXT.size()][n];
        Boolean[] inScope = new Boolean[n];
        Boolean[] contactAllowed = new Boolean[n];
        Boolean[] regionGuessed = new Boolean[n];
        List<String> members = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Decided decided = employees.get(i);
            Employee employee = decided.employee();
            Map<PersonField, String> values = employee.values();
            ScopeDecision scope = decided.scope();
            int c = 0;
            text[c++][i] = employee.id();
            text[c++][i] = employee.reference();
            for (PersonField field : EmployeeRows.STORED_FIELDS) {
                text[c++][i] = values.get(field);
            }
            text[c++][i] = Names.dn(employee.reference());
            String manager = values.get(PersonField.MANAGER);
            text[c++][i] = manager == null ? null : Names.dn(manager);
            text[c++][i] = scope.ruleId();
            text[c++][i] = scope instanceof ScopeDecision.Excluded ex ? ex.reason()
                    : scope instanceof ScopeDecision.ViewerOnly only ? only.reason() : null;
            text[c++][i] = decided.readFingerprint().isEmpty() ? null : decided.readFingerprint();
            text[c][i] = decided.fingerprint();
            inScope[i] = scope.receives();
            contactAllowed[i] = scope.delivered();
            regionGuessed[i] = decided.regionGuessed();
            for (String group : employee.groups()) {
                members.add(employee.id());
                groups.add(group);
            }
        }
        OffsetDateTime now = access.now();
        return access.jdbc("saving employees", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(StoreAccess.UNHURRIED + UPSERT_EMPLOYEES)) {
                int p = 1;
                upsert.setLong(p++, runId);
                upsert.setObject(p++, now);
                for (String[] column : text) {
                    upsert.setArray(p++, StoreAccess.texts(connection, column));
                }
                upsert.setArray(p++, connection.createArrayOf("bool", inScope));
                upsert.setArray(p++, connection.createArrayOf("bool", contactAllowed));
                upsert.setArray(p++, connection.createArrayOf("bool", regionGuessed));
                upsert.setArray(p++, StoreAccess.texts(connection, text[0]));
                upsert.setString(p++, StoreAccess.PLAN_BASIS);
                upsert.setArray(p++, StoreAccess.texts(connection, members));
                upsert.setArray(p++, StoreAccess.texts(connection, groups));
                upsert.setArray(p, StoreAccess.texts(connection, text[0]));
                upsert.execute();
                upsert.getMoreResults();
                try (ResultSet created = upsert.getResultSet()) {
                    created.next();
                    return created.getInt(1);
                }
            }
        });
    }

    @Override
    public void rememberRejected(List<RejectedRead> rejected) {
        List<RejectedRead> keyed = rejected.stream().filter(r -> r.rejection().employeeId().isPresent()).toList();
        if (keyed.isEmpty()) {
            return;
        }
        tx.inTransaction(() -> access.jdbc("remembering rejected reads", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "insert into rejected_read (employee_id, read_fingerprint, reference, reason) values (?, ?, ?, ?) "
                            + "on conflict (employee_id) do update set read_fingerprint = excluded.read_fingerprint, "
                            + "reference = excluded.reference, reason = excluded.reason")) {
                for (RejectedRead read : keyed) {
                    Rejection rejection = read.rejection();
                    upsert.setString(1, rejection.employeeId().orElseThrow());
                    upsert.setString(2, read.readFingerprint());
                    upsert.setString(3, RejectionEntity.clip(rejection.reference()));
                    upsert.setString(4, RejectionEntity.clip(rejection.reason()));
                    upsert.addBatch();
                }
                return upsert.executeBatch();
            }
        }));
    }

    @Override
    public void forEachRejectedRead(BiConsumer<String, String> read) {
        tx.inTransaction(() -> access.jdbc("reading the rejected reads", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select employee_id, read_fingerprint from rejected_read")) {
                query.setFetchSize(10_000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        read.accept(rows.getString(1), rows.getString(2));
                    }
                }
            }
            return null;
        }));
    }

    @Override
    public long rejectAgain(long runId, Collection<String> employeeIds) {
        if (employeeIds.isEmpty()) {
            return 0;
        }
        String[] ids = employeeIds.toArray(String[]::new);
        return tx.inTransaction(() -> access.jdbc("recording rejections again", connection -> {
            // no waiting for the disk: the run's next commit that waits (the log is written in order)
            // makes these rows durable with it, and a run cut short before that is marked failed and
            // the next run reads again
            // as saving the rejections would: a rejected entry keeps its employee's last good state
            try (PreparedStatement seen = connection.prepareStatement(
                    StoreAccess.UNHURRIED + "update employee set last_seen_run = ? where id = any (?)")) {
                seen.setLong(1, runId);
                seen.setArray(2, StoreAccess.texts(connection, ids));
                seen.executeUpdate();
            }
            // the rejection ids are drawn from the sequence the entity draws its blocks from: each
            // value is one the entity never hands out
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into run_rejection (id, run_id, reference, employee_id, reason) "
                            + "select nextval('run_rejection_seq'), ?, reference, employee_id, reason from rejected_read "
                            + "where employee_id = any (?)")) {
                insert.setLong(1, runId);
                insert.setArray(2, StoreAccess.texts(connection, ids));
                return (long) insert.executeUpdate();
            }
        }));
    }

    @Override
    public void forgetRejected(Collection<String> employeeIds) {
        if (!employeeIds.isEmpty()) {
            tx.inTransaction(() -> forget(employeeIds.toArray(String[]::new)));
        }
    }

    /** Forgets what these employees were last rejected as. */
    private void forget(String[] employeeIds) {
        access.jdbc("forgetting rejected reads", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from rejected_read where employee_id = any (?)")) {
                delete.setArray(1, StoreAccess.texts(connection, employeeIds));
                return delete.executeUpdate();
            }
        });
    }

    /** Employees this store created since it last had the database analyse the directory's tables. */
    private long createdSinceAnalysis;
    /** Employees this store had created when it last had them analysed. */
    private long createdAtAnalysis;

    /**
     * Has the database refresh its statistics of the directory's tables whenever this store has
     * created four times the employees it had at the last analysis (from a thousand on; statistics
     * a few times off still choose an index for a lookup by id): a first sync fills an empty table far
     * faster than autovacuum looks at it, and plans made from the statistics of an empty table scan
     * what a lookup by id should find. Only the columns a run's own statements select employees by are
     * analysed (a fifth of the work of all thirty at 64k rows); autovacuum analyses the rest once the
     * load is done, as it would have anyway.
     */
    private void analyseAsTheDirectoryGrows(int created) {
        createdSinceAnalysis += created;
        if (createdSinceAnalysis >= Math.max(1_000, 3 * createdAtAnalysis)) {
            em.flush();
            // only the tables' owner may analyse them: its function does it for the application's role
            em.createNativeQuery("select analyze_directory()").getResultList();
            createdAtAnalysis += createdSinceAnalysis;
            createdSinceAnalysis = 0;
        }
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
    public void forEachStoredRead(int pageSize, Consumer<StoredRead> read) {
        // one pass over the table, streamed by the driver a page at a time: no order is needed, and
        // no page's plan depends on where the last one ended
        tx.inTransaction(() -> access.jdbc("reading the stored read fingerprints", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select e.id, e.read_fingerprint, e.in_scope, s.opted_out, s.opted_in from employee e "
                            + "left join self_service s on s.employee_id = e.id where e.status = ?")) {
                query.setString(1, EmployeeEntity.Status.ACTIVE.name());
                query.setFetchSize(pageSize);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String fingerprint = rows.getString(2);
                        read.accept(new StoredRead(rows.getString(1), fingerprint == null ? "" : fingerprint,
                                rows.getBoolean(3), new Person.SelfService(rows.getBoolean(4),
                                rows.getBoolean(5))));
                    }
                }
            }
            return null;
        }));
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
    public boolean planStands(String basis) {
        return runs.planStands(basis);
    }

    @Override
    public Planning planning(String basis) {
        return runs.planning(basis);
    }

    @Override
    public void planMade(String basis, long runId) {
        runs.planMade(basis, runId);
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
                forget(ids.toArray(String[]::new));
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

    // --- audiences ---

    @Override
    public long countViewers() {
        return audiences.countViewers();
    }

    @Override
    public void forEachViewer(int pageSize, Consumer<Employee> viewer) {
        audiences.forEachViewer(pageSize, viewer);
    }

    @Override
    public void forEachContact(int pageSize, Consumer<Employee> contact) {
        audiences.forEachContact(pageSize, contact);
    }

    @Override
    public void forEachActive(int pageSize, Consumer<Employee> employee) {
        audiences.forEachActive(pageSize, employee);
    }

    @Override
    public List<Employee> activeWith(PersonField field, String value) {
        return audiences.activeWith(field, value);
    }

    @Override
    public List<Employee> activeInGroup(String groupDn) {
        return audiences.activeInGroup(groupDn);
    }

    @Override
    public List<Employee> activeReportingTo(String managerReference) {
        return audiences.activeReportingTo(managerReference);
    }

    @Override
    public List<Employee> contactsWith(PersonField field, String value) {
        return audiences.contactsWith(field, value);
    }

    @Override
    public List<Employee> contactsWith(PersonField field, String value, int atMost) {
        return audiences.contactsWith(field, value, atMost);
    }

    @Override
    public List<Employee> contactsInGroup(String groupDn) {
        return audiences.contactsInGroup(groupDn);
    }

    @Override
    public List<Employee> contactsReportingTo(String managerReference) {
        return audiences.contactsReportingTo(managerReference);
    }

    @Override
    public Optional<Employee> byReference(String reference) {
        return audiences.byReference(reference);
    }

    @Override
    public boolean isDeliverable(String employeeId) {
        return audiences.isDeliverable(employeeId);
    }

    // --- the outbox ---

    @Override
    public long countDelivered() {
        return outbox.countDelivered();
    }

    @Override
    public Map<String, String> deliveredFingerprints(String viewerId) {
        return outbox.deliveredFingerprints(viewerId);
    }

    @Override
    public Map<String, Map<String, String>> deliveredFingerprints(Collection<String> viewerIds) {
        return outbox.deliveredFingerprints(viewerIds);
    }

    @Override
    public void forEachFormerViewer(int pageSize, Consumer<String> viewerId) {
        outbox.forEachFormerViewer(pageSize, viewerId);
    }

    @Override
    public Optional<String> viewerDigest(String viewerId) {
        return outbox.viewerDigest(viewerId);
    }

    @Override
    public Map<String, String> viewerDigests(Collection<String> viewerIds) {
        return outbox.viewerDigests(viewerIds);
    }

    @Override
    public void enqueue(long runId, String viewerId, List<ContactChange> changes, ViewerDigest.Planned digest) {
        outbox.enqueue(runId, viewerId, changes, digest);
    }

    @Override
    public void enqueue(long runId, List<ViewerPlan> plans) {
        outbox.enqueue(runId, plans);
    }

    @Override
    public Drained drain(long runId, int batchSize, Delivery delivery) {
        return outbox.drain(runId, batchSize, delivery);
    }

    @Override
    public OutboxCounts outbox(long runId) {
        return outbox.outbox(runId);
    }

    @Override
    public long discardPlan(long runId) {
        return outbox.discardPlan(runId);
    }

    @Override
    public long clearOutboxThrough(long runId) {
        return outbox.clearOutboxThrough(runId);
    }

    @Override
    public long lastCompleteReadCount() {
        return runs.lastCompleteReadCount();
    }

    @Override
    public void saveProgress(long runId, RunProgress progress) {
        runs.saveProgress(runId, progress);
    }

    /** The released fields as the store keeps them: a flat JSON object keyed by the policy's field names. */
    public static String toJson(Map<PersonField, String> fields) {
        return ChangeRows.toJson(fields);
    }

    /** Reads what {@link #toJson} wrote. */
    public static Map<PersonField, String> fromJson(String text) {
        return ChangeRows.fromJson(text);
    }

    // --- data quality ---

    @Override
    public List<List<String>> sharedMobiles() {
        return quality.sharedMobiles();
    }

    @Override
    public List<String> decidedBy(String ruleId) {
        return quality.decidedBy(ruleId);
    }

    @Override
    public List<Stored> stored(Collection<String> employeeIds) {
        return quality.stored(employeeIds);
    }

    @Override
    public void redecide(List<Decided> decided) {
        quality.redecide(decided);
    }

    @Override
    public void recordQuality(long runId, String source, List<List<String>> shared) {
        quality.recordQuality(runId, source, shared);
    }

    @Override
    public Optional<QualityReport> quality(long runId) {
        return quality.quality(runId);
    }
}
