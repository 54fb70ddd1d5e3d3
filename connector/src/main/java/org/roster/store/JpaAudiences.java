package org.roster.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import org.roster.directory.Employee;
import org.roster.policy.Names;
import org.roster.policy.PersonField;
import org.roster.sync.Audiences;

/**
 * The {@link Audiences} on Jakarta Persistence: viewers and the contacts a rule can grant them,
 * looked up by the indexed columns an audience shares (a department, a group, a manager), each
 * list with its members' groups.
 */
final class JpaAudiences implements Audiences {

    private final StoreAccess access;
    private final EntityManager em;
    private final Transactions tx;

    JpaAudiences(StoreAccess access) {
        this.access = access;
        this.em = access.em;
        this.tx = access.tx;
    }

    @Override
    public <T> T together(Supplier<T> work) {
        return access.together(work);
    }

    @Override
    public long countViewers() {
        // kept by the database as employees change (V17): no count of the directory per run
        return tx.inTransaction(() -> ((Number) em.createNativeQuery("select viewers from viewer_count")
                .getSingleResult()).longValue());
    }

    @Override
    public void forEachViewer(int pageSize, Consumer<Employee> viewer) {
        access.pages(pageSize, after -> withGroups(em.createQuery("select e from EmployeeEntity e "
                        + "where e.inScope = true and e.id > :after order by e.id", EmployeeEntity.class)
                .setParameter("after", after).setMaxResults(pageSize).getResultList()), Employee::id, viewer);
    }

    @Override
    public void forEachContact(int pageSize, Consumer<Employee> consumer) {
        access.pages(pageSize, after -> withGroups(em.createQuery("select e from EmployeeEntity e "
                        + "where e.contactAllowed = true and e.id > :after order by e.id", EmployeeEntity.class)
                .setParameter("after", after).setMaxResults(pageSize).getResultList()), Employee::id, consumer);
    }

    @Override
    public void forEachActive(int pageSize, Consumer<Employee> consumer) {
        access.pages(pageSize, after -> withGroups(em.createQuery("select e from EmployeeEntity e "
                        + "where e.status = :active and e.id > :after order by e.id", EmployeeEntity.class)
                .setParameter("active", EmployeeEntity.Status.ACTIVE)
                .setParameter("after", after).setMaxResults(pageSize).getResultList()), Employee::id, consumer);
    }

    @Override
    public List<Employee> activeWith(PersonField field, String value) {
        String attribute = EmployeeEntity.attributeOf(field);
        return tx.inTransaction(() -> withGroups(em.createQuery("select e from EmployeeEntity e where "
                        + "e.status = :active and e." + attribute + " = :value order by e.id", EmployeeEntity.class)
                .setParameter("active", EmployeeEntity.Status.ACTIVE).setParameter("value", value).getResultList()));
    }

    @Override
    public List<Employee> activeInGroup(String groupDn) {
        return tx.inTransaction(() -> withGroups(em.createQuery("select e from EmployeeEntity e where "
                        + "e.status = :active and exists (select g from EmployeeGroupEntity g where "
                        + "g.employeeId = e.id and g.groupDn = :group) order by e.id", EmployeeEntity.class)
                .setParameter("active", EmployeeEntity.Status.ACTIVE)
                .setParameter("group", Names.dn(groupDn)).getResultList()));
    }

    @Override
    public List<Employee> activeReportingTo(String managerReference) {
        return tx.inTransaction(() -> withGroups(em.createQuery("select e from EmployeeEntity e where "
                        + "e.status = :active and e.managerKey = :manager order by e.id", EmployeeEntity.class)
                .setParameter("active", EmployeeEntity.Status.ACTIVE)
                .setParameter("manager", Names.dn(managerReference)).getResultList()));
    }

    @Override
    public List<Employee> contactsWith(PersonField field, String value) {
        return contactsWith(field, value, Integer.MAX_VALUE);
    }

    @Override
    public List<Employee> contactsWith(PersonField field, String value, int atMost) {
        if (atMost == Integer.MAX_VALUE) {
            String attribute = EmployeeEntity.attributeOf(field);
            return tx.inTransaction(() -> withGroups(em.createQuery("select e from EmployeeEntity e where "
                            + "e.contactAllowed = true and e." + attribute + " = :value order by e.id", EmployeeEntity.class)
                    .setParameter("value", value).getResultList()));
        }
        // the first by id as Java orders strings (a policy's cap does), whatever the database's
        // collation: "C" compares the bytes; the column is the one upsert writes the field to
        String column = EmployeeRows.column(field);
        return tx.inTransaction(() -> {
            List<String> ids = access.jdbc("finding colleagues", connection -> {
                try (PreparedStatement query = connection.prepareStatement("select id from employee "
                        + "where contact_allowed and " + column + " = ? order by id collate \"C\" limit ?")) {
                    query.setString(1, value);
                    query.setInt(2, atMost);
                    List<String> found = new ArrayList<>();
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            found.add(rows.getString(1));
                        }
                    }
                    return found;
                }
            });
            if (ids.isEmpty()) {
                return List.<Employee>of();
            }
            List<Employee> found = new ArrayList<>(withGroups(em.createQuery("select e from EmployeeEntity e "
                    + "where e.id in :ids", EmployeeEntity.class).setParameter("ids", ids).getResultList()));
            found.sort(Comparator.comparing(Employee::id));
            return found;
        });
    }

    @Override
    public List<Employee> contactsInGroup(String groupDn) {
        return tx.inTransaction(() -> withGroups(em.createQuery("select e from EmployeeEntity e where "
                        + "e.contactAllowed = true and exists (select g from EmployeeGroupEntity g where "
                        + "g.employeeId = e.id and g.groupDn = :group) order by e.id", EmployeeEntity.class)
                .setParameter("group", Names.dn(groupDn)).getResultList()));
    }

    @Override
    public List<Employee> contactsReportingTo(String managerReference) {
        return tx.inTransaction(() -> withGroups(em.createQuery("select e from EmployeeEntity e where "
                        + "e.contactAllowed = true and e.managerKey = :manager order by e.id", EmployeeEntity.class)
                .setParameter("manager", Names.dn(managerReference)).getResultList()));
    }

    @Override
    public Optional<Employee> byReference(String reference) {
        return tx.inTransaction(() -> withGroups(em.createQuery("select e from EmployeeEntity e where "
                        + "e.status = :active and e.referenceKey = :reference", EmployeeEntity.class)
                .setParameter("active", EmployeeEntity.Status.ACTIVE)
                .setParameter("reference", Names.dn(reference)).setMaxResults(1).getResultList())
                .stream().findFirst());
    }

    @Override
    public boolean isDeliverable(String employeeId) {
        return tx.inTransaction(() -> {
            EmployeeEntity e = em.find(EmployeeEntity.class, employeeId);
            return e != null && e.isContactAllowed();
        });
    }

    /** The employees with their stored group memberships ({@link EmployeeRows#withGroups}). */
    private List<Employee> withGroups(List<EmployeeEntity> rows) {
        return EmployeeRows.withGroups(em, rows);
    }
}
