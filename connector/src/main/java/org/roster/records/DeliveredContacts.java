package org.roster.records;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.roster.directory.Employee;
import org.roster.policy.PersonField;

/**
 * A read model: the contacts delivered to each viewer (only the fields the policy released), who
 * receives whose, and where each stands in the viewer's Telegram account. It only reads.
 *
 * <pre>{@code
 * List<DeliveredContacts.Delivered> mine = delivered.to("p000100");
 * long seenBy = delivered.receiverCount("p000100");
 * }</pre>
 */
public interface DeliveredContacts {

    /** The contacts delivered to the viewer, by contact id. */
    List<Delivered> to(String viewerId);

    /** One contact as delivered to the viewer, if it was. */
    Optional<Delivered> one(String viewerId, String contactId);

    /** How many viewers the contact is delivered to now. */
    long receiverCount(String contactId);

    /**
     * The first {@code limit} viewers the contact is delivered to, sorted by {@code orderBy} (name
     * fields only; the caller passes only those it may sort by) and then by id.
     */
    List<Receiver> receivers(String contactId, List<PersonField> orderBy, int limit);

    /** Where each contact delivered to the viewer stands in their Telegram account, by contact id. */
    Map<String, TelegramState> telegramStates(String viewerId);

    /** Where one contact stands in the viewer's Telegram account, if Roster tracked it there. */
    Optional<TelegramState> telegramState(String viewerId, String contactId);

    /** A contact as delivered: only the released fields, the rule that shares it, and when. */
    record Delivered(String contactId, Map<PersonField, String> fields, String rule, long run, Instant at) {
        public Delivered {
            Objects.requireNonNull(contactId, "contactId");
            fields = Map.copyOf(fields);
        }
    }

    /**
     * A viewer who receives the contact.
     *
     * @param viewer the viewer as stored; the caller shows only what the policy releases about them
     * @param rule   the visibility rule through which they receive it
     */
    record Receiver(Employee viewer, String rule) {
        public Receiver {
            Objects.requireNonNull(viewer, "viewer");
        }
    }

    /** A contact's state in Telegram as stored ({@code IMPORTED}, {@code FAILED}, ...) and why, or "". */
    record TelegramState(String state, String reason) {
        public TelegramState {
            Objects.requireNonNull(state, "state");
        }
    }
}
