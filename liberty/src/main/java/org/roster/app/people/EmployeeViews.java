package org.roster.app.people;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.roster.app.config.RosterSettings;
import org.roster.app.http.Problem;
import org.roster.app.people.EmployeeResource.ContactView;
import org.roster.app.people.EmployeeResource.ContactsView;
import org.roster.app.people.EmployeeResource.EmployeeView;
import org.roster.app.people.EmployeeResource.RejectionView;
import org.roster.app.people.EmployeeResource.ScopeView;
import org.roster.app.policies.ActivePolicy;
import org.roster.directory.Employee;
import org.roster.policy.InvalidPolicyException;
import org.roster.policy.PersonField;
import org.roster.policy.PolicyEvaluator;
import org.roster.store.DeliveredContactEntity;
import org.roster.store.EmployeeEntity;
import org.roster.store.JpaStateStore;
import org.roster.store.RejectionEntity;
import org.roster.store.TelegramContactEntity;

/** Builds what the API shows about an employee, for admins and for the employee themselves. */
@ApplicationScoped
public class EmployeeViews {

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    @Inject
    ActivePolicy activePolicy;

    /** What Roster holds about the employee and the decisions about them. */
    public EmployeeView view(String id) {
        EmployeeEntity e = find(id);
        Map<String, String> held = new TreeMap<>();
        Employee employee = e.toEmployee();
        employee.values().forEach((field, value) -> held.put(field.policyName(), value));
        PolicyEvaluator evaluator = evaluator();
        List<String> released = evaluator.release(employee).keySet().stream().map(PersonField::policyName).toList();
        Map<String, String> withheld = new TreeMap<>();
        evaluator.withheld(employee).forEach((field, rule) -> withheld.put(field.policyName(), rule));
        List<RejectionView> rejections = em.createQuery("select r from RejectionEntity r where r.employeeId = :id "
                        + "order by r.id desc", RejectionEntity.class)
                .setParameter("id", id).setMaxResults(20).getResultList().stream()
                .map(r -> new RejectionView(r.getRunId(), r.getReason())).toList();
        return new EmployeeView(e.getId(), e.getReference(), e.getStatus().name(), held, released, withheld,
                new ScopeView(e.isInScope(), e.isContactAllowed(), e.getScopeRule(), e.getScopeReason()), e.getLastSeenRun(),
                e.getUpdatedAt(), e.getGoneAt(), rejections);
    }

    @Inject
    RosterSettings settings;

    /**
     * The contacts the employee gets, each with where its delivery stands: {@code recorded}, or in
     * Telegram {@code imported}, {@code not_on_telegram}, {@code pending_retry}, {@code failed},
     * {@code kept_own} or {@code not_linked}, with the reason where there is one.
     */
    public ContactsView contacts(String id) {
        find(id);
        Map<String, TelegramContactEntity> telegram = new HashMap<>();
        if (settings.telegramDelivery()) {
            em.createQuery("select c from TelegramContactEntity c where c.viewerId = :id",
                    TelegramContactEntity.class).setParameter("id", id).getResultList()
                    .forEach(c -> telegram.put(c.getContactId(), c));
        }
        List<ContactView> contacts = em.createQuery("select d from DeliveredContactEntity d where d.viewerId = :id "
                        + "order by d.contactId", DeliveredContactEntity.class)
                .setParameter("id", id).getResultList().stream()
                .map(d -> contact(d, telegram.get(d.getContactId())))
                .toList();
        return new ContactsView(id, contacts.size(), contacts);
    }

    /** One contact as delivered to the viewer, with where its delivery stands; empty if it was not delivered. */
    Optional<ContactView> contact(String viewerId, String contactId) {
        DeliveredContactEntity delivered = em.find(DeliveredContactEntity.class,
                new DeliveredContactEntity.Key(viewerId, contactId));
        if (delivered == null) {
            return Optional.empty();
        }
        TelegramContactEntity state = settings.telegramDelivery() ? em.find(TelegramContactEntity.class,
                new TelegramContactEntity.Key(viewerId, contactId)) : null;
        return Optional.of(contact(delivered, state));
    }

    private ContactView contact(DeliveredContactEntity d, TelegramContactEntity state) {
        return new ContactView(d.getContactId(), fields(d.getFields()), d.getRuleId(), d.getDeliveredRun(),
                d.getDeliveredAt(), state == null ? (settings.telegramDelivery() ? "planned" : "recorded")
                : state.getState().toLowerCase(Locale.ROOT),
                state == null || state.getReason().isEmpty() ? null : state.getReason());
    }

    private PolicyEvaluator evaluator() {
        try {
            return new PolicyEvaluator(activePolicy.load());
        } catch (InvalidPolicyException ex) {
            throw new IllegalStateException("the active policy is invalid: " + ex.getMessage(), ex);
        }
    }

    /** The employee as stored, or a 404 naming the id. */
    EmployeeEntity find(String id) {
        EmployeeEntity e = em.find(EmployeeEntity.class, id);
        if (e == null) {
            throw Problem.notFound("No employee with id \"" + id + "\" has been read from the directory.");
        }
        return e;
    }

    private static Map<String, String> fields(String json) {
        Map<String, String> fields = new TreeMap<>();
        Map<PersonField, String> stored = JpaStateStore.fromJson(json);
        stored.forEach((field, value) -> fields.put(field.policyName(), value));
        return fields;
    }

}
