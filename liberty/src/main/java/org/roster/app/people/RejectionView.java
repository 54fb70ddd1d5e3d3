package org.roster.app.people;

/** An entry rejection that concerned an employee. */
public record RejectionView(long run, String reason) {
}
