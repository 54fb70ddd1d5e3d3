package org.roster.store;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.roster.directory.Employee;
import org.roster.policy.PersonField;
import org.roster.policy.ScopeDecision;

/**
 * How an employee and the scope decision about them are kept in the {@code employee} table and
 * read back: the columns a batch writes, and the domain records made from the rows.
 */
final class EmployeeRows {

    /** The directory's fields an accepted entry sets, in the order of {@link #TEXT}. */
    static final PersonField[] STORED_FIELDS = {PersonField.GIVEN_NAME, PersonField.SURNAME,
            PersonField.DISPLAY_NAME, PersonField.MOBILE, PersonField.WORK_PHONE, PersonField.MAIL,
            PersonField.DEPARTMENT, PersonField.LOCATION, PersonField.TITLE, PersonField.EMPLOYEE_TYPE,
            PersonField.MANAGER, PersonField.ACCOUNT_DISABLED, PersonField.OPT_OUT, PersonField.CONSENT};

    /** The text columns a batch of employees is written to, each bound as one array. */
    static final List<String> TEXT = List.of("id", "reference", "given_name", "surname",
            "display_name", "mobile", "work_phone", "mail", "department", "location", "title", "employee_type",
            "manager", "account_disabled", "opt_out", "consent", "reference_key", "manager_key", "scope_rule",
            "scope_reason", "read_fingerprint", "fingerprint");

    private EmployeeRows() {
    }

    /** The column a stored field is written to. */
    static String column(PersonField field) {
        return TEXT.get(TEXT.indexOf("reference") + 1 + Arrays.asList(STORED_FIELDS).indexOf(field));
    }

    /** The reason kept with a decision that leaves someone out; none for an inclusion. */
    static String reasonOf(ScopeDecision scope) {
        return scope instanceof ScopeDecision.Excluded ex ? ex.reason()
                : scope instanceof ScopeDecision.ViewerOnly only ? only.reason() : null;
    }

    /** The scope decision a row holds. */
    static ScopeDecision scopeOf(EmployeeEntity row) {
        String reason = row.getScopeReason() == null ? "" : row.getScopeReason();
        return row.isContactAllowed() ? new ScopeDecision.Included(row.getScopeRule())
                : row.isInScope() ? new ScopeDecision.ViewerOnly(row.getScopeRule(), reason)
                : new ScopeDecision.Excluded(row.getScopeRule(), reason);
    }

    /** The employees with their stored group memberships, in one query for the whole list. */
    static List<Employee> withGroups(EntityManager em, List<EmployeeEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> groups = new HashMap<>();
        em.createQuery("select g from EmployeeGroupEntity g where g.employeeId in :ids", EmployeeGroupEntity.class)
                .setParameter("ids", rows.stream().map(EmployeeEntity::getId).toList()).getResultList()
                .forEach(g -> groups.computeIfAbsent(g.getEmployeeId(), k -> new HashSet<>()).add(g.getGroupDn()));
        return rows.stream().map(e -> e.toEmployee(groups.getOrDefault(e.getId(), Set.of()))).toList();
    }
}
