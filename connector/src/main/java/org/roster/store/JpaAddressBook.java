package org.roster.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.roster.platform.carddav.AddressBook;
import org.roster.sync.ContactCard;

/**
 * The address books from what Roster delivered: a viewer's cards are their delivered contacts
 * ({@code delivered_contact}, released fields only), and the sync token is the newest entry of
 * the delivery journal ({@code delivery}) for them, which records every add, update and removal.
 * Deliveries are drained one batch at a time, so journal ids grow in the order changes are
 * committed.
 *
 * <pre>{@code
 * AddressBook book = new JpaAddressBook(em, tx);
 * }</pre>
 */
public final class JpaAddressBook implements AddressBook {

    private final EntityManager em;
    private final Transactions tx;

    public JpaAddressBook(EntityManager em, Transactions tx) {
        this.em = em;
        this.tx = tx;
    }

    @Override
    public List<Card> cards(String viewerId) {
        return tx.inTransaction(() -> em.createQuery("select d from DeliveredContactEntity d where d.viewerId = :viewer "
                        + "order by d.contactId", DeliveredContactEntity.class).setParameter("viewer", viewerId)
                .getResultList().stream().map(JpaAddressBook::card).toList());
    }

    @Override
    public Optional<Card> card(String viewerId, String contactId) {
        return tx.inTransaction(() -> Optional.ofNullable(em.find(DeliveredContactEntity.class,
                new DeliveredContactEntity.Key(viewerId, contactId))).map(JpaAddressBook::card));
    }

    @Override
    public long syncToken(String viewerId) {
        return tx.inTransaction(() -> newestDelivery(viewerId));
    }

    /** The newest journal entry for the viewer, 0 when there is none. */
    private long newestDelivery(String viewerId) {
        Long newest = em.createQuery("select max(x.id) from DeliveryEntity x where x.viewerId = :viewer", Long.class)
                .setParameter("viewer", viewerId).getSingleResult();
        return newest == null ? 0L : newest;
    }

    @Override
    public Optional<Changes> changesSince(String viewerId, long token) {
        return tx.inTransaction(() -> {
            long now = newestDelivery(viewerId);
            if (token < 0 || token > now) {
                return Optional.<Changes>empty();
            }
            List<String> touched = em.createQuery("select distinct x.contactId from DeliveryEntity x "
                            + "where x.viewerId = :viewer and x.id > :token and x.id <= :now", String.class)
                    .setParameter("viewer", viewerId).setParameter("token", token).setParameter("now", now)
                    .getResultList();
            List<Card> changed = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (String contactId : touched) {
                DeliveredContactEntity row = em.find(DeliveredContactEntity.class,
                        new DeliveredContactEntity.Key(viewerId, contactId));
                if (row == null) {
                    removed.add(contactId);
                } else {
                    changed.add(card(row));
                }
            }
            return Optional.of(new Changes(now, changed, removed));
        });
    }

    private static Card card(DeliveredContactEntity row) {
        return new Card(new ContactCard(row.getContactId(), ChangeRows.fromJson(row.getFields()), row.getRuleId()),
                row.getFingerprint());
    }
}
