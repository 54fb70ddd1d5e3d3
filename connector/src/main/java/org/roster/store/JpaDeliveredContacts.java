package org.roster.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.roster.policy.PersonField;
import org.roster.records.DeliveredContacts;

/**
 * The delivered state ({@code delivered_contact}) and the Telegram contact states
 * ({@code telegram_contact}), read in the caller's transaction.
 *
 * <pre>{@code
 * DeliveredContacts delivered = new JpaDeliveredContacts(em);
 * }</pre>
 */
public final class JpaDeliveredContacts implements DeliveredContacts {

    private final EntityManager em;

    public JpaDeliveredContacts(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Delivered> to(String viewerId) {
        return em.createQuery("select d from DeliveredContactEntity d where d.viewerId = :id order by d.contactId",
                        DeliveredContactEntity.class)
                .setParameter("id", viewerId).getResultList().stream().map(JpaDeliveredContacts::delivered).toList();
    }

    @Override
    public Optional<Delivered> one(String viewerId, String contactId) {
        return Optional.ofNullable(em.find(DeliveredContactEntity.class,
                new DeliveredContactEntity.Key(viewerId, contactId))).map(JpaDeliveredContacts::delivered);
    }

    @Override
    public long receiverCount(String contactId) {
        return em.createQuery("select count(d) from DeliveredContactEntity d where d.contactId = :id", Long.class)
                .setParameter("id", contactId).getSingleResult();
    }

    @Override
    public List<Receiver> receivers(String contactId, List<PersonField> orderBy, int limit) {
        List<Object[]> rows = em.createQuery("select e, d.ruleId from DeliveredContactEntity d, EmployeeEntity e "
                        + "where e.id = d.viewerId and d.contactId = :id order by " + orderBy(orderBy), Object[].class)
                .setParameter("id", contactId).setMaxResults(limit).getResultList();
        return rows.stream().map(row -> new Receiver(((EmployeeEntity) row[0]).toEmployee(), (String) row[1]))
                .toList();
    }

    @Override
    public Map<String, TelegramState> telegramStates(String viewerId) {
        Map<String, TelegramState> states = new HashMap<>();
        em.createQuery("select c from TelegramContactEntity c where c.viewerId = :id", TelegramContactEntity.class)
                .setParameter("id", viewerId).getResultList()
                .forEach(c -> states.put(c.getContactId(), state(c)));
        return states;
    }

    @Override
    public Optional<TelegramState> telegramState(String viewerId, String contactId) {
        return Optional.ofNullable(em.find(TelegramContactEntity.class,
                new TelegramContactEntity.Key(viewerId, contactId))).map(JpaDeliveredContacts::state);
    }

    /** The sort columns of the name fields asked for, in this order of precedence, then the id. */
    private static String orderBy(List<PersonField> fields) {
        StringBuilder order = new StringBuilder();
        if (fields.contains(PersonField.DISPLAY_NAME)) {
            order.append("e.displayName, ");
        }
        if (fields.contains(PersonField.SURNAME)) {
            order.append("e.surname, ");
        }
        if (fields.contains(PersonField.GIVEN_NAME)) {
            order.append("e.givenName, ");
        }
        return order.append("e.id").toString();
    }

    private static Delivered delivered(DeliveredContactEntity d) {
        return new Delivered(d.getContactId(), JpaStateStore.fromJson(d.getFields()), d.getRuleId(),
                d.getDeliveredRun(), d.getDeliveredAt());
    }

    private static TelegramState state(TelegramContactEntity c) {
        return new TelegramState(c.getState(), c.getReason() == null ? "" : c.getReason());
    }
}
