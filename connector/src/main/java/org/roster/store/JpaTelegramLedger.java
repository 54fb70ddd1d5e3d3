package org.roster.store;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import org.roster.platform.telegram.OwnContacts;
import org.roster.platform.telegram.TelegramContact;
import org.roster.platform.telegram.TelegramLedger;

/**
 * {@link TelegramLedger} in PostgreSQL ({@code telegram_contact}, {@code telegram_key},
 * {@code telegram_account}). The numbers of an employee's own contacts are kept only as keyed
 * digests ({@code numberKey}), so the database never holds the phone book of their private life.
 *
 * <pre>{@code
 * TelegramLedger ledger = new JpaTelegramLedger(em, tx, clock, digits -> hmac(digits));
 * }</pre>
 */
public final class JpaTelegramLedger implements TelegramLedger {

    private static final List<String> HOLDING = List.of(State.IMPORTED.name(), State.NOT_ON_TELEGRAM.name(),
            State.PENDING_RETRY.name(), State.FAILED.name(), State.NOT_LINKED.name());

    private final EntityManager em;
    private final Transactions tx;
    private final Clock clock;
    private final UnaryOperator<String> numberKey;

    /**
     * @param numberKey turns a number's digits into what is stored and compared (a keyed digest)
     */
    public JpaTelegramLedger(EntityManager em, Transactions tx, Clock clock, UnaryOperator<String> numberKey) {
        this.em = em;
        this.tx = tx;
        this.clock = clock;
        this.numberKey = numberKey;
    }

    @Override
    public boolean hasKey(String viewerId, String idempotencyKey) {
        return tx.inTransaction(() -> em.find(TelegramKeyEntity.class,
                new TelegramKeyEntity.Key(viewerId, idempotencyKey)) != null);
    }

    @Override
    public void record(String viewerId, String idempotencyKey, Entry entry) {
        tx.inTransaction(() -> {
            if (em.find(TelegramKeyEntity.class, new TelegramKeyEntity.Key(viewerId, idempotencyKey)) != null) {
                return;
            }
            em.persist(new TelegramKeyEntity(viewerId, idempotencyKey, clock.instant()));
            put(viewerId, entry);
        });
    }

    @Override
    public void update(String viewerId, Entry entry) {
        tx.inTransaction(() -> put(viewerId, entry));
    }

    @Override
    public void updateAll(String viewerId, List<Entry> entries) {
        tx.inTransaction(() -> entries.forEach(entry -> put(viewerId, entry)));
    }

    private void put(String viewerId, Entry entry) {
        TelegramContactEntity row = em.find(TelegramContactEntity.class,
                new TelegramContactEntity.Key(viewerId, entry.contactId()));
        if (row == null) {
            row = new TelegramContactEntity(viewerId, entry.contactId());
            em.persist(row);
        }
        TelegramContact contact = entry.contact();
        row.set(entry.state().name(), entry.intent().name(), entry.userId(),
                contact.isNone() ? null : contact.phoneNumber(), contact.isNone() ? null : contact.firstName(),
                contact.isNone() ? null : contact.lastName(), entry.reason(), entry.at());
    }

    @Override
    public Optional<Entry> entry(String viewerId, String contactId) {
        return tx.inTransaction(() -> Optional.ofNullable(em.find(TelegramContactEntity.class,
                new TelegramContactEntity.Key(viewerId, contactId))).map(JpaTelegramLedger::entry));
    }

    @Override
    public List<Entry> pending(String viewerId) {
        return tx.inTransaction(() -> em.createQuery("select c from TelegramContactEntity c where c.viewerId = :viewer "
                        + "and c.state = :pending order by c.at, c.contactId", TelegramContactEntity.class)
                .setParameter("viewer", viewerId).setParameter("pending", State.PENDING_RETRY.name())
                .getResultList().stream().map(JpaTelegramLedger::entry).toList());
    }

    @Override
    public List<String> viewersWithPending() {
        return tx.inTransaction(() -> em.createQuery("select distinct c.viewerId from TelegramContactEntity c "
                        + "where c.state = :pending order by c.viewerId", String.class)
                .setParameter("pending", State.PENDING_RETRY.name()).getResultList());
    }

    @Override
    public Set<Long> rostersUserIds(String viewerId) {
        return tx.inTransaction(() -> new HashSet<>(em.createQuery("select c.userId from TelegramContactEntity c "
                        + "where c.viewerId = :viewer and c.userId <> 0 and c.state in :holding", Long.class)
                .setParameter("viewer", viewerId).setParameter("holding", HOLDING).getResultList()));
    }

