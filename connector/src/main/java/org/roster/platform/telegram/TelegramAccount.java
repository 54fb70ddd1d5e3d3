package org.roster.platform.telegram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.roster.sync.RunLines;

/**
 * One employee's Telegram account as Roster links it: a TDLib session in its own directory,
 * encrypted with a key the caller keeps, signed in step by step (phone number, login code, and the
 * two-step verification password if the account has one), and unlinked by signing out and deleting
 * the session. When the account becomes ready it reads the employee's existing contacts, so that
 * Roster never renames or removes a contact the employee made.
 *
 * <pre>{@code
 * TelegramAccount account = TelegramAccount.start(tdlib, "p1",
 *         TelegramAccount.Parameters.of(apiId, apiHash, Path.of("sessions/p1"), key), ledger);
 * account.submitPhoneNumber("+4915112345678");
 * account.submitCode("12345");              // the code Telegram sent to the employee's app
 * if (account.status() == TelegramAccount.Status.WAITING_FOR_PASSWORD) {
 *     account.submitPassword(password);
 * }
 * account.status().describe();              // "linked: colleagues are delivered to this account"
 * account.unlink();                         // signs out, deletes the session directory
 * }</pre>
 */
public final class TelegramAccount {

    private static final Logger LOG = Logger.getLogger(TelegramAccount.class.getName());
    private static final Duration STEP = Duration.ofSeconds(60);
    /**
     * How long a session stays open at least before it is closed or logged out. TDLib 1.8.67 can
     * abort the whole process (ObjectPool.h:191, {@code storage_count_.load() == 0}) when a client
     * closes just after it started its network layer: seen about once in some hundred sessions
     * opened and closed in quick succession, never with half a second between.
     */
    static final Duration SETTLE = Duration.ofSeconds(1);

    /** Where the login stands, in words an employee understands. */
    public enum Status {
        STARTING("Roster is opening the Telegram session"),
        WAITING_FOR_PHONE_NUMBER("enter the phone number of your Telegram account, with its country code"),
        WAITING_FOR_CODE("Telegram sent a login code to your Telegram app (or by SMS): enter it"),
        WAITING_FOR_PASSWORD("your account has two-step verification: enter its password"),
        WAITING_FOR_REGISTRATION("this phone number has no Telegram account: sign up in the Telegram app first, "
                + "then link again"),
        UNSUPPORTED_STEP("Telegram asks for a login step Roster does not offer: unlink and link again"),
        READY("linked: your colleagues are delivered to this Telegram account"),
        LOGGING_OUT("Roster is signing out of the Telegram account"),
        CLOSING("Roster is closing the Telegram session"),
        CLOSED("not linked: the Telegram session is closed");

        private final String description;

        Status(String description) {
            this.description = description;
        }

        /** What the state means and what to do, in plain words. */
        public String describe() {
            return description;
        }

        /** Whether the account can receive contacts. */
        public boolean ready() {
            return this == READY;
        }

        static Status of(String authorizationStateType) {
            return switch (authorizationStateType) {
                case "", "authorizationStateWaitTdlibParameters" -> STARTING;
                case "authorizationStateWaitPhoneNumber" -> WAITING_FOR_PHONE_NUMBER;
                case "authorizationStateWaitCode" -> WAITING_FOR_CODE;
                case "authorizationStateWaitPassword" -> WAITING_FOR_PASSWORD;
                case "authorizationStateWaitRegistration" -> WAITING_FOR_REGISTRATION;
                case "authorizationStateReady" -> READY;
                case "authorizationStateLoggingOut" -> LOGGING_OUT;
                case "authorizationStateClosing" -> CLOSING;
                case "authorizationStateClosed" -> CLOSED;
                default -> UNSUPPORTED_STEP;
            };
        }
    }

