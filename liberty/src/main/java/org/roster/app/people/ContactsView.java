package org.roster.app.people;

import java.util.List;

/** The contacts a viewer gets. */
public record ContactsView(String viewer, int count, List<ContactView> contacts) {
}