    @Override
    public Set<String> rostersNumbers(String viewerId) {
        Set<String> numbers = new HashSet<>();
        tx.inTransaction(() -> em.createQuery("select c.phone from TelegramContactEntity c where c.viewerId = :viewer "
                        + "and c.phone is not null and c.state in :holding", String.class)
                .setParameter("viewer", viewerId).setParameter("holding", HOLDING).getResultList())
                .forEach(phone -> numbers.add(new TelegramContact(phone, "", "").digits()));
        return numbers;
    }

    @Override
    public List<Entry> entries(String viewerId) {
        return tx.inTransaction(() -> em.createQuery("select c from TelegramContactEntity c where c.viewerId = :viewer "
                        + "order by c.contactId", TelegramContactEntity.class)
                .setParameter("viewer", viewerId).getResultList().stream().map(JpaTelegramLedger::entry).toList());
    }

    @Override
    public boolean heldByAnotherContact(String viewerId, long userId, String contactId) {
        return tx.inTransaction(() -> em.createQuery("select count(c) from TelegramContactEntity c "
                        + "where c.viewerId = :viewer and c.userId = :user and c.contactId <> :contact "
                        + "and c.state in :holding", Long.class)
                .setParameter("viewer", viewerId).setParameter("user", userId).setParameter("contact", contactId)
                .setParameter("holding", HOLDING).getSingleResult() > 0);
    }

    @Override
    public Optional<OwnContacts> ownContacts(String viewerId) {
        return tx.inTransaction(() -> Optional.ofNullable(em.find(TelegramAccountEntity.class, viewerId))
                .filter(account -> account.getOwnUserIds() != null)
                .map(account -> new OwnContacts(longs(account.getOwnUserIds()), strings(account.getOwnNumbers()))
                        .keyedBy(numberKey)));
    }

    @Override
    public void addOwnContacts(String viewerId, OwnContacts own) {
        tx.inTransaction(() -> {
            TelegramAccountEntity account = em.find(TelegramAccountEntity.class, viewerId);
            if (account == null) {
                throw new IllegalStateException("no Telegram account is linked for " + viewerId);
            }
            Set<Long> ids = longs(account.getOwnUserIds());
            ids.addAll(own.userIds());
            Set<String> numbers = strings(account.getOwnNumbers());
            own.phoneNumbers().forEach(digits -> numbers.add(own.keyed() ? digits : numberKey.apply(digits)));
            JsonArrayBuilder idJson = Json.createArrayBuilder();
            ids.stream().sorted().forEach(idJson::add);
            JsonArrayBuilder numberJson = Json.createArrayBuilder();
            numbers.stream().sorted().forEach(numberJson::add);
            account.own(idJson.build().toString(), numberJson.build().toString());
        });
    }

    @Override
    public Optional<Instant> pausedUntil(String viewerId) {
        return tx.inTransaction(() -> Optional.ofNullable(em.find(TelegramAccountEntity.class, viewerId))
                .map(TelegramAccountEntity::getPausedUntil));
    }

    @Override
    public void pauseUntil(String viewerId, Instant until) {
        tx.inTransaction(() -> {
            TelegramAccountEntity account = em.find(TelegramAccountEntity.class, viewerId);
            if (account != null) {
                account.pauseUntil(until);
            }
        });
    }

    private static Entry entry(TelegramContactEntity row) {
        TelegramContact contact = row.getPhone() == null ? TelegramContact.NONE
                : new TelegramContact(row.getPhone(), row.getFirstName() == null ? "" : row.getFirstName(),
                row.getLastName() == null ? "" : row.getLastName());
        return new Entry(row.getContactId(), State.valueOf(row.getState()), Intent.valueOf(row.getIntent()),
                row.getUserId(), contact, row.getReason(), row.getAt());
    }

    private static Set<Long> longs(String json) {
        Set<Long> values = new HashSet<>();
        if (json == null) {
            return values;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            reader.readArray().getValuesAs(JsonNumber.class).forEach(n -> values.add(n.longValue()));
        }
        return values;
    }

    private static Set<String> strings(String json) {
        Set<String> values = new HashSet<>();
        if (json == null) {
            return values;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            reader.readArray().getValuesAs(JsonString.class).forEach(s -> values.add(s.getString()));
        }
        return values;
    }
}