    /**
     * How the TDLib session is opened.
     *
     * @param apiId              the operator's Telegram application id (my.telegram.org)
     * @param apiHash            its hash; never shown by {@code toString}
     * @param databaseDirectory  the session's own directory
     * @param databaseEncryptionKey the key the session is encrypted with, the same at every opening
     * @param systemLanguageCode the language Telegram uses for messages, e.g. {@code en}
     * @param deviceModel        the device name the employee sees among their sessions
     * @param applicationVersion the application version the employee sees among their sessions
     */
    public record Parameters(int apiId, String apiHash, Path databaseDirectory, SessionKey databaseEncryptionKey,
                             String systemLanguageCode, String deviceModel, String applicationVersion) {
        public Parameters {
            if (apiId <= 0) {
                throw new IllegalArgumentException(
                        "the Telegram api_id must be a positive number from my.telegram.org");
            }
            if (Objects.requireNonNull(apiHash, "apiHash").isBlank()) {
                throw new IllegalArgumentException("the Telegram api_hash is empty: take it from my.telegram.org");
            }
            Objects.requireNonNull(databaseDirectory, "databaseDirectory");
            Objects.requireNonNull(databaseEncryptionKey, "databaseEncryptionKey");
            Objects.requireNonNull(systemLanguageCode, "systemLanguageCode");
            Objects.requireNonNull(deviceModel, "deviceModel");
            Objects.requireNonNull(applicationVersion, "applicationVersion");
        }

        /** Parameters with Roster's defaults: English, shown as "Roster" among the employee's sessions. */
        public static Parameters of(int apiId, String apiHash, Path databaseDirectory, SessionKey key) {
            return new Parameters(apiId, apiHash, databaseDirectory, key, "en", "Roster directory sync", "Roster");
        }

        @Override
        public String toString() {
            return "Parameters[apiId=" + apiId + ", apiHash=redacted, databaseDirectory=" + databaseDirectory
                    + ", databaseEncryptionKey=redacted]";
        }
    }

    private final TdClient client;
    private final String viewerId;
    private final Path directory;
    private final TelegramLedger ledger;
    private final long openedAt = System.nanoTime();

    private TelegramAccount(TdClient client, String viewerId, Path directory, TelegramLedger ledger) {
        this.client = client;
        this.viewerId = viewerId;
        this.directory = directory;
        this.ledger = ledger;
    }

    /**
     * Opens the employee's session: a new one waits for the phone number, one signed in before is
     * ready at once.
     *
     * @throws TdException if TDLib refuses the parameters (a wrong key for the directory, a
     *                     directory in use, a wrong api_id); the message says which in plain words
     */
    public static TelegramAccount start(TdLib tdlib, String viewerId, Parameters parameters, TelegramLedger ledger)
            throws TdException {
        Objects.requireNonNull(viewerId, "viewerId");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(ledger, "ledger");
        TdClient client = tdlib.newClient();
        TelegramAccount account = new TelegramAccount(client, viewerId,
                parameters.databaseDirectory().toAbsolutePath(), ledger);
        // the first request starts the client, which then announces that it waits for its parameters
        client.call(request("getAuthorizationState").build());
        String state = client.awaitAuthorizationState(type -> !type.isEmpty(), STEP).getString("@type");
        if ("authorizationStateWaitTdlibParameters".equals(state)) {
            try {
                client.call(Json.createObjectBuilder()
                        .add("@type", "setTdlibParameters")
                        .add("use_test_dc", false)
                        .add("database_directory", account.directory.toString())
                        .add("files_directory", "")
                        .add("database_encryption_key", parameters.databaseEncryptionKey().base64())
                        .add("use_file_database", false)
                        .add("use_chat_info_database", true)
                        .add("use_message_database", false)
                        .add("use_secret_chats", false)
                        .add("api_id", parameters.apiId())
                        .add("api_hash", parameters.apiHash())
                        .add("system_language_code", parameters.systemLanguageCode())
                        .add("device_model", parameters.deviceModel())
                        .add("system_version", "")
                        .add("application_version", parameters.applicationVersion())
                        .build());
            } catch (TdException e) {
                account.closeQuietly();
                throw explainParameters(e, viewerId, account.directory);
            }
            client.awaitAuthorizationState(type -> !"authorizationStateWaitTdlibParameters".equals(type), STEP);
        }
        if (account.status().ready() && ledger.ownContacts(viewerId).isEmpty()) {
            account.rememberOwnContacts();
        }
        LOG.info(RunLines.prefix() + "Telegram session of employee " + viewerId + " opened: " + account.status());
        return account;
    }

