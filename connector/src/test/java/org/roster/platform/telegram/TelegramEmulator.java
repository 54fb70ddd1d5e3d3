package org.roster.platform.telegram;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * A stand-in, for tests, for TDLib's JSON interface ({@code td_json_client.h}) and the Telegram
 * behind it, in-process: a {@link TdJson} whose clients behave as TDLib documents and Telegram
 * answers, for the parts Roster uses. No test reaches Telegram.
 *
 * <ul>
 *   <li><b>The JSON interface.</b> A client starts with the first request sent to it and then
 *       announces {@code updateAuthorizationState}; every answer repeats the request's
 *       {@code "@extra"}; everything received carries {@code "@client_id"}; a user is announced by
 *       {@code updateUser} before any id of theirs reaches the client. Errors are
 *       {@code error{code,message}} objects with TDLib's codes and messages.</li>
 *   <li><b>Login.</b> The authorization state machine: {@code WaitTdlibParameters} →
 *       ({@code setTdlibParameters}) {@code WaitPhoneNumber} → ({@code setAuthenticationPhoneNumber})
 *       {@code WaitCode} → ({@code checkAuthenticationCode}) {@code WaitPassword} when the account
 *       has two-step verification, {@code WaitRegistration} for a number without an account, or
 *       {@code Ready}; {@code logOut} → {@code LoggingOut}, {@code Closed} and the local session
 *       destroyed (its directory left empty); {@code close} → {@code Closing}, {@code Closed}, the
 *       session kept. Requests TDLib can't parse get its {@code 400 Failed to parse ...} answers
 *       ({@link TdlibRequestShapes}), and {@code td_execute} answers {@code getOption version} with
 *       {@link TdlibVersion#TESTED}. {@code EmulatorConformanceTest} holds all of this that can be
 *       seen without Telegram's servers against the real TDLib.
 *       Wrong codes and passwords give {@code 400 PHONE_CODE_INVALID} and
 *       {@code 400 PASSWORD_HASH_INVALID}; methods that need a signed-in account give
 *       {@code 401 Unauthorized} before it.</li>
 *   <li><b>Sessions.</b> {@code setTdlibParameters} needs a valid {@code api_id} and
 *       {@code api_hash}; it keeps the session in {@code database_directory} (a {@code td.binlog}
 *       file of the emulator's own making, holding a digest of the key) and reopening a directory
 *       with another {@code database_encryption_key} gives {@code 401 Wrong database encryption key};
 *       a directory open in another client can't be locked. Stricter than TDLib, which would
 *       accept it, an empty key is refused: Roster must encrypt every session.</li>
 *   <li><b>Contacts.</b> {@code getContacts} returns {@code users{total_count,user_ids}};
 *       {@code getUser} a {@code user} with the name the account gave the contact and the number
 *       (digits, no plus); {@code importContacts} adds or, for a number the account has, edits the
 *       contact (never a second one), returns {@code importedContacts{user_ids,importer_count}} with
 *       0 for a number not on Telegram, and keeps such numbers: when their owner joins
 *       ({@link #register}), they become a contact of each account that imported them;
 *       {@code removeContacts} removes the contacts among the ids and ignores the others.</li>
 *   <li><b>Limits.</b> {@link #throttle}: the account's next request of a method is answered
 *       {@code 429 Too Many Requests: retry after N}, and requests before the N seconds end are
 *       answered the same with the time left. {@link #limitImports}: Telegram's limit on how many
 *       new numbers an account may import; the server answers the rest as {@code retry_contacts},
 *       and, as TDLib does with them, the emulator sends those again at once and turns an answer
 *       in which all contacts sent are to be retried into {@code 429 Too Many Requests: retry after
 *       3600} for the whole request, after announcing the users imported in earlier rounds.</li>
 * </ul>
 *
 * <p>It records every request it receives ({@link #requests()}), with the time on the test's clock
 * and whether the account was told to wait then.
 *
 * <pre>{@code
 * TelegramEmulator telegram = new TelegramEmulator(clock);
 * telegram.register("+4915100000001", "Ana", "Ruiz");
 * TdLib tdlib = new TdLib(telegram);
 * // ... sign in through TelegramAccount, reading the code with telegram.loginCode("+4915100000001")
 * }</pre>
 */
public final class TelegramEmulator implements TdJson {

    /** The file, in a session's database directory, where the emulator keeps the session. */
    public static final String SESSION_FILE = "td.binlog";

    /**
     * One request as the emulator received it.
     *
     * @param at               when, on the test's clock
     * @param clientId         to which client (0 for {@code td_execute})
     * @param account          the signed-in account's number (E.164), or "" before sign-in
     * @param type             the request's {@code "@type"}
     * @param json             the request as sent
     * @param duringRetryAfter whether the account had been told to wait and the wait had not ended
     */
    public record Request(Instant at, int clientId, String account, String type, String json,
                          boolean duringRetryAfter) {
    }

    /** A contact in an account's list, with the name the account gave it. */
    public record Contact(long userId, String phoneNumber, String firstName, String lastName) {
    }

    private record Name(String first, String last) {
    }

    private static final class Account {
        final long id;
        final String phone;
        final String first;
        final String last;
        String password;
        String hint = "";
        final Map<Long, Name> contacts = new LinkedHashMap<>();
        final Map<String, Name> savedNumbers = new LinkedHashMap<>();
        int importQuota = -1;
        Instant retryAfterEnds = Instant.EPOCH;
        final Map<String, Integer> throttles = new HashMap<>();

        Account(long id, String phone, String first, String last) {
            this.id = id;
            this.phone = phone;
            this.first = first;
            this.last = last;
        }
    }

    private static final class Client {
        final int id;
        boolean started;
        String state = "";
        JsonObject stateObject;
        Path directory;
        Account account;
        String loginPhone;
        final Set<Long> announced = new HashSet<>();

        Client(int id) {
            this.id = id;
        }
    }

    private static final Set<String> NEED_SIGN_IN = Set.of("getContacts", "getUser", "importContacts",
            "removeContacts", "getMe");
    /** What a client answers before its parameters are set; anything else needs them first. */
    private static final Set<String> BEFORE_PARAMETERS = Set.of("getAuthorizationState", "setTdlibParameters",
            "close", "logOut");

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Account> byPhone = new HashMap<>();
    private final Map<Long, Account> byId = new HashMap<>();
    private final Map<Integer, Client> clients = new HashMap<>();
    private final Map<Path, Client> lockedDirectories = new HashMap<>();
    private final Map<String, String> codes = new HashMap<>();
    private long nextUserId = 5_000_001;
    private int nextClientId = 1;

    public TelegramEmulator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- what a test arranges and reads

    /** Someone signs up to Telegram with this number; returns their user id. */
    public synchronized long register(String phoneNumber, String firstName, String lastName) {
        String phone = digits(phoneNumber);
        if (byPhone.containsKey(phone)) {
            throw new IllegalStateException("the number already has a Telegram account");
        }
        Account account = new Account(nextUserId++, phone, firstName, lastName);
        byPhone.put(phone, account);
        byId.put(account.id, account);
        // accounts that imported the number get the newcomer as a contact, under the name they gave
        for (Account importer : byPhone.values()) {
            Name saved = importer.savedNumbers.get(phone);
            if (saved != null && importer != account) {
                importer.contacts.put(account.id, saved);
                announceToAccount(importer, account);
            }
        }
        return account.id;
    }

    /** Whether the number has a Telegram account. */
    public synchronized boolean isRegistered(String phoneNumber) {
        return byPhone.containsKey(digits(phoneNumber));
    }

    /** The account has two-step verification with this password and hint. */
    public synchronized void setPassword(String phoneNumber, String password, String hint) {
        Account account = account(phoneNumber);
        account.password = password;
        account.hint = hint;
    }

    /** The login code Telegram last sent for this number, if it sent one. */
    public synchronized Optional<String> loginCode(String phoneNumber) {
        return Optional.ofNullable(codes.get(digits(phoneNumber)));
    }

    /** The account's owner adds a contact in their Telegram app (not through Roster). */
    public synchronized void addContactInApp(String ownerPhone, String contactPhone, String firstName,
                                             String lastName) {
        Account owner = account(ownerPhone);
        Account contact = account(contactPhone);
        owner.contacts.put(contact.id, new Name(firstName, lastName));
        owner.savedNumbers.put(contact.phone, new Name(firstName, lastName));
    }

    /** The account's contact list as its owner sees it. */
    public synchronized List<Contact> contactsOf(String phoneNumber) {
        Account owner = account(phoneNumber);
        List<Contact> contacts = new ArrayList<>();
        owner.contacts.forEach((id, name) -> contacts.add(new Contact(id, "+" + byId.get(id).phone, name.first(),
                name.last())));
        return contacts;
    }

    /** The account's next request of the method is answered "429 Too Many Requests: retry after N". */
    public synchronized void throttle(String phoneNumber, String method, int seconds) {
        account(phoneNumber).throttles.put(method, seconds);
    }

    /** From now, the account may import only this many more numbers it does not have yet. */
    public synchronized void limitImports(String phoneNumber, int newNumbers) {
        account(phoneNumber).importQuota = newNumbers;
    }

    /** The account may import again without limit. */
    public synchronized void liftImportLimit(String phoneNumber) {
        account(phoneNumber).importQuota = -1;
    }

    /** Every request received so far, oldest first. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests that came while their account had been told to wait. */
    public synchronized List<Request> requestsDuringRetryAfter() {
        return requests.stream().filter(Request::duringRetryAfter).toList();
    }

    /** Whether a session (signed in or not) is kept in the directory. */
    public boolean hasSession(Path directory) {
        return Files.exists(directory.resolve(SESSION_FILE));
    }

    // ---- td_json_client.h

    @Override
    public synchronized int createClientId() {
        Client client = new Client(nextClientId++);
        clients.put(client.id, client);
        return client.id;
    }

    @Override
    public synchronized void send(int clientId, String request) {
        Client client = clients.get(clientId);
        TdlibRequestShapes.Parsed parsed = TdlibRequestShapes.parse(request);
        String type = parsed.type();
        Account account = client == null ? null : client.account;
        Instant now = clock.instant();
        requests.add(new Request(now, clientId, account == null ? "" : "+" + account.phone, type, request,
                account != null && account.retryAfterEnds.isAfter(now)));
        if (client == null) {
            return; // TDLib drops requests to a client id it never created
        }
        if (!client.started) {
            client.started = true;
            setState(client, stateObject("authorizationStateWaitTdlibParameters"));
        }
        if (!parsed.ok()) {
            reply(client, parsed.extra(), error(400, parsed.error()));
            return;
        }
        handle(client, type, parsed.request(), parsed.extra());
    }

    @Override
    public String receive(double timeoutSeconds) {
        try {
            return received.poll((long) (timeoutSeconds * 1_000_000), TimeUnit.MICROSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public synchronized String execute(String request) {
        TdlibRequestShapes.Parsed parsed = TdlibRequestShapes.parse(request);
        requests.add(new Request(clock.instant(), 0, "", parsed.type(), request, false));
        JsonObject answer;
        if (!parsed.ok()) {
            answer = error(400, parsed.error());
        } else if ("setLogVerbosityLevel".equals(parsed.type())) {
            answer = ok();
        } else if ("getOption".equals(parsed.type())) {
            // TDLib answers only these two options synchronously
            answer = switch (parsed.request().getString("name", "")) {
                case "version" -> Json.createObjectBuilder().add("@type", "optionValueString")
                        .add("value", TdlibVersion.TESTED).build();
                case "commit_hash" -> Json.createObjectBuilder().add("@type", "optionValueString")
                        .add("value", "roster-telegram-emulator").build();
                default -> error(400, "The option can't be get synchronously");
            };
        } else {
            answer = error(400, "The method can't be executed synchronously");
        }
        JsonObjectBuilder tagged = Json.createObjectBuilder(answer);
        if (parsed.extra() != JsonValue.NULL) {
            tagged.add("@extra", parsed.extra());
        }
        return tagged.build().toString();
    }

    // ---- the client

    private void handle(Client client, String type, JsonObject request, JsonValue extra) {
        if ("authorizationStateClosed".equals(client.state)) {
            reply(client, extra, error(500, "Request aborted"));
            return;
        }
        if ("authorizationStateWaitTdlibParameters".equals(client.state) && !BEFORE_PARAMETERS.contains(type)) {
            reply(client, extra, error(400, "Initialization parameters are needed: call setTdlibParameters first"));
            return;
        }
        switch (type) {
            case "getAuthorizationState" -> reply(client, extra, client.stateObject);
            case "setTdlibParameters" -> setTdlibParameters(client, request, extra);
            case "setAuthenticationPhoneNumber" -> setPhoneNumber(client, request, extra);
            case "checkAuthenticationCode" -> checkCode(client, request, extra);
            case "checkAuthenticationPassword" -> checkPassword(client, request, extra);
            case "logOut" -> logOut(client, extra);
            case "close" -> close(client, extra);
            default -> {
                if (!NEED_SIGN_IN.contains(type)) {
                    reply(client, extra, error(400, "The emulator does not implement " + type));
                } else if (!"authorizationStateReady".equals(client.state)) {
                    reply(client, extra, error(401, "Unauthorized"));
                } else if (waitIsRunning(client, extra) || throttled(client, type, extra)) {
                    return;
                } else {
                    signedIn(client, type, request, extra);
                }
            }
        }
    }

    private void signedIn(Client client, String type, JsonObject request, JsonValue extra) {
        Account account = client.account;
        switch (type) {
            case "getMe" -> {
                announce(client, account);
                reply(client, extra, user(account, account));
            }
            case "getContacts" -> {
                JsonArrayBuilder ids = Json.createArrayBuilder();
                for (Long id : account.contacts.keySet()) {
                    announce(client, byId.get(id));
                    ids.add(id);
                }
                reply(client, extra, Json.createObjectBuilder().add("@type", "users")
                        .add("total_count", account.contacts.size()).add("user_ids", ids).build());
            }
            case "getUser" -> {
                long id = request.getJsonNumber("user_id") == null ? 0 : request.getJsonNumber("user_id").longValue();
                Account user = byId.get(id);
                if (user == null || !client.announced.contains(id)) {
                    reply(client, extra, error(400, "User not found"));
                } else {
                    reply(client, extra, user(account, user));
                }
            }
            case "importContacts" -> importContacts(client, request, extra);
            case "removeContacts" -> removeContacts(client, request, extra);
            default -> reply(client, extra, error(400, "The emulator does not implement " + type));
        }
    }

    private boolean waitIsRunning(Client client, JsonValue extra) {
        Instant now = clock.instant();
        if (client.account.retryAfterEnds.isAfter(now)) {
            long left = (Duration.between(now, client.account.retryAfterEnds).toMillis() + 999) / 1000;
            reply(client, extra, error(429, "Too Many Requests: retry after " + left));
            return true;
        }
        return false;
    }

    private boolean throttled(Client client, String type, JsonValue extra) {
        Integer seconds = client.account.throttles.remove(type);
        if (seconds == null) {
            return false;
        }
        client.account.retryAfterEnds = clock.instant().plusSeconds(seconds);
        reply(client, extra, error(429, "Too Many Requests: retry after " + seconds));
        return true;
    }

    private void setTdlibParameters(Client client, JsonObject request, JsonValue extra) {
        if (!"authorizationStateWaitTdlibParameters".equals(client.state)) {
            reply(client, extra, error(400, "Unexpected setTdlibParameters"));
            return;
        }
        if (request.getInt("api_id", 0) <= 0) {
            reply(client, extra, error(400, "Valid api_id must be provided. Can be obtained at "
                    + "https://my.telegram.org"));
            return;
        }
        if (request.getString("api_hash", "").isEmpty()) {
            reply(client, extra, error(400, "Valid api_hash must be provided. Can be obtained at "
                    + "https://my.telegram.org"));
            return;
        }
        String directoryName = request.getString("database_directory", "");
        if (directoryName.isEmpty()) {
            reply(client, extra, error(400, "The emulator needs a database_directory"));
            return;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(request.getString("database_encryption_key", ""));
        } catch (IllegalArgumentException e) {
            reply(client, extra, error(400, "Failed to parse database_encryption_key: base64 is expected"));
            return;
        }
        if (key.length == 0) {
            reply(client, extra, error(400, "database_encryption_key is empty: the emulator insists that Roster "
                    + "encrypt every session"));
            return;
        }
        Path directory = Path.of(directoryName).toAbsolutePath().normalize();
        Path file = directory.resolve(SESSION_FILE);
        if (lockedDirectories.containsKey(directory)) {
            reply(client, extra, error(400, "Can't lock file \"" + file + "\", because it is already in use by "
                    + "current program"));
            return;
        }
        String digest = sha256(key);
        String signedIn = "";
        if (Files.exists(file)) {
            JsonObject session = readSession(file);
            if (!digest.equals(session.getString("key_sha256", ""))) {
                reply(client, extra, error(401, "Wrong database encryption key"));
                return;
            }
            signedIn = session.getString("account", "");
        } else {
            writeSession(file, digest, "");
        }
        lockedDirectories.put(directory, client);
        client.directory = directory;
        Account account = byPhone.get(signedIn);
        if (account != null) {
            client.account = account;
            setState(client, stateObject("authorizationStateReady"));
        } else {
            setState(client, stateObject("authorizationStateWaitPhoneNumber"));
        }
        reply(client, extra, ok());
    }

    private void setPhoneNumber(Client client, JsonObject request, JsonValue extra) {
        if (!"authorizationStateWaitPhoneNumber".equals(client.state)) {
            reply(client, extra, error(400, "Call to setAuthenticationPhoneNumber unexpected"));
            return;
        }
        String phone = digits(request.getString("phone_number", ""));
        if (phone.length() < 7 || phone.length() > 15) {
            reply(client, extra, error(400, "PHONE_NUMBER_INVALID"));
            return;
        }
        client.loginPhone = phone;
        String code = String.format("%05d", random.nextInt(100_000));
        codes.put(phone, code);
        setState(client, Json.createObjectBuilder().add("@type", "authorizationStateWaitCode")
                .add("code_info", Json.createObjectBuilder().add("@type", "authenticationCodeInfo")
                        .add("phone_number", "+" + phone)
                        .add("type", Json.createObjectBuilder().add("@type", "authenticationCodeTypeTelegramMessage")
                                .add("length", 5))
                        .add("next_type", JsonValue.NULL)
                        .add("timeout", 0))
                .build());
        reply(client, extra, ok());
    }

    private void checkCode(Client client, JsonObject request, JsonValue extra) {
        if (!"authorizationStateWaitCode".equals(client.state)) {
            reply(client, extra, error(400, "Call to checkAuthenticationCode unexpected"));
            return;
        }
        if (!request.getString("code", "").equals(codes.get(client.loginPhone))) {
            reply(client, extra, error(400, "PHONE_CODE_INVALID"));
            return;
        }
        Account account = byPhone.get(client.loginPhone);
        if (account == null) {
            setState(client, Json.createObjectBuilder().add("@type", "authorizationStateWaitRegistration")
                    .add("terms_of_service", JsonValue.NULL).build());
        } else if (account.password != null) {
            setState(client, Json.createObjectBuilder().add("@type", "authorizationStateWaitPassword")
                    .add("password_hint", account.hint).add("has_recovery_email_address", false)
                    .add("has_passport_data", false).add("recovery_email_address_pattern", "").build());
        } else {
            signIn(client, account);
        }
        reply(client, extra, ok());
    }

    private void checkPassword(Client client, JsonObject request, JsonValue extra) {
        if (!"authorizationStateWaitPassword".equals(client.state)) {
            reply(client, extra, error(400, "Call to checkAuthenticationPassword unexpected"));
            return;
        }
        Account account = byPhone.get(client.loginPhone);
        if (!account.password.equals(request.getString("password", ""))) {
            reply(client, extra, error(400, "PASSWORD_HASH_INVALID"));
            return;
        }
        signIn(client, account);
        reply(client, extra, ok());
    }

    private void signIn(Client client, Account account) {
        client.account = account;
        Path file = client.directory.resolve(SESSION_FILE);
        writeSession(file, readSession(file).getString("key_sha256"), account.phone);
        setState(client, stateObject("authorizationStateReady"));
    }

    private void logOut(Client client, JsonValue extra) {
        if (client.directory == null) {
            reply(client, extra, error(400, "Call to logOut unexpected"));
            return;
        }
        setState(client, stateObject("authorizationStateLoggingOut"));
        reply(client, extra, ok());
        // TDLib destroys all local data of a session that logged out
        try {
            Files.deleteIfExists(client.directory.resolve(SESSION_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client.account = null;
        closed(client);
    }

    private void close(Client client, JsonValue extra) {
        reply(client, extra, ok());
        setState(client, stateObject("authorizationStateClosing"));
        closed(client);
    }

    private void closed(Client client) {
        // as TDLib 1.8.67 does, a session that logged out goes from LoggingOut straight to Closed
        setState(client, stateObject("authorizationStateClosed"));
        if (client.directory != null) {
            lockedDirectories.remove(client.directory);
        }
    }

    // ---- contacts

    private void importContacts(Client client, JsonObject request, JsonValue extra) {
        JsonValue value = request.get("contacts");
        if (!(value instanceof JsonArray contacts)) {
            reply(client, extra, error(400, "Contacts must be non-empty"));
            return;
        }
        List<String> phones = new ArrayList<>();
        List<Name> names = new ArrayList<>();
        for (JsonValue element : contacts) {
            if (!(element instanceof JsonObject contact)) {
                reply(client, extra, error(400, "Contact must be non-empty"));
                return;
            }
            phones.add(digits(contact.getString("phone_number", "")));
            names.add(new Name(contact.getString("first_name", ""), contact.getString("last_name", "")));
        }
        int size = phones.size();
        long[] userIds = new long[size];
        int[] importers = new int[size];
        List<Integer> sending = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            sending.add(i);
        }
        // the server's rounds, and TDLib sending the retry_contacts again at once, as UserManager does
        while (!sending.isEmpty()) {
            List<Integer> retry = new ArrayList<>();
            Account account = client.account;
            for (int i : sending) {
                String phone = phones.get(i);
                Account user = byPhone.get(phone);
                boolean known = account.savedNumbers.containsKey(phone)
                        || (user != null && account.contacts.containsKey(user.id));
                if (!known && account.importQuota == 0) {
                    retry.add(i);
                    continue;
                }
                if (!known && account.importQuota > 0) {
                    account.importQuota--;
                }
                account.savedNumbers.put(phone, names.get(i));
                if (user != null && user != account) {
                    account.contacts.put(user.id, names.get(i));
                    userIds[i] = user.id;
                    announceToAccount(account, user);
                } else if (user == null) {
                    importers[i] = (int) byPhone.values().stream()
                            .filter(a -> a.savedNumbers.containsKey(phone)).count();
                }
            }
            if (retry.size() == sending.size()) {
                reply(client, extra, error(429, "Too Many Requests: retry after 3600"));
                return;
            }
            sending = retry;
        }
        JsonArrayBuilder ids = Json.createArrayBuilder();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        for (int i = 0; i < size; i++) {
            ids.add(userIds[i]);
            counts.add(importers[i]);
        }
        reply(client, extra, Json.createObjectBuilder().add("@type", "importedContacts").add("user_ids", ids)
                .add("importer_count", counts).build());
    }

    private void removeContacts(Client client, JsonObject request, JsonValue extra) {
        JsonValue value = request.get("user_ids");
        if (!(value instanceof JsonArray ids)) {
            reply(client, extra, error(400, "user_ids must be given"));
            return;
        }
        Account account = client.account;
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.getJsonNumber(i).longValue();
            Account user = byId.get(id);
            if (user != null && account.contacts.remove(id) != null) {
                account.savedNumbers.remove(user.phone);
                announceToAccount(account, user);
            }
        }
        reply(client, extra, ok());
    }

    private void announceToAccount(Account account, Account user) {
        for (Client client : clients.values()) {
            if (client.account == account && "authorizationStateReady".equals(client.state)) {
                client.announced.add(user.id);
                emit(client, Json.createObjectBuilder().add("@type", "updateUser").add("user", user(account, user))
                        .build());
            }
        }
    }

    private void announce(Client client, Account user) {
        if (client.announced.add(user.id)) {
            emit(client, Json.createObjectBuilder().add("@type", "updateUser").add("user", user(client.account, user))
                    .build());
        }
    }

    private JsonObject user(Account viewer, Account user) {
        Name contactName = viewer.contacts.get(user.id);
        boolean contact = contactName != null;
        boolean mutual = contact && user.contacts.containsKey(viewer.id);
        boolean numberKnown = contact || viewer == user || viewer.savedNumbers.containsKey(user.phone);
        return Json.createObjectBuilder()
                .add("@type", "user")
                .add("id", user.id)
                .add("first_name", contact ? contactName.first() : user.first)
                .add("last_name", contact ? contactName.last() : user.last)
                .add("usernames", JsonValue.NULL)
                .add("phone_number", numberKnown ? user.phone : "")
                .add("status", Json.createObjectBuilder().add("@type", "userStatusRecently"))
                .add("is_contact", contact)
                .add("is_mutual_contact", mutual)
                .add("is_close_friend", false)
                .add("is_premium", false)
                .add("is_support", false)
                .add("have_access", true)
                .add("type", Json.createObjectBuilder().add("@type", "userTypeRegular"))
                .add("language_code", "")
                .build();
    }

    // ---- plumbing

    private void setState(Client client, JsonObject state) {
        client.state = state.getString("@type");
        client.stateObject = state;
        emit(client, Json.createObjectBuilder().add("@type", "updateAuthorizationState")
                .add("authorization_state", state).build());
    }

    private void reply(Client client, JsonValue extra, JsonObject answer) {
        JsonObjectBuilder tagged = Json.createObjectBuilder(answer);
        if (extra != JsonValue.NULL) {
            tagged.add("@extra", extra);
        }
        emit(client, tagged.build());
    }

    private void emit(Client client, JsonObject object) {
        received.add(Json.createObjectBuilder(object).add("@client_id", client.id).build().toString());
    }

    private static JsonObject stateObject(String type) {
        return Json.createObjectBuilder().add("@type", type).build();
    }

    private static JsonObject ok() {
        return Json.createObjectBuilder().add("@type", "ok").build();
    }

    private static JsonObject error(int code, String message) {
        return Json.createObjectBuilder().add("@type", "error").add("code", code).add("message", message).build();
    }

    private Account account(String phoneNumber) {
        Account account = byPhone.get(digits(phoneNumber));
        if (account == null) {
            throw new IllegalArgumentException("no Telegram account has that number: register it first");
        }
        return account;
    }

    private static String digits(String phone) {
        return TelegramContact.digitsOf(phone);
    }

    private static JsonObject readSession(Path file) {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeSession(Path file, String keyDigest, String account) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.createObjectBuilder().add("emulator", "roster-telegram-emulator")
                    .add("key_sha256", keyDigest).add("account", account).build().toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
