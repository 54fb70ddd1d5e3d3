package org.roster.platform.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One TDLib client, that is one Telegram session of one account: sends requests and returns their
 * answers, and follows the client's updates ({@code updateAuthorizationState} for where the login
 * stands, {@code updateUser} for the users it learns about).
 *
 * <p>Request bodies hold phone numbers and names, so only request and answer types are logged.
 *
 * <pre>{@code
 * JsonObject users = client.call(Json.createObjectBuilder().add("@type", "getContacts").build());
 * users.getJsonArray("user_ids");
 * }</pre>
 */
public final class TdClient {

    private static final Logger LOG = Logger.getLogger(TdClient.class.getName());
    /** How long a request may take: TDLib waits out short flood waits itself, up to about a minute. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);
    /** How many recent {@code updateUser}s are kept for {@link #usersUpdatedSince}. */
    private static final int KEPT_USER_UPDATES = 10_000;

    private final TdLib lib;
    private final int id;
    private volatile JsonObject authorizationState;
    private final Deque<JsonObject> userUpdates = new ArrayDeque<>();
    private long userUpdateCount;

    TdClient(TdLib lib, int id) {
        this.lib = Objects.requireNonNull(lib, "lib");
        this.id = id;
    }

    /** TDLib's identifier of this client. */
    public int id() {
        return id;
    }

    /** Sends a request and returns its answer, waiting at most {@link #DEFAULT_TIMEOUT}. */
    public JsonObject call(JsonObject request) throws TdException {
        return call(request, DEFAULT_TIMEOUT);
    }

    /**
     * Sends a request (a JSON object with its {@code "@type"}) and returns its answer.
     *
     * @throws TdException.RetryAfter if Telegram asks to wait before the next request
     * @throws TdException            if TDLib answers with an {@code error}, or not in time
     */
    public JsonObject call(JsonObject request, Duration timeout) throws TdException {
        String type = request.getString("@type", "");
        if (type.isEmpty()) {
            throw new IllegalArgumentException("a TDLib request needs its \"@type\"");
        }
        JsonObject answer = lib.exchange(id, type, request, timeout);
        String answerType = answer.getString("@type", "");
        if ("error".equals(answerType)) {
            TdException error = TdException.of(answer.getInt("code", 500), answer.getString("message", ""));
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine("TDLib client " + id + ": " + type + " was refused with " + error.code());
            }
            throw error;
        }
        if (LOG.isLoggable(Level.FINEST)) {
            LOG.finest("TDLib client " + id + ": " + type + " answered " + answerType);
        }
        return answer;
    }

    /**
     * The client's authorization state as last announced ({@code authorizationStateReady}...), after
     * taking in whatever TDLib has already sent; empty before the first announcement.
     */
    public Optional<JsonObject> authorizationState() {
        lib.receiveAvailable();
        return Optional.ofNullable(authorizationState);
    }

    /** The type of the last announced authorization state, or "" before the first. */
    public String authorizationStateType() {
        return authorizationState().map(TdClient::stateType).orElse("");
    }

    /**
     * Waits until the announced authorization state's type satisfies the condition.
     *
     * @throws TdException if it does not within the timeout
     */
    public JsonObject awaitAuthorizationState(Predicate<String> condition, Duration timeout) throws TdException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonObject state = authorizationState;
            if (state != null && condition.test(stateType(state))) {
                return state;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TdException(TdException.NO_ANSWER, "no authorization state",
                        "the Telegram session did not move on from " + (state == null ? "starting" : stateType(state))
                                + " within " + timeout.toSeconds() + " seconds");
            }
            lib.receiveFor(left);
        }
    }

    /** Takes in what TDLib sends, for any client, for up to the given time. */
    void receiveFor(long nanos) {
        lib.receiveFor(nanos);
    }

    /** A mark to pass to {@link #usersUpdatedSince} later. */
    public synchronized long updateMark() {
        return userUpdateCount;
    }

    /** The {@code user} objects of the {@code updateUser}s that arrived after the mark was taken. */
    public synchronized List<JsonObject> usersUpdatedSince(long mark) {
        long first = userUpdateCount - userUpdates.size();
        List<JsonObject> users = new ArrayList<>();
        long n = first;
        for (JsonObject user : userUpdates) {
            if (n++ >= mark) {
                users.add(user);
            }
        }
        return users;
    }

    void update(JsonObject update) {
        String type = update.getString("@type", "");
        if ("updateAuthorizationState".equals(type)) {
            JsonValue state = update.get("authorization_state");
            if (state instanceof JsonObject object) {
                authorizationState = object;
                if (LOG.isLoggable(Level.FINE)) {
                    LOG.fine("TDLib client " + id + " is now " + stateType(object));
                }
            }
        } else if ("updateUser".equals(type) && update.get("user") instanceof JsonObject user) {
            synchronized (this) {
                userUpdates.addLast(user);
                userUpdateCount++;
                if (userUpdates.size() > KEPT_USER_UPDATES) {
                    userUpdates.removeFirst();
                }
            }
        }
    }

    static String stateType(JsonObject state) {
        return state == null ? "" : state.getString("@type", "");
    }
}
