package org.roster.sync;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.roster.directory.Employee;
import org.roster.policy.Names;
import org.roster.policy.PersonField;

/**
 * The {@link Audiences} in memory: every lookup a scan of the employee rows in id order, lists read
 * in keyset pages, each page copied before it is handed out.
 */
final class InMemoryAudiences implements Audiences {

    private final InMemoryTables tables;

    InMemoryAudiences(InMemoryTables tables) {
        this.tables = tables;
    }

    @Override
    public long countViewers() {
        synchronized (tables) {
            return tables.viewers();
        }
    }

    @Override
    public void forEachViewer(int pageSize, Consumer<Employee> viewer) {
        page(pageSize, r -> r.inScope, viewer);
    }

    @Override
    public void forEachContact(int pageSize, Consumer<Employee> contact) {
        page(pageSize, r -> r.contactAllowed, contact);
    }

    @Override
    public void forEachActive(int pageSize, Consumer<Employee> employee) {
        page(pageSize, r -> r.active, employee);
    }

    /** The employees of the rows that pass, page by page in id order. */
    private void page(int pageSize, Predicate<InMemoryTables.Row> which, Consumer<Employee> consumer) {
        InMemoryTables.pages(pageSize, after -> {
            synchronized (tables) {
                return tables.employees.tailMap(after, false).values().stream().filter(which)
                        .limit(pageSize).map(r -> r.employee).toList();
            }
        }, Employee::id, consumer);
    }

    @Override
    public List<Employee> contactsWith(PersonField field, String value) {
        return where(r -> r.contactAllowed && r.employee.value(field).filter(value::equals).isPresent());
    }

    @Override
    public List<Employee> contactsInGroup(String groupDn) {
        String group = Names.dn(groupDn);
        return where(r -> r.contactAllowed && r.employee.groups().contains(group));
    }

    @Override
    public List<Employee> contactsReportingTo(String managerReference) {
        String manager = Names.dn(managerReference);
        return where(r -> r.contactAllowed && reportsTo(r, manager));
    }

    @Override
    public Optional<Employee> byReference(String reference) {
        String key = Names.dn(reference);
        return where(r -> r.active && Names.dn(r.employee.reference()).equals(key)).stream().findFirst();
    }

    @Override
    public List<Employee> activeWith(PersonField field, String value) {
        return where(r -> r.active && r.employee.value(field).filter(value::equals).isPresent());
    }

    @Override
    public List<Employee> activeInGroup(String groupDn) {
        String group = Names.dn(groupDn);
        return where(r -> r.active && r.employee.groups().contains(group));
    }

    @Override
    public List<Employee> activeReportingTo(String managerReference) {
        String manager = Names.dn(managerReference);
        return where(r -> r.active && reportsTo(r, manager));
    }

    @Override
    public boolean isDeliverable(String employeeId) {
        synchronized (tables) {
            return Optional.ofNullable(tables.employees.get(employeeId)).map(r -> r.contactAllowed).orElse(false);
        }
    }

    /** The employees of the rows that pass, in id order. */
    private List<Employee> where(Predicate<InMemoryTables.Row> which) {
        synchronized (tables) {
            return tables.employees.values().stream().filter(which).map(r -> r.employee).toList();
        }
    }

    /** Whether the row's manager is this one, compared as names ({@link Names#dn}). */
    private static boolean reportsTo(InMemoryTables.Row row, String manager) {
        return row.employee.value(PersonField.MANAGER).map(Names::dn).filter(manager::equals).isPresent();
    }
}
