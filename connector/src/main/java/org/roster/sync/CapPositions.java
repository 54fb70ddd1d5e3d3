package org.roster.sync;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.roster.directory.Employee;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;

/**
 * Where a contact stands under a policy's cap for one viewer: its position among every contact the
 * policy grants that viewer, in the order the cap keeps them (earlier rule first, then by id), so
 * that "left out by the cap" can say "at position 153 of at most 150". The granted contacts are
 * found as a plan finds them, from the directory as the store last read it, with the cap lifted
 * so that those beyond it are counted too.
 *
 * <pre>{@code
 * OptionalInt position = CapPositions.in(store, policy).position(viewer, "p000142");
 * }</pre>
 */
public final class CapPositions {

    private final PolicyEvaluator capped;
    private final ContactPlanning uncapped;

    private CapPositions(StateStore store, Policy policy) {
        this.capped = new PolicyEvaluator(policy);
        Policy lifted = new Policy(policy.name(), policy.description(), policy.scope(), policy.fields(),
                policy.visibility(), Optional.empty(), policy.optOut(), policy.consent(), policy.phones(),
                policy.retention(), policy.sharedNumbers());
        this.uncapped = new ContactPlanning(SyncPipeline.walkingManagersThrough(new PolicyEvaluator(lifted), store),
                store, store, store);
    }

    /** Positions under {@code policy}'s cap, among the employees {@code store} holds. */
    public static CapPositions in(StateStore store, Policy policy) {
        return new CapPositions(store, policy);
    }

    /**
     * The contact's position (1 for the first) among all the viewer's granted contacts in the cap's
     * order; empty when the policy grants the viewer no such contact (or the contact may not be
     * delivered to anyone).
     */
    public OptionalInt position(Employee viewer, String contactId) {
        List<ContactCard> ordered = capped.inCapOrder(uncapped.desiredContacts(viewer), ContactCard::ruleId,
                ContactCard::contactId);
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).contactId().equals(contactId)) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }
}
