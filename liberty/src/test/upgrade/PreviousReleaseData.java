import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;

/**
 * Gives a running Roster of the previous release the data UpgradeIT carries over: serves the
 * fixture's directory (an UnboundID in-memory LDAP server), and through the release's own API runs
 * a full sync, makes an app password, opts an employee out, adds a source with a sealed bind
 * password, runs again (its removals approved by a second admin), and reads the address book's
 * sync token as a phone would. Run by make-previous-release.sh, with the release's UnboundID jar on
 * the class path:
 *
 * <pre>
 * java -cp unboundid-ldapsdk.jar PreviousReleaseData.java directory.ldif LDAP_PORT http://localhost:PORT/ OUT
 * </pre>
 *
 * It writes OUT/fixture.properties (what the test needs to know about the data) and stops its
 * directory when done.
 */
public class PreviousReleaseData {

    static final String READER_DN = "cn=roster-reader,dc=upgrade,dc=test";
    /** The reader's password, as directory.ldif has it. */
    static final String READER_PASSWORD = "partner-Reader-7";
    static final String BOOK_OWNER = "p000101";
    static final String OPTED_OUT = "p000102";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    PreviousReleaseData(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Path ldif = Path.of(args[0]);
        int ldapPort = Integer.parseInt(args[1]);
        PreviousReleaseData roster = new PreviousReleaseData(URI.create(args[2]));
        Path out = Path.of(args[3]);

        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=upgrade,dc=test");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("directory", ldapPort));
        InMemoryDirectoryServer directory = new InMemoryDirectoryServer(config);
        directory.importFromLDIF(true, ldif.toFile());
        directory.startListening();
        try {
            roster.awaitAnswer();
            long first = roster.sync();
            String appPassword = field(roster.call("POST", "api/me/app-passwords", BOOK_OWNER,
                    "{\"label\": \"phone\"}", 201), "password");
            roster.call("POST", "api/me/opt-out", OPTED_OUT, "", 200);
            String partnersUrl = "ldap://localhost:" + ldapPort;
            roster.call("POST", "api/sources", "admin", "{\"id\": \"partners\", \"kind\": \"ldap\", "
                    + "\"name\": \"Partner directory\", \"precedence\": 50, \"settings\": {\"url\": \"" + partnersUrl
                    + "\", \"bind-dn\": \"" + READER_DN + "\", \"base-dn\": \"ou=partners,dc=upgrade,dc=test\", "
                    + "\"allow-insecure\": \"true\"}, \"secrets\": {\"password\": \"" + READER_PASSWORD + "\"}}", 201);
            long second = roster.sync();
            String token = roster.syncToken(BOOK_OWNER, appPassword);
            String verified = roster.call("GET", "api/audit/verify", "auditor", null, 200);
            if (!verified.contains("\"intact\":true")) {
                throw new IllegalStateException("the release's own trail does not verify: " + verified);
            }

            Properties fixture = new Properties();
            fixture.setProperty("runs", first + "," + second);
            fixture.setProperty("book-owner", BOOK_OWNER);
            fixture.setProperty("book-owner.app-password", appPassword);
            fixture.setProperty("book-owner.sync-token", token);
            fixture.setProperty("opted-out", OPTED_OUT);
            fixture.setProperty("partners.url", partnersUrl);
            fixture.setProperty("audit.records", field(verified, "records"));
            try (var writer = Files.newBufferedWriter(out.resolve("fixture.properties"), StandardCharsets.UTF_8)) {
                fixture.store(writer, "what the previous release's data holds (test values only)");
            }
        } finally {
            directory.shutDown(true);
        }
    }

    private void awaitAnswer() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            try {
                call("GET", "api/runs?limit=1", "admin", null, 200);
                return;
            } catch (IOException | IllegalStateException notYet) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("the server did not answer in five minutes");
    }

    /** Runs a sync to its end; the run must complete. */
    private long sync() throws IOException, InterruptedException {
        long id = Long.parseLong(field(call("POST", "api/runs", "admin", "{\"dryRun\": false}", 202), "id"));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            String run = call("GET", "api/runs/" + id, "admin", null, 200);
            String status = field(run, "status");
            if (status.equals("AWAITING_APPROVAL")) {
                // the opt-out and the new source remove more than the removal guard lets through
                call("POST", "api/runs/" + id + "/approve", "admin2", "", 202);
                continue;
            }
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                if (!status.equals("COMPLETED")) {
                    throw new IllegalStateException("run " + id + " ended " + run);
                }
                return id;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("run " + id + " did not end in five minutes");
    }

    /** The address book's sync token, read as a CardDAV client signed in with the app password. */
    private String syncToken(String employee, String appPassword) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("dav/addressbooks/" + employee + "/contacts/"))
                .header("Authorization", basic(employee, appPassword)).header("Depth", "0")
                .header("Content-Type", "application/xml")
                .method("PROPFIND", HttpRequest.BodyPublishers.ofString(
                        "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:sync-token/></d:prop></d:propfind>"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("sync-token>([^<]+)<").matcher(response.body());
        if (response.statusCode() != 207 || !token.find()) {
            throw new IllegalStateException("PROPFIND answered " + response.statusCode() + ": " + response.body());
        }
        return token.group(1);
    }

    /** Calls the API as a demo user (whose password is its name) and returns the body. */
    private String call(String method, String path, String user, String json, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization",
                basic(user, user)).timeout(Duration.ofSeconds(30));
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A top-level string or number of a JSON answer; enough for the few answers read here. */
    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|(-?[0-9]+))").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return value.group(2) != null ? value.group(2) : value.group(3);
    }
}
