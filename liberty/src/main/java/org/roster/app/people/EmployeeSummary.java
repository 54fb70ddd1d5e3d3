package org.roster.app.people;

/** One line of a search for employees. */
public record EmployeeSummary(String id, String name, String department, String status, boolean inScope) {
}
