package org.roster.sync;

import java.util.List;

/**
 * A port: where contacts are delivered (Telegram; until an employee links an account, a record of
 * what would be sent). Adapters are named for what they use.
 *
 * <pre>{@code
 * platform.deliver(viewerId, List.of(new PlannedChange("run-7/change-350", change)));
 * }</pre>
 */
public interface ContactPlatform {

    /** A short name for the API and logs, e.g. {@code recorded}. */
    String name();

    /**
     * Applies changes to one viewer's contact list. The same change may arrive more than once
     * (after a crash, before Roster recorded it as delivered): a change whose idempotency key was
     * applied before must not be applied again.
     *
     * @throws DeliveryException if the platform refused; nothing is then recorded as delivered
     */
    void deliver(String viewerId, List<PlannedChange> changes) throws DeliveryException;

    /** The platform refused or failed; the message says what happened, without personal data. */
    final class DeliveryException extends Exception {
        private static final long serialVersionUID = 1L;

        public DeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
