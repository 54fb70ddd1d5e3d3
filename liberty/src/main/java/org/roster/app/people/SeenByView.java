package org.roster.app.people;

import java.util.List;

/**
 * Who receives an employee's contact: the count, and the first of them by name with only the name
 * fields and department the policy releases about them, and the rule through which they receive it.
 */
public record SeenByView(String id, long count, List<SeenByColleagues.Colleague> colleagues) {
}
