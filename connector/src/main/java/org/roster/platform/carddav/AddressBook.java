package org.roster.platform.carddav;

import java.util.List;
import java.util.Optional;

import org.roster.sync.ContactCard;

/**
 * A port: each employee's address book, read-only: the contacts Roster delivers to them (only the
 * fields the policy releases), and what changed since a sync token, for CardDAV's
 * {@code sync-collection} (RFC 6578).
 *
 * <pre>{@code
 * long token = book.syncToken("p1");
 * book.changesSince("p1", token).ifPresent(changes -> ...); // empty: the token is unknown
 * }</pre>
 */
public interface AddressBook {

    /** One card, with the entity tag that changes exactly when its content does. */
    record Card(ContactCard card, String etag) {
    }

    /** What changed in an address book after a token: cards now there, and ids of cards gone. */
    record Changes(long token, List<Card> changed, List<String> removed) {
        public Changes {
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
        }
    }

    /** Every card of the viewer's address book. */
    List<Card> cards(String viewerId);

    /** One card of the viewer's address book. */
    Optional<Card> card(String viewerId, String contactId);

    /** The address book's current sync token: it grows with every change to it. */
    long syncToken(String viewerId);

    /**
     * The changes after {@code token}, or empty when the token is not one this address book gave
     * (or is too old to answer): the client must then read everything again.
     */
    Optional<Changes> changesSince(String viewerId, long token);
}
