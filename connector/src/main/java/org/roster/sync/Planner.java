package org.roster.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what one viewer should have with what was last delivered to them, and emits only the
 * difference. Pure: no I/O, so it is cheap to test and to reason about.
 *
 * <pre>{@code
 * List<ContactChange> changes = Planner.plan(desiredCards, deliveredByContactId, true);
 * }</pre>
 */
public final class Planner {

    private Planner() {
    }

    /**
     * The changes that turn the delivered set into the desired one.
     *
     * @param desired        the cards the viewer should have, at most one per contact
     * @param delivered      what each contact last delivered was planned as ({@link ContactCard#plannedAs}),
     *                       by contact id: a changed field or a changed granting rule is an update
     * @param allowRemovals  false when the source read was incomplete: then nothing is removed
     * @return adds and updates in the order of {@code desired}, then removes ordered by contact id
     */
    public static List<ContactChange> plan(Iterable<ContactCard> desired, Map<String, String> delivered,
                                           boolean allowRemovals) {
        List<ContactChange> changes = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        for (ContactCard card : desired) {
            if (!wanted.add(card.contactId())) {
                throw new IllegalArgumentException("contact " + card.contactId() + " is desired twice");
            }
            String held = delivered.get(card.contactId());
            if (held == null) {
                changes.add(new ContactChange.Add(card));
            } else if (!held.equals(card.plannedAs())) {
                changes.add(new ContactChange.Update(card));
            }
        }
        if (allowRemovals) {
            delivered.keySet().stream().filter(id -> !wanted.contains(id)).sorted()
                    .forEach(id -> changes.add(new ContactChange.Remove(id)));
        }
        return changes;
    }
}
