package org.roster.platform.telegram;

/**
 * TDLib's JSON interface, the four functions of {@code td_json_client.h}, as Java sees them. In
 * production {@link JnaTdJson} calls the operator's {@code libtdjson}; tests use an emulator.
 *
 * <p>Requests and answers are JSON objects whose type is in {@code "@type"}; a request may carry
 * an {@code "@extra"} that its answer repeats, and everything {@link #receive} returns carries the
 * {@code "@client_id"} it is for. Updates (such as {@code updateAuthorizationState}) have no
 * {@code "@extra"}. A client starts only once the first request is sent to it.
 *
 * <pre>{@code
 * TdJson td = JnaTdJson.load(Path.of("/opt/tdlib/lib/libtdjson.so"));
 * int client = td.createClientId();
 * td.send(client, "{\"@type\":\"getAuthorizationState\",\"@extra\":\"1\"}");
 * String answerOrUpdate = td.receive(1.0); // null when nothing arrived within a second
 * }</pre>
 */
public interface TdJson {

    /** A new TDLib client's identifier ({@code td_create_client_id}). */
    int createClientId();

    /** Sends a JSON request to a client ({@code td_send}); answers come through {@link #receive}. */
    void send(int clientId, String request);

    /**
     * The next answer or update of any client ({@code td_receive}), waiting at most the given
     * seconds; null when nothing arrived. Must not be called by two threads at once.
     */
    String receive(double timeoutSeconds);

    /** Runs a request that TDLib documents as synchronous ({@code td_execute}) and returns its answer. */
    String execute(String request);
}
