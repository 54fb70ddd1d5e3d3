package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

/** The REST API as a client sees it, over real HTTP. */
final class RosterApi {

    /** A response: its status, media type and parsed JSON body. */
    record Reply(int status, String contentType, String body) {
        JsonObject object() {
            return (JsonObject) json();
        }

        JsonArray array() {
            return (JsonArray) json();
        }

        JsonStructure json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }
    }

    private static final Set<String> UNFINISHED = Set.of("QUEUED", "RUNNING");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String authorization;

    /** The API as the demo directory admin sees it. */
    RosterApi(URI base) {
        this(base, "admin");
    }

    /** The API as a demo user sees it (each demo user's password is its name); null for anonymous. */
    RosterApi(URI base, String user) {
        this(base, user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)), true);
    }

    private RosterApi(URI base, String authorization, boolean header) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The API as the holder of this bearer token (an access token from the identity provider) sees it. */
    static RosterApi withToken(URI base, String token) {
        return new RosterApi(base, "Bearer " + token, true);
    }

    /** The bearer token this API is called with, or null. */
    String token() {
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }

    /** The same API as another demo user. */
    RosterApi as(String otherUser) {
        return new RosterApi(base, otherUser);
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply send(String method, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Any method, with a JSON body (or none when null). */
    Reply send(String method, String path, String json) {
        if (json == null) {
            return send(method, path);
        }
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply postText(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Starts a run and waits (polling, with a deadline) until it has completed; returns the run. */
    JsonObject sync() {
        JsonObject run = runToEnd();
        assertThat(run.getString("status")).as("run: %s", run).isEqualTo("COMPLETED");
        return run;
    }

    /** Starts a run and waits until it has ended, however it ended. */
    JsonObject runToEnd() {
        Reply started = post("api/runs", "{\"dryRun\": false}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return awaitEnd(started.object().getJsonNumber("id").longValue());
    }

    /** Waits (polling, with a deadline) until the run has ended. */
    JsonObject awaitEnd(long id) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> !UNFINISHED.contains(get("api/runs/" + id).object().getString("status")));
        return get("api/runs/" + id).object();
    }

    JsonObject contactsOf(String employeeId) {
        Reply reply = get("api/employees/" + URLEncoder.encode(employeeId, StandardCharsets.UTF_8) + "/contacts");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.object();
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
