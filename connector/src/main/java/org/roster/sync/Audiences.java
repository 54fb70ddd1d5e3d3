package org.roster.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.roster.directory.Employee;
import org.roster.policy.PersonField;

/**
 * A port, one of the {@link StateStore}'s roles: who a visibility rule can grant a viewer, looked
 * up by what the viewers of one audience share (a department, a group, a manager), and the
 * viewers themselves.
 *
 * <pre>{@code
 * List<Employee> colleagues = audiences.contactsWith(PersonField.DEPARTMENT, "Finance", 201);
 * }</pre>
 */
public interface Audiences extends UnitOfWork {

    /** How many employees receive contacts now. */
    long countViewers();

    /**
     * Every employee who receives contacts, with their groups, page by page in id order; memory
     * stays bounded by the page size.
     */
    void forEachViewer(int pageSize, Consumer<Employee> viewer);

    /** The employees who may be delivered as contacts whose field has this value, e.g. a department. */
    List<Employee> contactsWith(PersonField field, String value);

    /**
     * The first {@code atMost} of {@link #contactsWith(PersonField, String)} by id as
     * {@link String#compareTo} orders ids (as a policy's cap does), whatever order the store keeps:
     * a plan that caps each viewer's contacts needs no more of a large department.
     */
    default List<Employee> contactsWith(PersonField field, String value, int atMost) {
        List<Employee> all = new ArrayList<>(contactsWith(field, value));
        all.sort(Comparator.comparing(Employee::id));
        return all.size() <= atMost ? all : List.copyOf(all.subList(0, atMost));
    }

    /** The employees who may be delivered as contacts and are members of the group. */
    List<Employee> contactsInGroup(String groupDn);

    /** The employees who may be delivered as contacts and whose manager is this reference (DN). */
    List<Employee> contactsReportingTo(String managerReference);

    /** The active employee at this reference (DN), whatever their scope: to walk a manager chain. */
    Optional<Employee> byReference(String reference);

    /** Whether this employee may be delivered as a contact now. */
    boolean isDeliverable(String employeeId);

    /** Every active employee (present in the directory), whatever their scope, page by page in id order. */
    void forEachActive(int pageSize, Consumer<Employee> employee);

    /** The active employees whose field has this value, whatever their scope. */
    List<Employee> activeWith(PersonField field, String value);

    /** The active members of the group, whatever their scope. */
    List<Employee> activeInGroup(String groupDn);

    /** The active employees whose manager is this reference (DN), whatever their scope. */
    List<Employee> activeReportingTo(String managerReference);

    /** Every employee who may be delivered as a contact, page by page in id order. */
    void forEachContact(int pageSize, Consumer<Employee> employee);
}
