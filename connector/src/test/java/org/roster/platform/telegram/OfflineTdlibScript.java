package org.roster.platform.telegram;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * One script of what TDLib does without Telegram's servers, run against any {@link TdJson}, written
 * down as a transcript of plain lines: the answers of {@code td_execute}, the authorization states a
 * client announces, its answers to requests it can't parse, to requests that need a signed-in
 * account, to parameters with another key, and what a logged-out session leaves on disk. Run against
 * the emulator and against the real TDLib, the two transcripts must be the same.
 *
 * <p>The order of a state update and an answer within one step is not written down (TDLib sends
 * them from different actors), nor the text after "Failed to parse request as JSON object:" (the
 * JSON parser's own words about where the text went wrong).
 */
final class OfflineTdlibScript {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String NOT_JSON = "Failed to parse request as JSON object";

    private final TdJson td;
    private final Path sessions;
    private final List<String> transcript = new ArrayList<>();
    private final AtomicLong extras = new AtomicLong();

    private OfflineTdlibScript(TdJson td, Path sessions) {
        this.td = td;
        this.sessions = sessions;
    }

    /** Runs the script; sessions are made under the given directory. */
    static List<String> run(TdJson td, Path sessions) throws IOException {
        OfflineTdlibScript script = new OfflineTdlibScript(td, sessions);
        script.synchronous();
        script.sessions();
        return script.transcript;
    }

    private void synchronous() {
        execute("{\"@type\":\"setLogVerbosityLevel\",\"new_verbosity_level\":1}");
        execute("{\"@type\":\"getOption\",\"name\":\"version\"}");
        execute("{\"@type\":\"getOption\",\"name\":\"my_id\"}");
        execute("{\"@type\":\"getContacts\",\"@extra\":\"synchronous\"}");
        execute("{\"@type\":\"rosterNoSuchRequest\"}");
        execute("this is not JSON");
        execute("[1]");
        execute("{\"@extra\":5}");
        execute("{\"@type\":\"importContacts\",\"contacts\":\"+4915100000002\"}");
        execute("{\"@type\":\"importContacts\",\"contacts\":[{\"phone_number\":4915100000002}]}");
        execute("{\"@type\":\"removeContacts\",\"user_ids\":[\"x\"]}");
        execute("{\"@type\":\"getUser\",\"user_id\":true}");
        execute("{\"@type\":\"setTdlibParameters\",\"api_id\":true}");
        execute("{\"@type\":\"setTdlibParameters\",\"use_test_dc\":\"no\"}");
        execute("{\"@type\":\"setTdlibParameters\",\"database_encryption_key\":5}");
    }

    private void sessions() throws IOException {
        Path directory = sessions.resolve("p000100");
        String key = TelegramFixture.keyOf("p000100").base64();
        String otherKey = SessionKey.generate().base64();

        int first = td.createClientId();
        step(first, "getAuthorizationState", request("getAuthorizationState"));
        step(first, "getContacts before the parameters", request("getContacts"));
        step(first, "checkAuthenticationCode before the parameters", request("checkAuthenticationCode")
                .add("code", "12345"));
        notJson(first);
        step(first, "an unknown request", request("rosterNoSuchRequest"));
        step(first, "api_id 0", parameters(directory, key).add("api_id", 0));
        step(first, "an empty api_hash", parameters(directory, key).add("api_hash", ""));
        step(first, "setTdlibParameters", parameters(directory, key));
        step(first, "getAuthorizationState", request("getAuthorizationState"));
        step(first, "getContacts", request("getContacts"));
        step(first, "getUser", request("getUser").add("user_id", 5_000_001L));
        step(first, "importContacts", request("importContacts").add("contacts", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("phone_number", "+4915100000002").add("first_name", "Ana")
                        .add("last_name", "Ruiz"))));
        step(first, "removeContacts", request("removeContacts").add("user_ids",
                Json.createArrayBuilder().add(5_000_001L)));
        step(first, "checkAuthenticationCode", request("checkAuthenticationCode").add("code", "12345"));
        step(first, "checkAuthenticationPassword", request("checkAuthenticationPassword").add("password", "x"));
        step(first, "setTdlibParameters again", parameters(directory, key));
        step(first, "close", request("close"));
        step(first, "a request after closing", request("getAuthorizationState"));

        int wrongKey = td.createClientId();
        step(wrongKey, "setTdlibParameters with another key", parameters(directory, otherKey));
        step(wrongKey, "getAuthorizationState", request("getAuthorizationState"));
        step(wrongKey, "close", request("close"));

        int again = td.createClientId();
        step(again, "setTdlibParameters with the key", parameters(directory, key));
        step(again, "logOut", request("logOut"));
        if (!Files.isDirectory(directory)) {
            transcript.add("after logOut the session directory is gone");
            return;
        }
        try (Stream<Path> left = Files.list(directory)) {
            transcript.add("files left after logOut: " + left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private void execute(String request) {
        JsonObject answer = read(td.execute(request));
        transcript.add("td_execute " + request + " -> " + summary(answer)
                + (answer.containsKey("@extra") ? " @extra " + answer.get("@extra") : ""));
    }

    /** Sends a request and writes down its answer and the states announced until the step is over. */
    private void step(int client, String label, JsonObjectBuilder request) {
        String extra = "script-" + extras.incrementAndGet();
        JsonObject built = request.build();
        String type = built.getString("@type");
        td.send(client, Json.createObjectBuilder(built).add("@extra", extra).build().toString());
        boolean closes = "close".equals(type) || "logOut".equals(type);
        await(client, label, message -> extra.equals(message.getString("@extra", "")), closes);
    }

    /** Text that is not JSON: the answer has no {@code "@extra"}, so it is the client's next error. */
    private void notJson(int client) {
        td.send(client, "this is not JSON");
        await(client, "text that is not JSON", message -> !message.containsKey("@extra")
                && "error".equals(message.getString("@type", "")), false);
    }

    private void await(int client, String label, Predicate<JsonObject> isAnswer,
                       boolean untilClosed) {
        List<String> states = new ArrayList<>();
        String answer = null;
        long deadline = System.nanoTime() + STEP.toNanos();
        while (answer == null || (untilClosed && !states.contains("authorizationStateClosed"))) {
            if (System.nanoTime() > deadline) {
                transcript.add(label + " -> " + (answer == null ? "no answer" : answer) + " | states " + states
                        + " | (gave up after " + STEP.toSeconds() + " s)");
                return;
            }
            String raw = td.receive(0.5);
            if (raw == null) {
                continue;
            }
            JsonObject message = read(raw);
            if (message.getInt("@client_id", -1) != client) {
                continue;
            }
            if ("updateAuthorizationState".equals(message.getString("@type", ""))) {
                states.add(message.getJsonObject("authorization_state").getString("@type"));
            } else if (isAnswer.test(message)) {
                answer = summary(message);
            }
        }
        transcript.add(label + " -> " + answer + " | states " + states);
    }

    private static String summary(JsonObject answer) {
        String type = answer.getString("@type", "");
        if ("error".equals(type)) {
            String message = answer.getString("message", "");
            if (message.startsWith(NOT_JSON)) {
                message = NOT_JSON;
            }
            return "error " + answer.getInt("code", 0) + " " + message;
        }
        if ("optionValueString".equals(type)) {
            return type + " " + answer.getString("value", "");
        }
        return type;
    }

    private static JsonObjectBuilder request(String type) {
        return Json.createObjectBuilder().add("@type", type);
    }

    /** The parameters as Roster sends them ({@link TelegramAccount#start}), for the directory and key. */
    private static JsonObjectBuilder parameters(Path directory, String key) {
        return request("setTdlibParameters")
                .add("use_test_dc", false)
                .add("database_directory", directory.toString())
                .add("files_directory", "")
                .add("database_encryption_key", key)
                .add("use_file_database", false)
                .add("use_chat_info_database", true)
                .add("use_message_database", false)
                .add("use_secret_chats", false)
                .add("api_id", TelegramFixture.API_ID)
                .add("api_hash", TelegramFixture.API_HASH)
                .add("system_language_code", "en")
                .add("device_model", "Roster directory sync")
                .add("system_version", "")
                .add("application_version", "Roster");
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json == null ? "null" : json))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object
                    : Json.createObjectBuilder().add("@type", "not an object: " + value).build();
        }
    }
}
