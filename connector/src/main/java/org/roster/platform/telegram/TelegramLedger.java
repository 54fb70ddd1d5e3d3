package org.roster.platform.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A port: what Roster did in each employee's Telegram account, contact by contact, and which
 * idempotency keys it has applied. It is what makes delivery safe to repeat and lets Roster remove
 * only what it imported. The server keeps it in its database; tests in memory.
 *
 * <pre>{@code
 * if (!ledger.hasKey("p1", "run-7/change-350")) {
 *     ledger.record("p1", "run-7/change-350", Entry.imported("p2", 7001, clock.instant()));
 * }
 * }</pre>
 */
public interface TelegramLedger {

    /** Where a contact stands in the employee's Telegram account. */
    enum State {
        /** Roster imported it; {@link Entry#userId()} is the Telegram user it became. */
        IMPORTED,
        /** The number has no Telegram account (Telegram keeps it, and adds the person if they join). */
        NOT_ON_TELEGRAM,
        /** The employee had this number as their own contact before Roster: left as it was. */
        KEPT_OWN,
        /** Telegram asked to wait; Roster tries again on a later delivery. */
        PENDING_RETRY,
        /** Telegram refused, or there was nothing to send; {@link Entry#reason()} says why. */
        FAILED,
        /** The employee has no linked, ready account: nothing was sent. */
        NOT_LINKED,
        /** Roster removed it (or there was nothing of Roster's to remove). */
        REMOVED
    }

    /** What the change that led to the entry asked for. */
    enum Intent {
        IMPORT, REMOVE
    }

    /**
     * One contact in one employee's account.
     *
     * @param contactId the colleague's employee id
     * @param state     where it stands
     * @param intent    whether it was to be imported or removed
     * @param userId    the Telegram user Roster imported (0 if none)
     * @param contact   the number and name, kept only while Roster may still need them (a retry, a
     *                  colleague not yet on Telegram); {@link TelegramContact#NONE} otherwise
     * @param reason    why, in plain words, for FAILED, PENDING_RETRY, KEPT_OWN and NOT_LINKED; or ""
     * @param at        when it was recorded
     */
    record Entry(String contactId, State state, Intent intent, long userId, TelegramContact contact, String reason,
                 Instant at) {
        public Entry {
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(contact, "contact");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }

        public static Entry imported(String contactId, long userId, Instant at) {
            return new Entry(contactId, State.IMPORTED, Intent.IMPORT, userId, TelegramContact.NONE, "", at);
        }

        /**
         * Whether Telegram holds a contact Roster put there under this entry, so that a removal
         * has something to remove.
         */
        public boolean holdsRostersContact() {
            return userId != 0 && state != State.KEPT_OWN && state != State.REMOVED;
        }
    }

    /** Whether a change under this key was already recorded for the viewer. */
    boolean hasKey(String viewerId, String idempotencyKey);

    /**
     * Records the outcome of the change under the key, once: the entry becomes the contact's. A key
     * already recorded is left as it is.
     */
    void record(String viewerId, String idempotencyKey, Entry entry);

    /** Records the outcome of a retry, which has no key of its own: the entry becomes the contact's. */
    void update(String viewerId, Entry entry);

    /**
     * Records several entries at once, all or none: what Roster is about to send, written before it
     * goes, so that after a crash the contacts it may have created are still known as Roster's.
     */
    void updateAll(String viewerId, List<Entry> entries);

    /** The contact's entry in the viewer's account, if there is one. */
    Optional<Entry> entry(String viewerId, String contactId);

    /** The viewer's entries waiting for a retry ({@link State#PENDING_RETRY}), oldest first. */
    List<Entry> pending(String viewerId);

    /** The viewers with an entry waiting for a retry. */
    List<String> viewersWithPending();

    /** The Telegram users Roster put into the viewer's account and has not removed. */
    Set<Long> rostersUserIds(String viewerId);

    /**
     * The numbers (digits) of contacts Roster sent or keeps for the viewer and has not removed: a
     * colleague not on Telegram yet, an import waiting for a retry or for Telegram's answer. A user
     * with one of these numbers in the account came from Roster, not from the employee.
     */
    Set<String> rostersNumbers(String viewerId);

    /** Every entry of the viewer's account, in contact id order (one employee's colleagues, capped by policy). */
    List<Entry> entries(String viewerId);

    /**
     * Whether an entry of the viewer other than the named contact's holds this Telegram user (two
     * colleagues with one number): then removing one of them leaves the user in place.
     */
    boolean heldByAnotherContact(String viewerId, long userId, String contactId);

    /** The viewer's own contacts (not Roster's), if they were ever read. */
    Optional<OwnContacts> ownContacts(String viewerId);

    /** Adds to the contacts known to be the viewer's own (read at linking and before each delivery). */
    void addOwnContacts(String viewerId, OwnContacts own);

    /** Until when Telegram asked that nothing be sent to the viewer's account, if it did. */
    Optional<Instant> pausedUntil(String viewerId);

    /** Remembers that nothing may be sent to the viewer's account before the instant. */
    void pauseUntil(String viewerId, Instant until);
}