    /** Where the login stands now. */
    public Status status() {
        return Status.of(client.authorizationStateType());
    }

    /** The hint the employee gave their two-step verification password, when it is asked for. */
    public Optional<String> passwordHint() {
        return client.authorizationState()
                .filter(state -> "authorizationStateWaitPassword".equals(state.getString("@type", "")))
                .map(state -> state.getString("password_hint", ""))
                .filter(hint -> !hint.isEmpty());
    }

    /** The TDLib client, for delivery once the account is ready. */
    public TdClient client() {
        return client;
    }

    /** The employee this account belongs to. */
    public String viewerId() {
        return viewerId;
    }

    /**
     * Submits the account's phone number (E.164, e.g. {@code +4915112345678}); Telegram then sends a
     * login code.
     */
    public Status submitPhoneNumber(String phoneNumber) throws TdException {
        expect(Status.WAITING_FOR_PHONE_NUMBER, "a phone number");
        try {
            client.call(request("setAuthenticationPhoneNumber").add("phone_number", phoneNumber)
                    .add("settings", JsonValue.NULL).build());
        } catch (TdException e) {
            throw explain(e);
        }
        return awaitLeaving("authorizationStateWaitPhoneNumber");
    }

    /** Submits the login code Telegram sent; a wrong code leaves the account waiting for the right one. */
    public Status submitCode(String code) throws TdException {
        expect(Status.WAITING_FOR_CODE, "a login code");
        try {
            client.call(request("checkAuthenticationCode").add("code", code.strip()).build());
        } catch (TdException e) {
            throw explain(e);
        }
        return signedIn(awaitLeaving("authorizationStateWaitCode"));
    }

    /** Submits the two-step verification password. */
    public Status submitPassword(char[] password) throws TdException {
        expect(Status.WAITING_FOR_PASSWORD, "a password");
        try {
            client.call(request("checkAuthenticationPassword").add("password", new String(password)).build());
        } catch (TdException e) {
            throw explain(e);
        }
        return signedIn(awaitLeaving("authorizationStateWaitPassword"));
    }

    /**
     * Signs out of Telegram (which ends the session on Telegram's side and destroys TDLib's local
     * data) and deletes the session directory. Contacts Roster imported stay in the account.
     *
     * @throws TdException if Telegram could not be told; the session then stays as it was
     */
    public void unlink() throws TdException {
        Status status = status();
        if (status != Status.CLOSED) {
            if (status != Status.LOGGING_OUT && status != Status.CLOSING) {
                settle();
                try {
                    client.call(request("logOut").build());
                } catch (TdException e) {
                    throw e.explained("Roster could not sign out of the Telegram account (" + e.code() + " "
                            + e.tdlibMessage() + "); it is still linked: try again later");
                }
            }
            client.awaitAuthorizationState("authorizationStateClosed"::equals, STEP);
        }
        deleteDirectory();
        LOG.info("Telegram account of employee " + viewerId + " unlinked; its session directory is deleted");
    }

    /** Closes the session, keeping it for the next start (at server shutdown). */
    public void close() throws TdException {
        Status status = status();
        if (status == Status.CLOSED) {
            return;
        }
        if (status != Status.CLOSING && status != Status.LOGGING_OUT) {
            settle();
            client.call(request("close").build());
        }
        client.awaitAuthorizationState("authorizationStateClosed"::equals, STEP);
    }

