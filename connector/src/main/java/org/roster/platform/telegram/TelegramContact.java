package org.roster.platform.telegram;

import java.util.Objects;
import java.util.Optional;

import org.roster.policy.PersonField;
import org.roster.sync.ContactCard;

/**
 * What Telegram receives about one colleague: a phone number and a name, taken from the card's
 * released fields only. Its {@code toString} shows neither.
 *
 * <pre>{@code
 * Optional<TelegramContact> contact = TelegramContact.from(card); // empty if no number was released
 * }</pre>
 *
 * @param phoneNumber E.164, as the card has it ({@code +4915112345678}); "" for {@link #NONE}
 * @param firstName   the given name (or, lacking given name and surname, the display name)
 * @param lastName    the surname, or ""
 */
public record TelegramContact(String phoneNumber, String firstName, String lastName) {

    /** No contact: what a removal's ledger entry carries. */
    public static final TelegramContact NONE = new TelegramContact("", "", "");

    public TelegramContact {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
    }

    /**
     * The contact a card makes: the number from MOBILE, else WORK_PHONE; the names from GIVEN_NAME
     * and SURNAME, else DISPLAY_NAME. Empty when the card released no number.
     */
    public static Optional<TelegramContact> from(ContactCard card) {
        String phone = field(card, PersonField.MOBILE);
        if (phone.isEmpty()) {
            phone = field(card, PersonField.WORK_PHONE);
        }
        if (phone.isEmpty()) {
            return Optional.empty();
        }
        String first = field(card, PersonField.GIVEN_NAME);
        String last = field(card, PersonField.SURNAME);
        if (first.isEmpty() && last.isEmpty()) {
            first = field(card, PersonField.DISPLAY_NAME);
        }
        return Optional.of(new TelegramContact(phone, first, last));
    }

    private static String field(ContactCard card, PersonField field) {
        String value = card.fields().get(field);
        return value == null ? "" : value.strip();
    }

    /** Whether this is {@link #NONE}. */
    public boolean isNone() {
        return phoneNumber.isEmpty();
    }

    /** The number's digits only, as Telegram compares numbers ({@code 4915112345678}). */
    public String digits() {
        return digitsOf(phoneNumber);
    }

    static String digitsOf(String phoneNumber) {
        StringBuilder digits = new StringBuilder(phoneNumber.length());
        phoneNumber.chars().filter(Character::isDigit).forEach(c -> digits.append((char) c));
        return digits.toString();
    }

    @Override
    public String toString() {
        return isNone() ? "TelegramContact[none]" : "TelegramContact[redacted]";
    }
}
