package org.roster.records;

import java.util.function.UnaryOperator;

import org.roster.platform.telegram.TelegramLedger;

/**
 * Makes the ledger of what Roster did in each Telegram account, with the key that turns the
 * numbers of an account's own contacts into digests: the key can rotate, so each ledger takes the
 * current one.
 *
 * <pre>{@code
 * TelegramLedger ledger = ledgers.digestingWith(digestKeys.numberDigest());
 * }</pre>
 */
@FunctionalInterface
public interface TelegramLedgers {

    TelegramLedger digestingWith(UnaryOperator<String> numberDigest);
}