    /**
     * Reads the employee's current contacts and remembers them as their own, leaving out those
     * Roster put there itself.
     */
    void rememberOwnContacts() throws TdException {
        JsonObject users = client.call(request("getContacts").build());
        JsonArray ids = users.getJsonArray("user_ids");
        Set<Long> rosters = ledger.rostersUserIds(viewerId);
        Set<Long> own = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.getJsonNumber(i).longValue();
            if (rosters.contains(id)) {
                continue;
            }
            own.add(id);
            JsonObject user = client.call(request("getUser").add("user_id", id).build());
            String number = TelegramContact.digitsOf(user.getString("phone_number", ""));
            if (!number.isEmpty()) {
                numbers.add(number);
            }
        }
        ledger.addOwnContacts(viewerId, new OwnContacts(own, numbers));
        LOG.info(RunLines.prefix() + "employee " + viewerId + " had " + own.size()
                + " contacts of their own in Telegram");
    }

    private Status signedIn(Status status) throws TdException {
        if (status.ready()) {
            rememberOwnContacts();
        }
        return status;
    }

    private void expect(Status expected, String what) {
        Status now = status();
        if (now != expected) {
            throw new IllegalStateException("Telegram does not ask for " + what + " now: " + now.describe());
        }
    }

    private Status awaitLeaving(String stateType) throws TdException {
        return Status.of(client.awaitAuthorizationState(type -> !stateType.equals(type), STEP).getString("@type"));
    }

    private static TdException explain(TdException e) {
        if (e instanceof TdException.RetryAfter) {
            return e;
        }
        String message = e.tdlibMessage();
        if (message.startsWith("PHONE_NUMBER_INVALID")) {
            return e.explained("Telegram does not accept this phone number: write it with its country code, "
                    + "such as +49 151 ...");
        }
        if (message.startsWith("PHONE_NUMBER_BANNED")) {
            return e.explained("Telegram has banned this phone number");
        }
        if (message.startsWith("PHONE_CODE_INVALID")) {
            return e.explained("the login code is not right: enter the code Telegram just sent");
        }
        if (message.startsWith("PHONE_CODE_EXPIRED")) {
            return e.explained("the login code has expired: unlink and start again with the phone number");
        }
        if (message.startsWith("PASSWORD_HASH_INVALID")) {
            return e.explained("the two-step verification password is not right");
        }
        return e.explained("Telegram refused this step (" + e.code() + " " + message + ")");
    }

    private static TdException explainParameters(TdException e, String viewerId, Path directory) {
        String message = e.tdlibMessage();
        if (message.contains("Wrong database encryption key")) {
            // TDLib keeps the directory encrypted with the key it was made with and opens it with no other
            return e.explained("the Telegram session of " + viewerId + " can't be opened with the key Roster holds "
                    + "for it: wrong database encryption key (session directory " + directory + "); unlink the "
                    + "account and link it again");
        }
        if (message.contains("Can't lock file")) {
            return e.explained("the Telegram session in " + directory + " is already open elsewhere");
        }
        if (message.contains("api_id") || message.contains("api_hash") || message.contains("API_ID")) {
            return e.explained("Telegram does not accept the configured api_id and api_hash: take them from "
                    + "my.telegram.org");
        }
        return e.explained("the Telegram session in " + directory + " can't be opened (" + e.code() + " "
                + message + ")");
    }

    /** Waits, taking in what TDLib sends meanwhile, until the session has been open for {@link #SETTLE}. */
    private void settle() {
        long left;
        while ((left = openedAt + SETTLE.toNanos() - System.nanoTime()) > 0) {
            client.receiveFor(left);
        }
    }

    private void closeQuietly() {
        try {
            client.call(request("close").build());
            client.awaitAuthorizationState("authorizationStateClosed"::equals, STEP);
        } catch (TdException e) {
            LOG.warning("the Telegram session of employee " + viewerId + " did not close: " + e.getMessage());
        }
    }

    private void deleteDirectory() throws TdException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new TdException(TdException.NO_ANSWER, "session directory not deleted", "signed out of Telegram, "
                    + "but the session directory " + directory + " could not be deleted: " + e.getMessage());
        }
    }

    static JsonObjectBuilder request(String type) {
        return Json.createObjectBuilder().add("@type", type);
    }

    @Override
    public String toString() {
        return "TelegramAccount[" + viewerId + ", " + status() + "]";
    }
}
