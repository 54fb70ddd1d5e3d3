package org.roster.platform.telegram;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.roster.policy.PersonField;
import org.roster.sync.ContactCard;
import org.roster.sync.ContactChange;
import org.roster.sync.PlannedChange;
import org.roster.testing.MovableClock;

/**
 * What the Telegram tests share: a movable clock, the emulator on it, TDLib over the emulator, an
 * in-memory ledger, session directories under the test's temporary directory, and the linked
 * accounts as the server would keep them.
 */
final class TelegramFixture {

    static final int API_ID = 94575;
    static final String API_HASH = "a3406de8d171bb422bb6ddf3bbd800e2";

    final MovableClock clock = new MovableClock(Instant.parse("2025-03-03T09:00:00Z"));
    final TelegramEmulator telegram = new TelegramEmulator(clock);
    final TdLib tdlib = new TdLib(telegram);
    final InMemoryTelegramLedger ledger = new InMemoryTelegramLedger();
    final Map<String, TelegramAccount> linked = new HashMap<>();
    private final Path sessions;

    TelegramFixture(Path sessions) {
        this.sessions = sessions;
    }

    Path sessionOf(String viewerId) {
        return sessions.resolve(viewerId);
    }

    /** The key the caller keeps for the viewer's session: the same every time for one viewer. */
    static SessionKey keyOf(String viewerId) {
        try {
            return SessionKey.of(MessageDigest.getInstance("SHA-256")
                    .digest(("session key of " + viewerId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    TelegramAccount.Parameters parameters(String viewerId, SessionKey key) {
        return TelegramAccount.Parameters.of(API_ID, API_HASH, sessionOf(viewerId), key);
    }

    /** Opens the viewer's session, as the server does when they start linking. */
    TelegramAccount start(String viewerId) throws TdException {
        TelegramAccount account = TelegramAccount.start(tdlib, viewerId, parameters(viewerId, keyOf(viewerId)), ledger);
        linked.put(viewerId, account);
        return account;
    }

    /** The viewer links the account with this number all the way: number, then the code Telegram sent. */
    TelegramAccount link(String viewerId, String phoneNumber) throws TdException {
        TelegramAccount account = start(viewerId);
        account.submitPhoneNumber(phoneNumber);
        account.submitCode(telegram.loginCode(phoneNumber).orElseThrow());
        if (!account.status().ready()) {
            throw new IllegalStateException("the account did not become ready: " + account.status());
        }
        return account;
    }

    /** The accounts port as the server implements it: linked accounts that are ready. */
    TelegramAccounts accounts() {
        return viewerId -> Optional.ofNullable(linked.get(viewerId)).filter(a -> a.status().ready())
                .map(TelegramAccount::client);
    }

    /** The platform on the fixture's clock; its pauses move the clock instead of sleeping. */
    TelegramContactPlatform platform(TelegramContactPlatform.Settings settings) {
        return new TelegramContactPlatform(accounts(), ledger, clock, clock::advance, settings);
    }

    TelegramContactPlatform platform() {
        return platform(new TelegramContactPlatform.Settings(100, Duration.ofSeconds(1), Duration.ofSeconds(60)));
    }

    static PlannedChange add(String key, String contactId, String givenName, String surname, String mobile) {
        return new PlannedChange(key, new ContactChange.Add(card(contactId, givenName, surname, mobile)));
    }

    static PlannedChange update(String key, String contactId, String givenName, String surname, String mobile) {
        return new PlannedChange(key, new ContactChange.Update(card(contactId, givenName, surname, mobile)));
    }

    static PlannedChange remove(String key, String contactId) {
        return new PlannedChange(key, new ContactChange.Remove(contactId));
    }

    static ContactCard card(String contactId, String givenName, String surname, String mobile) {
        return new ContactCard(contactId, Map.of(PersonField.GIVEN_NAME, givenName, PersonField.SURNAME, surname,
                PersonField.MOBILE, mobile), "same-department");
    }

    /** The requests of one type the emulator received, in order. */
    List<TelegramEmulator.Request> requestsOf(String type) {
        return telegram.requests().stream().filter(r -> r.type().equals(type)).toList();
    }
}
