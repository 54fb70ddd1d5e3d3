package org.roster.platform.telegram;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The contacts an employee has in Telegram that Roster did not put there, read when they link
 * their account and again before each delivery to it (so one they saved after linking counts too):
 * Roster never imports one of these numbers (that would rename the employee's own entry) and never
 * removes one of these users.
 *
 * <p>A store that would rather not keep the numbers of an employee's private contacts can keep
 * keyed digests of them instead ({@link #keyedBy}); {@link #hasNumber} then digests the number it
 * is asked about the same way.
 *
 * <pre>{@code
 * OwnContacts own = ledger.ownContacts("p1").orElse(OwnContacts.NONE);
 * own.hasNumber("+49 151 12345678");
 * }</pre>
 */
public final class OwnContacts {

    /** No own contacts known. */
    public static final OwnContacts NONE = new OwnContacts(Set.of(), Set.of());

    private final Set<Long> userIds;
    private final Set<String> phoneNumbers;
    private final UnaryOperator<String> numberKey;

    /**
     * @param userIds      Telegram user ids of the employee's own contacts
     * @param phoneNumbers their numbers, digits only as Telegram gives them
     */
    public OwnContacts(Set<Long> userIds, Set<String> phoneNumbers) {
        this(userIds, phoneNumbers, null);
    }

    private OwnContacts(Set<Long> userIds, Set<String> phoneNumbers, UnaryOperator<String> numberKey) {
        this.userIds = Set.copyOf(Objects.requireNonNull(userIds, "userIds"));
        this.phoneNumbers = Set.copyOf(Objects.requireNonNull(phoneNumbers, "phoneNumbers"));
        this.numberKey = numberKey;
    }

    /** Telegram user ids of the employee's own contacts. */
    public Set<Long> userIds() {
        return userIds;
    }

    /** Their numbers: digits, or keyed digests of the digits when {@link #keyed()}. */
    public Set<String> phoneNumbers() {
        return phoneNumbers;
    }

    /**
     * The same contacts, whose {@link #phoneNumbers()} are keyed digests made by {@code numberKey}
     * from the digits; {@link #hasNumber} applies it to the number it is asked about.
     */
    public OwnContacts keyedBy(UnaryOperator<String> numberKey) {
        return new OwnContacts(userIds, phoneNumbers, Objects.requireNonNull(numberKey, "numberKey"));
    }

    /** Whether the numbers are keyed digests rather than digits. */
    public boolean keyed() {
        return numberKey != null;
    }

    /** Whether the user is one of the employee's own contacts. */
    public boolean hasUser(long userId) {
        return userIds.contains(userId);
    }

    /** Whether the number (in any format) is one of the employee's own contacts'. */
    public boolean hasNumber(String phoneNumber) {
        String digits = TelegramContact.digitsOf(phoneNumber);
        return phoneNumbers.contains(numberKey == null ? digits : numberKey.apply(digits));
    }

    /** Both together: what is known now and what was known before, numbers kept alike. */
    public OwnContacts and(OwnContacts more) {
        if (keyed() != more.keyed()) {
            throw new IllegalArgumentException("own contacts with keyed numbers and with plain digits can't be joined");
        }
        Set<Long> ids = new HashSet<>(userIds);
        ids.addAll(more.userIds);
        Set<String> numbers = new HashSet<>(phoneNumbers);
        numbers.addAll(more.phoneNumbers);
        return new OwnContacts(ids, numbers, numberKey);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OwnContacts o && userIds.equals(o.userIds) && phoneNumbers.equals(o.phoneNumbers)
                && keyed() == o.keyed();
    }

    @Override
    public int hashCode() {
        return Objects.hash(userIds, phoneNumbers, keyed());
    }

    @Override
    public String toString() {
        return "OwnContacts[" + userIds.size() + " users, " + phoneNumbers.size() + " numbers]";
    }
}
