package org.roster.app.people;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.app.policies.ActivePolicy;
import org.roster.policy.InvalidPolicyException;
import org.roster.policy.PersonField;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;
import org.roster.records.DeliveredContacts;

/**
 * The colleagues who receive an employee's contact, read from the delivered state (never
 * re-planned), each with the rule that shares it and only the name and department the active
 * policy releases about that colleague. Numbers and every other field are left out: the employee
 * learns who has their number, not the colleagues' contact details.
 */
@ApplicationScoped
public class SeenByColleagues {

    /** How many colleagues one answer names at most; the count says how many there are in all. */
    static final int LIMIT = 500;

    /** What may be shown about a colleague who receives the contact, if the policy releases it. */
    private static final Set<PersonField> SHOWN = EnumSet.of(PersonField.DISPLAY_NAME, PersonField.GIVEN_NAME,
            PersonField.SURNAME, PersonField.DEPARTMENT);

    /** The name fields a list may be sorted by, in the order they count. */
    private static final List<PersonField> NAMES = List.of(PersonField.DISPLAY_NAME, PersonField.SURNAME,
            PersonField.GIVEN_NAME);

    /**
     * A colleague who receives the employee's contact.
     *
     * @param fields the released name fields and department, by policy name; empty if none is released
     * @param rule   the visibility rule through which they receive it
     */
    public record Colleague(String id, Map<String, String> fields, String rule) {
    }

    @Inject
    DeliveredContacts delivered;

    @Inject
    ActivePolicy activePolicy;

    /** The first {@link #LIMIT} colleagues who receive the contact of {@code contactId}, by name. */
    public List<Colleague> of(String contactId) {
        PolicyEvaluator evaluator = evaluator();
        List<DeliveredContacts.Receiver> receivers = delivered.receivers(contactId, sortable(evaluator.policy()),
                LIMIT);
        List<Colleague> colleagues = new ArrayList<>(receivers.size());
        for (DeliveredContacts.Receiver receiver : receivers) {
            Map<String, String> fields = new TreeMap<>();
            evaluator.release(receiver.viewer()).forEach((field, value) -> {
                if (SHOWN.contains(field)) {
                    fields.put(field.policyName(), value);
                }
            });
            colleagues.add(new Colleague(receiver.viewer().id(), fields, receiver.rule()));
        }
        return colleagues;
    }

    /**
     * Sorts by the name fields the policy releases only: ordering by a withheld name would let the
     * order of the list hint at it.
     */
    private static List<PersonField> sortable(Policy policy) {
        return NAMES.stream().filter(policy.fields()::contains).toList();
    }

    private PolicyEvaluator evaluator() {
        try {
            return new PolicyEvaluator(activePolicy.load());
        } catch (InvalidPolicyException e) {
            throw new IllegalStateException("the active policy is invalid: " + e.getMessage(), e);
        }
    }
}
