package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator runs Roster by: the probes a load balancer or Kubernetes asks, the directory's
 * own check and gauge, JSON console logs, the access log, and log lines that name their run. The
 * server is a process of its own, started with Liberty's JSON console logging as an operator would
 * switch it on, and checking its directory every second.
 */
class ProbesAndLogsIT {

    private static final Pattern GAUGE = Pattern.compile("(?m)^roster_directory_reachable\\{[^}]*} (\\S+)$");

    private static LibertyProcess server;
    private static RosterApi admin;
    private static RosterApi anonymous;
    private static AwayDirectory away;

    @BeforeAll
    static void startServer() throws Exception {
        String url = System.getProperty("it.db.url");
        try (var db = DriverManager.getConnection(url, "roster", "roster"); var sql = db.createStatement()) {
            sql.execute("drop database if exists roster_operations");
            sql.execute("create database roster_operations");
        }
        Map<String, String> settings = new HashMap<>(Map.of(
                "ROSTER_DB_URL", url.substring(0, url.lastIndexOf('/')) + "/roster_operations",
                "ROSTER_DEMO_SIZE", "120",
                "ROSTER_DEMO_LDAP_PORT", Integer.toString(LibertyProcess.freePort()),
                "ROSTER_SYNC_ON_START", "false",
                "ROSTER_SCHEDULE", "none",
                "ROSTER_AUTH_ALLOW_DEMO", "true",
                "ROSTER_DIRECTORY_CHECK_EVERY", "PT1S"));
        // app passwords are keyed by the secrets key, which a server on its own database must be given
        settings.put("ROSTER_SECRETS_KEY", "b3BlcmF0aW9ucy1pdC1zZWNyZXRzLWtleS0zMi1ieXQ=");
        // Liberty's own settings, as the README tells an operator to set them
        settings.put("WLP_LOGGING_CONSOLE_FORMAT", "JSON");
        settings.put("WLP_LOGGING_CONSOLE_SOURCE", "message,accessLog,ffdc");
        away = new AwayDirectory();
        server = LibertyProcess.create("operations", settings);
        server.launch();
        admin = server.api();
        anonymous = new RosterApi(server.base(), null);
        // the startup probe says when to begin; a first start on a busy machine may take minutes
        await("the startup probe").atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> anonymous.get("health/started").status() == 200);
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        if (away != null) {
            away.close();
        }
    }

    @Test
    void livenessReadinessAndStartupProbesAnswerUpWithoutSignIn() {
        for (String probe : List.of("health/live", "health/ready", "health/started")) {
            RosterApi.Reply answer = anonymous.get(probe);
            assertThat(answer.status()).as("%s: %s", probe, answer.body()).isEqualTo(200);
            assertThat(answer.object().getString("status")).as(probe).isEqualTo("UP");
        }
        List<String> readiness = anonymous.get("health/ready").object().getJsonArray("checks")
                .getValuesAs(JsonObject.class).stream().map(check -> check.getString("name")).toList();
        assertThat(readiness).as("ready to serve means the database answers").containsExactly("database");
        assertThat(anonymous.get("health/started").body()).contains("\"started\"");
    }

    @Test
    void aDirectoryOutageLeavesTheServerReadyWhileTheDirectoryCheckAndGaugeSayItIsAway() throws Exception {
        await("the directory check is UP").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> anonymous.get("api/health/directory").status() == 200);
        assertThat(gauge()).isEqualTo(1.0);

        addAwaySource("outage");
        try {
            await("the directory check sees the away source").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> anonymous.get("api/health/directory").status() == 503);
            JsonObject check = anonymous.get("api/health/directory").object();
            assertThat(check.getString("name")).isEqualTo("directory");
            assertThat(check.getString("status")).isEqualTo("DOWN");
            assertThat(check.getJsonObject("data").getString("directory")).isEqualTo("up");
            assertThat(check.getJsonObject("data").containsKey("outage")).as("%s", check).isTrue();
            assertThat(gauge()).as("roster_directory_reachable").isEqualTo(0.0);

            RosterApi.Reply ready = anonymous.get("health/ready");
            assertThat(ready.status()).as(ready.body()).isEqualTo(200);
            assertThat(anonymous.get("health").status()).as("the overall answer is UP too").isEqualTo(200);
            assertThat(admin.get("api/runs?limit=1").status()).as("the API serves").isEqualTo(200);
        } finally {
            assertThat(admin.send("DELETE", "api/sources/outage").status()).isEqualTo(204);
        }
        await("the directory check is UP again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> anonymous.get("api/health/directory").status() == 200);
    }

    @Test
    void probesReadTheLastBackgroundCheckInsteadOfAskingTheDirectory() throws Exception {
        addAwaySource("probed");
        try {
            await("the background check reaches the away source").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)).until(() -> away.connections() > 0
                            && anonymous.get("api/health/directory").status() == 503);
            int before = away.connections();
            long started = System.nanoTime();
            int probes = 60;
            for (int i = 0; i < probes; i++) {
                assertThat(anonymous.get("health/ready").status()).isEqualTo(200);
                assertThat(anonymous.get("api/health/directory").status()).isEqualTo(503);
                assertThat(anonymous.get("metrics?scope=application").status()).isEqualTo(200);
            }
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            int asked = away.connections() - before;
            // once a second in the background (give or take one), never once per probe
            assertThat(asked).as("%d probes in %d s", 3 * probes, seconds).isLessThanOrEqualTo((int) seconds + 2)
                    .isLessThan(probes);
        } finally {
            assertThat(admin.send("DELETE", "api/sources/probed").status()).isEqualTo(204);
        }
    }

    @Test
    void consoleLinesAreJsonAndTheAccessLogHoldsNoPasswordTokenOrCookie() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // the employee's entry is stored by a run before they can have an address book
        admin.sync();
        RosterApi employee = admin.as("p000101");
        RosterApi.Reply made = employee.post("api/me/app-passwords", "{\"label\": \"phone\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String appPassword = made.object().getString("password");
        String davAuthorization = basic("p000101", appPassword);
        HttpResponse<String> book = http.send(HttpRequest.newBuilder(server.base()
                        .resolve("dav/addressbooks/p000101/contacts/")).header("Authorization", davAuthorization)
                .header("Depth", "1").method("PROPFIND", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(book.statusCode()).as(book.body()).isEqualTo(207);
        String adminAuthorization = basic("admin", "admin");
        HttpResponse<String> withQueryAndCookie = http.send(HttpRequest.newBuilder(server.base()
                        .resolve("api/runs?limit=1&access_token=query-token-4711"))
                .header("Authorization", adminAuthorization).header("Cookie", "JSESSIONID=cookie-value-0815").GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withQueryAndCookie.statusCode()).isEqualTo(200);

        Path accessLog = server.dir().resolve("logs/http_access.log");
        await("the access log has the address book's request").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> Files.exists(accessLog)
                        && Files.readString(accessLog).contains("/dav/addressbooks/p000101/contacts/")
                        && Files.readString(accessLog).contains("GET /api/runs "));
        String access = Files.readString(accessLog);
        assertThat(access).contains("\"PROPFIND /dav/addressbooks/p000101/contacts/ HTTP/1.1\" 207");
        for (String secret : List.of(appPassword, davAuthorization.substring(6), adminAuthorization.substring(6),
                "Basic", "query-token-4711", "access_token", "cookie-value-0815", "JSESSIONID")) {
            assertThat(access).as("the access log").doesNotContain(secret);
        }

        List<JsonObject> console = consoleRecords();
        List<JsonObject> accessRecords = console.stream()
                .filter(r -> "liberty_accesslog".equals(r.getString("type", ""))).toList();
        assertThat(accessRecords).as("the access log on the console, as JSON").isNotEmpty();
        assertThat(accessRecords).allSatisfy(r -> assertThat(r.toString()).doesNotContain(appPassword)
                .doesNotContain("query-token-4711").doesNotContain("cookie-value-0815")
                .doesNotContain(adminAuthorization.substring(6)));
        assertThat(console).as("Liberty's messages").anySatisfy(r -> assertThat(r.getString("type", ""))
                .isEqualTo("liberty_message"));
    }

    @Test
    void everyLogLineOfARunNamesTheRun() throws Exception {
        JsonObject complete = admin.sync();
        addAwaySource("stray");
        JsonObject incomplete;
        try {
            incomplete = admin.runToEnd();
        } finally {
            assertThat(admin.send("DELETE", "api/sources/stray").status()).isEqualTo(204);
        }
        assertThat(incomplete.getString("status")).as("%s", incomplete).isEqualTo("INCOMPLETE");

        List<JsonObject> console = consoleRecords();
        for (JsonObject run : List.of(complete, incomplete)) {
            long id = run.getJsonNumber("id").longValue();
            String prefix = "run " + id + ": ";
            List<JsonObject> lines = linesOfRun(console, prefix);
            assertThat(lines).as("run %d's lines, from its start to its end", id).hasSizeGreaterThanOrEqualTo(2);
            assertThat(lines).allSatisfy(line -> assertThat(line.getString("message")).startsWith(prefix));
            if (run == incomplete) {
                assertThat(lines).as("the source's own warning names the run too").anySatisfy(line ->
                        assertThat(line.getString("message")).startsWith(prefix + "LDAP read of"));
            }
        }
    }

    /**
     * The records the run's thread logged from the run's first line to its last: whatever Roster,
     * Liberty or a library logged there while the run ran.
     */
    private static List<JsonObject> linesOfRun(List<JsonObject> console, String prefix) {
        int first = -1;
        String thread = null;
        List<JsonObject> lines = new ArrayList<>();
        for (int i = 0; i < console.size(); i++) {
            JsonObject record = console.get(i);
            String message = record.getString("message", "");
            if (first < 0 && message.startsWith(prefix) && message.contains("run started")) {
                first = i;
                thread = record.getString("ibm_threadId");
            }
            if (first >= 0 && thread.equals(record.getString("ibm_threadId", ""))) {
                lines.add(record);
                if (message.startsWith(prefix + "finished") || message.startsWith(prefix + "failed")) {
                    return lines;
                }
            }
        }
        throw new AssertionError("no line starting with \"" + prefix + "\" begins and ends a run");
    }

    /**
     * Every line of the server's console, each parsed as the JSON object it must be. Not Liberty's
     * are only the launch banner the {@code server} script prints before logging starts, and the
     * JVM's own warnings on standard error (which the test's process joins to the console).
     */
    private static List<JsonObject> consoleRecords() throws IOException {
        List<JsonObject> records = new ArrayList<>();
        List<String> lines = Files.readAllLines(server.dir().resolve("console.out"), StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.isBlank() || records.isEmpty() && !line.startsWith("{")
                    || line.startsWith("OpenJDK 64-Bit Server VM warning:")) {
                continue;
            }
            try {
                records.add(Json.createReader(new StringReader(line)).readObject());
            } catch (JsonException e) {
                throw new AssertionError("a console line that is not a JSON object: " + line, e);
            }
        }
        assertThat(records).isNotEmpty();
        return records;
    }

    private static void addAwaySource(String id) {
        RosterApi.Reply created = admin.post("api/sources", "{\"id\": \"" + id + "\", \"kind\": \"ldap\", "
                + "\"precedence\": 90, \"settings\": {\"url\": \"ldap://127.0.0.1:" + away.port()
                + "\", \"base-dn\": \"dc=away,dc=test\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static double gauge() {
        RosterApi.Reply metrics = anonymous.get("metrics?scope=application");
        assertThat(metrics.status()).isEqualTo(200);
        Matcher value = GAUGE.matcher(metrics.body());
        assertThat(value.find()).as(metrics.body()).isTrue();
        return Double.parseDouble(value.group(1));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A directory that is away: it takes each connection and drops it at once, counting them. */
    private static final class AwayDirectory implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();

        AwayDirectory() throws IOException {
            socket = new ServerSocket(0);
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket accepted = socket.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        // closed at the end of the test
                    }
                }
            }, "away-directory");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
