package org.roster.platform.telegram;

import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * One loaded TDLib shared by all of Roster's Telegram clients. {@code td_receive} returns what
 * arrives for every client and may be called by one thread at a time, so this is where it is
 * called: whichever thread waits for an answer receives for everyone, handing answers to their
 * waiting requests by {@code "@extra"} and updates to their client by {@code "@client_id"}.
 *
 * <p>It lowers TDLib's own log to errors when it starts: from verbosity 3 on, TDLib writes requests
 * and answers, names and phone numbers included, to its log.
 *
 * <pre>{@code
 * TdLib tdlib = new TdLib(JnaTdJson.load(Path.of("/opt/tdlib/lib/libtdjson.so")));
 * TdClient client = tdlib.newClient();
 * }</pre>
 */
public final class TdLib {

    private static final Logger LOG = Logger.getLogger(TdLib.class.getName());
    /** The longest single {@code td_receive}, so a waiting thread notices its deadline. */
    private static final long LONGEST_RECEIVE = TimeUnit.SECONDS.toNanos(1);

    private final TdJson td;
    private final ReentrantLock receiving = new ReentrantLock();
    private final Object arrivals = new Object();
    private final Map<String, JsonObject> answers = new ConcurrentHashMap<>();
    private final Set<String> awaited = ConcurrentHashMap.newKeySet();
    private final Map<Integer, TdClient> clients = new ConcurrentHashMap<>();
    private final AtomicLong extras = new AtomicLong();

    public TdLib(TdJson td) {
        this.td = Objects.requireNonNull(td, "td");
        td.execute("{\"@type\":\"setLogVerbosityLevel\",\"new_verbosity_level\":1}");
    }

    /** A new TDLib client; it starts with the first request sent to it. */
    public TdClient newClient() {
        int id = td.createClientId();
        TdClient client = new TdClient(this, id);
        clients.put(id, client);
        return client;
    }

    /** Sends a request and waits for its answer (or an {@code error}), receiving for everyone meanwhile. */
    JsonObject exchange(int clientId, String type, JsonObject request, Duration timeout) throws TdException {
        String extra = "roster-" + extras.incrementAndGet();
        JsonObject tagged = Json.createObjectBuilder(request).add("@extra", extra).build();
        awaited.add(extra);
        try {
            td.send(clientId, tagged.toString());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                JsonObject answer = answers.remove(extra);
                if (answer != null) {
                    return answer;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TdException(TdException.NO_ANSWER, "no answer", "TDLib did not answer " + type
                            + " within " + timeout.toSeconds() + " seconds");
                }
                receiveFor(left);
            }
        } finally {
            awaited.remove(extra);
            answers.remove(extra);
        }
    }

    /** Routes whatever has already arrived, without waiting. */
    void receiveAvailable() {
        if (receiving.tryLock()) {
            try {
                String raw;
                while ((raw = td.receive(0)) != null) {
                    route(raw);
                }
            } finally {
                receiving.unlock();
            }
            signal();
        }
    }

    /**
     * Receives for up to the given time; while another thread is receiving, waits for it to route
     * something instead.
     */
    void receiveFor(long nanos) {
        if (receiving.tryLock()) {
            try {
                String raw = td.receive(Math.min(nanos, LONGEST_RECEIVE) / 1e9);
                if (raw != null) {
                    route(raw);
                }
            } finally {
                receiving.unlock();
            }
            signal();
        } else {
            synchronized (arrivals) {
                try {
                    arrivals.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(nanos), 50)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void signal() {
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
    }

    private void route(String raw) {
        JsonObject message;
        try (JsonReader reader = Json.createReader(new StringReader(raw))) {
            message = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            // the text may hold anything: say only that it was not JSON
            LOG.warning("TDLib returned something that is not a JSON object; it is ignored");
            return;
        }
        JsonValue extra = message.get("@extra");
        if (extra instanceof JsonString tag) {
            if (awaited.contains(tag.getString())) {
                answers.put(tag.getString(), message);
            } else if (LOG.isLoggable(Level.FINE)) {
                LOG.fine("an answer (" + message.getString("@type", "?") + ") came after its request gave up waiting");
            }
            return;
        }
        JsonValue clientId = message.get("@client_id");
        TdClient client = clientId != null && clientId.getValueType() == JsonValue.ValueType.NUMBER
                ? clients.get(message.getInt("@client_id")) : null;
        if (client != null) {
            client.update(message);
            if ("updateAuthorizationState".equals(message.getString("@type", "")) && "authorizationStateClosed"
                    .equals(TdClient.stateType(message.getJsonObject("authorization_state")))) {
                clients.remove(client.id());
            }
        }
    }
}
