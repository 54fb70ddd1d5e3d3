package org.roster.app.people;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.app.config.RosterSettings;
import org.roster.app.http.Problem;
import org.roster.app.policies.ActivePolicy;
import org.roster.directory.Employee;
import org.roster.policy.InvalidPolicyException;
import org.roster.policy.PersonField;
import org.roster.policy.PolicyEvaluator;
import org.roster.records.DeliveredContacts;
import org.roster.records.DeliveredContacts.Delivered;
import org.roster.records.DeliveredContacts.TelegramState;
import org.roster.records.EmployeeRecords;
import org.roster.records.EmployeeRecords.HeldEmployee;

/** Builds what the API shows about an employee, for admins and for the employee themselves. */
@ApplicationScoped
public class EmployeeViews {

    @Inject
    EmployeeRecords employees;

    @Inject
    DeliveredContacts delivered;

    @Inject
    ActivePolicy activePolicy;

    @Inject
    RosterSettings settings;

    /** What Roster holds about the employee and the decisions about them. */
    public EmployeeView view(String id) {
        HeldEmployee e = find(id);
        Map<String, String> held = new TreeMap<>();
        Employee employee = e.asRead();
        employee.values().forEach((field, value) -> held.put(field.policyName(), value));
        PolicyEvaluator evaluator = evaluator();
        List<String> released = evaluator.release(employee).keySet().stream().map(PersonField::policyName).toList();
        Map<String, String> withheld = new TreeMap<>();
        evaluator.withheld(employee).forEach((field, rule) -> withheld.put(field.policyName(), rule));
        List<RejectionView> rejections = employees.rejections(id, 20).stream()
                .map(r -> new RejectionView(r.run(), r.reason())).toList();
        return new EmployeeView(e.id(), employee.reference(), e.status().name(), held, released, withheld,
                new ScopeView(e.inScope(), e.contactAllowed(), e.scopeRule(), e.scopeReason()), e.lastSeenRun(),
                e.updatedAt(), e.goneAt(), rejections);
    }

    /**
     * The contacts the employee gets, each with where its delivery stands: {@code recorded}, or in
     * Telegram {@code imported}, {@code not_on_telegram}, {@code pending_retry}, {@code failed},
     * {@code kept_own} or {@code not_linked}, with the reason where there is one.
     */
    public ContactsView contacts(String id) {
        find(id);
        Map<String, TelegramState> telegram = settings.telegramDelivery() ? delivered.telegramStates(id) : Map.of();
        List<ContactView> contacts = delivered.to(id).stream()
                .map(d -> contact(d, telegram.get(d.contactId())))
                .toList();
        return new ContactsView(id, contacts.size(), contacts);
    }

    /** One contact as delivered to the viewer, with where its delivery stands; empty if it was not delivered. */
    Optional<ContactView> contact(String viewerId, String contactId) {
        Optional<Delivered> found = delivered.one(viewerId, contactId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TelegramState state = settings.telegramDelivery()
                ? delivered.telegramState(viewerId, contactId).orElse(null) : null;
        return Optional.of(contact(found.get(), state));
    }

    private ContactView contact(Delivered d, TelegramState state) {
        return new ContactView(d.contactId(), fields(d.fields()), d.rule(), d.run(), d.at(),
                state == null ? (settings.telegramDelivery() ? "planned" : "recorded")
                : state.state().toLowerCase(Locale.ROOT),
                state == null || state.reason().isEmpty() ? null : state.reason());
    }

    private PolicyEvaluator evaluator() {
        try {
            return new PolicyEvaluator(activePolicy.load());
        } catch (InvalidPolicyException ex) {
            throw new IllegalStateException("the active policy is invalid: " + ex.getMessage(), ex);
        }
    }

    /** The employee as stored, or a 404 naming the id. */
    HeldEmployee find(String id) {
        return employees.employee(id).orElseThrow(() -> Problem.notFound("No employee with id \"" + id
                + "\" has been read from the directory."));
    }

    private static Map<String, String> fields(Map<PersonField, String> stored) {
        Map<String, String> fields = new TreeMap<>();
        stored.forEach((field, value) -> fields.put(field.policyName(), value));
        return fields;
    }
}
