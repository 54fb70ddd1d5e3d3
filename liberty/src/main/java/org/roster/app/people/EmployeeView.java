package org.roster.app.people;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What Roster holds about an employee, and the decisions about them.
 *
 * @param released    the fields the active policy lets colleagues receive
 * @param withheld    each held field that is not released, with the rule that withholds it
 * @param lastSeenRun the last run that stored what it read about the employee: a full run that
 *                    reads their entry exactly as before only counts them, and leaves it
 */
public record EmployeeView(String id, String reference, String status, Map<String, String> held,
                           List<String> released, Map<String, String> withheld, ScopeView scope,
                           long lastSeenRun, Instant updatedAt, Instant goneAt, List<RejectionView> rejections) {
}
