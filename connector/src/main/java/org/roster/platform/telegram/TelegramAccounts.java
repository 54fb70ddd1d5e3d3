package org.roster.platform.telegram;

import java.util.Optional;

/**
 * A port: which employees have linked a Telegram account that can receive contacts now. The server
 * implements it with its stored enrolments; tests with a map.
 *
 * <pre>{@code
 * TelegramAccounts accounts = viewerId -> Optional.ofNullable(linked.get(viewerId))
 *         .filter(account -> account.status().ready()).map(TelegramAccount::client);
 * }</pre>
 */
@FunctionalInterface
public interface TelegramAccounts {

    /** The client of the viewer's linked account if it is signed in and ready; empty otherwise. */
    Optional<TdClient> ready(String viewerId);
}
