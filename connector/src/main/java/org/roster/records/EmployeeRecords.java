package org.roster.records;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.roster.directory.Employee;
import org.roster.policy.Policy;
import org.roster.sync.CapPositions;

/**
 * A read model: the employees Roster holds, as the last run stored them, with the decisions about
 * them, for the pages that show them to admins and to the employees themselves. It only reads.
 *
 * <pre>{@code
 * HeldEmployee held = employees.employee("p000100").orElseThrow();
 * List<EmployeeRecords.Match> found = employees.search("ada", 50);
 * }</pre>
 */
public interface EmployeeRecords {

    /** The employee as stored, or empty when no run has read them. */
    Optional<HeldEmployee> employee(String id);

    /**
     * Employees whose id, name or mail contains {@code text} (case-insensitive, taken literally),
     * at most {@code limit}, by id.
     */
    List<Match> search(String text, int limit);

    /** The newest entry rejections that concerned the employee, newest first, at most {@code limit}. */
    List<Rejection> rejections(String id, int limit);

    /** The audit records whose subject is the employee ({@code employee:id}), newest first. */
    List<AuditRecord> auditAbout(String id, int limit);

    /** The directory groups stored for each of these employees that has any. */
    Map<String, Set<String>> groups(List<String> ids);

    /** The employee the directory reference names, as stored, for walking up to managers. */
    Optional<Employee> byReference(String reference);

    /** Where contacts stand under {@code policy}'s cap, among the employees as stored. */
    CapPositions capPositions(Policy policy);

    /** Whether an employee is still in the directory. */
    enum Status { ACTIVE, GONE }

    /**
     * An employee as stored.
     *
     * @param asRead         every field the directory gave, as read; the caller shows only what its
     *                       page may show
     * @param inScope        receives contacts
     * @param contactAllowed colleagues may receive their contact
     * @param lastSeenRun    the last run that stored what it read about them
     */
    record HeldEmployee(Employee asRead, Status status, boolean inScope, boolean contactAllowed, String scopeRule,
                        String scopeReason, long lastSeenRun, Instant updatedAt, Instant goneAt) {
        public HeldEmployee {
            Objects.requireNonNull(asRead, "asRead");
            Objects.requireNonNull(status, "status");
        }

        public String id() {
            return asRead.id();
        }

        public boolean gone() {
            return status == Status.GONE;
        }
    }

    /** One line of a search result, with the name fields it is shown by. */
    record Match(String id, String displayName, String givenName, String surname, String department,
                 Status status, boolean inScope) {
        public Match {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
        }
    }

    /** An entry rejection that concerned an employee. */
    record Rejection(long run, String reason) {
    }

    /** An audit record as stored, with its place in the trail and its hash. */
    record AuditRecord(long id, Instant at, String actor, String action, String subject, String detail,
                       String hash) {
    }
}
