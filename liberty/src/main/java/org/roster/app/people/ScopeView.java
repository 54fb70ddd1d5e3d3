package org.roster.app.people;

/**
 * Why an employee is in or out of scope.
 *
 * @param included  receives contacts
 * @param delivered may be delivered to colleagues as a contact
 */
public record ScopeView(boolean included, boolean delivered, String rule, String reason) {
}
