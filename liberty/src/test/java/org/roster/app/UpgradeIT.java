package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade from the previous release: a database its code made, with its data (runs, the sealed
 * audit trail, contacts delivered to the journal and the address books, an app password, an
 * opt-out, a source whose bind password it sealed), is restored from the fixture
 * {@code previous-release/} (made by {@code src/test/upgrade/make-previous-release.sh}, which names
 * the release in {@code RELEASE}) and opened by this release's server, which migrates it. Then the
 * old runs are in the history, the trail verifies, a run without directory changes delivers
 * nothing, a change is delivered alone, and the old app password still opens the address book.
 */
class UpgradeIT {

    private static final Path FIXTURE = Path.of("src", "test", "resources", "previous-release");
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final String DATABASE = "roster_upgrade";
    private static final String CHANGED = "p000105";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path phone;

    @Test
    void thePreviousReleasesDatabaseIsMigratedAndItsRunsTrailAndDeliveriesCarryOn() throws Exception {
        Properties fixture = new Properties();
        try (Reader reader = Files.newBufferedReader(FIXTURE.resolve("fixture.properties"), StandardCharsets.UTF_8)) {
            fixture.load(reader);
        }
        String url = System.getProperty("it.db.url");
        String database = url.substring(0, url.lastIndexOf('/') + 1) + DATABASE;
        restore(url);

        InMemoryDirectoryServer directory = directory();
        String directoryUrl = "ldap://localhost:" + directory.getListenPort();
        // the test's directory listens on a port of its own: the source the old release added is
        // pointed at it as a moved server's address would be, behind Roster's back, keeping its sealed password
        try (Connection db = DriverManager.getConnection(database, "roster", "roster");
             PreparedStatement moved = db.prepareStatement(
                     "update directory_source set settings = replace(settings, ?, ?) where id = 'partners'")) {
            moved.setString(1, fixture.getProperty("partners.url"));
            moved.setString(2, directoryUrl);
            assertThat(moved.executeUpdate()).isEqualTo(1);
        }

        Map<String, String> settings = new HashMap<>();
        settings.put("ROSTER_DB_URL", database);
        settings.put("ROSTER_DB_USER", "roster_app");
        settings.put("ROSTER_DB_PASSWORD", "roster_app");
        settings.put("ROSTER_DB_OWNER_USER", "roster_owner");
        settings.put("ROSTER_DB_OWNER_PASSWORD", "roster_owner");
        settings.put("ROSTER_SECRETS_KEY", Files.readString(FIXTURE.resolve("keys/secrets.key")).strip());
        settings.put("ROSTER_SERVER_ID", "roster-1");
        settings.put("ROSTER_AUTH_ALLOW_DEMO", "true");
        settings.put("ROSTER_SOURCE_LDAP_URL", directoryUrl);
        settings.put("ROSTER_SOURCE_LDAP_BASE_DN", "ou=people,dc=upgrade,dc=test");
        settings.put("ROSTER_SYNC_ON_START", "false");
        settings.put("ROSTER_SCHEDULE", "none");
        settings.put("ROSTER_DELIVERY_PLATFORM", "journal");
        try (LibertyProcess server = LibertyProcess.create("upgraded-release", settings)) {
            // the files beside the database that the old server kept in its folder
            copyTree(FIXTURE.resolve("keys"), server.dir().resolve("keys"));
            copyTree(FIXTURE.resolve("audit-anchors"), server.dir().resolve("audit-anchors"));
            Files.copy(FIXTURE.resolve("deliveries.jsonl"), server.dir().resolve("deliveries.jsonl"));
            server.launch();
            RosterApi admin = server.api();
            // the first start on a restored database migrates it and expands the application: allow it more
            // than the usual start
            await("the upgraded server answers").atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> admin.get("api/runs?limit=1").status() == 200);
            RosterApi auditor = admin.as("auditor");

            assertThat(newestAppliedMigration(database)).as("migrated to this release's newest migration")
                    .isEqualTo(newestMigration());

            List<JsonObject> history = admin.get("api/runs?limit=50").array().getValuesAs(JsonObject.class);
            List<String> oldRuns = List.of(fixture.getProperty("runs").split(","));
            assertThat(history).extracting(r -> r.getJsonNumber("id").toString()).containsAll(oldRuns);
            assertThat(history).filteredOn(r -> oldRuns.contains(r.getJsonNumber("id").toString()))
                    .extracting(r -> r.getString("status")).containsOnly("COMPLETED");

            JsonObject verified = auditor.get("api/audit/verify").object();
            assertThat(verified.getBoolean("intact")).as("%s", verified).isTrue();
            assertThat(verified.getJsonNumber("records").longValue()).as("the old release's records are checked")
                    .isGreaterThanOrEqualTo(Long.parseLong(fixture.getProperty("audit.records")));
            assertThat(auditor.get("api/audit?action=app-password.created").array().getValuesAs(JsonObject.class))
                    .as("written by the old release").extracting(r -> r.getString("actor"))
                    .contains(fixture.getProperty("book-owner"));

            JsonObject test = admin.post("api/sources/partners/test", "").object();
            assertThat(test.getBoolean("ok")).as("the old release's sealed bind password opens: %s", test).isTrue();

            List<JsonObject> journal = journal(server);
            RosterApi.Reply quiet = admin.post("api/runs", "{\"dryRun\": false}");
            JsonObject unchanged = admin.awaitEnd(quiet.object().getJsonNumber("id").longValue());
            assertThat(unchanged.getString("status")).as("%s", unchanged).isEqualTo("COMPLETED");
            assertThat(count(unchanged, "added") + count(unchanged, "updated") + count(unchanged, "removed"))
                    .as("nothing is planned again: %s", unchanged).isZero();
            assertThat(count(unchanged, "delivered")).as("nothing is delivered again").isZero();
            assertThat(journal(server)).as("the journal is as the old release left it").isEqualTo(journal);
            String optedOut = fixture.getProperty("opted-out");
            assertThat(admin.as(optedOut).get("api/me").object().getBoolean("optedOut")).isTrue();

            directory.modify("uid=" + CHANGED + ",ou=people,dc=upgrade,dc=test",
                    new Modification(ModificationType.REPLACE, "mobile", "0151 7000 9999"));
            JsonObject changed = admin.sync();
            List<JsonObject> after = journal(server);
            List<JsonObject> delivered = after.subList(journal.size(), after.size());
            assertThat(delivered).as("just the changed number").isNotEmpty().allSatisfy(line -> {
                assertThat(line.getString("contact")).isEqualTo(CHANGED);
                assertThat(line.getString("action")).isEqualTo("UPDATE");
            });
            assertThat(delivered).extracting(line -> line.getString("viewer")).doesNotHaveDuplicates()
                    .as("every holder of the contact gets it").containsExactlyInAnyOrderElementsOf(holdersOf(journal, CHANGED));
            assertThat(count(changed, "updated")).isEqualTo(count(changed, "delivered")).isEqualTo(delivered.size());
            assertThat(count(changed, "added") + count(changed, "removed")).isZero();

            String owner = fixture.getProperty("book-owner");
            String password = fixture.getProperty("book-owner.app-password");
            String since = dav("REPORT", "dav/addressbooks/" + owner + "/contacts/", owner, password,
                    "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>" + fixture.getProperty("book-owner.sync-token")
                    + "</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>",
                    server);
            assertThat(cardsIn(since)).as("the phone's token from before the upgrade: %s", since)
                    .containsExactly(CHANGED + ".vcf");
            Vdirsyncer client = new Vdirsyncer(phone, server.base().resolve("/dav/"), owner, password);
            client.run("discover");
            client.run("sync");
            Map<String, String> cards = client.cards();
            assertThat(cards).as("the colleagues delivered to the owner").hasSize(holdings(after).get(owner).size());
            assertThat(String.join("\n", cards.values())).contains("+4915170009999")
                    .as("the opted-out colleague's number").doesNotContain("+4915170000102");

            JsonObject still = auditor.get("api/audit/verify").object();
            assertThat(still.getBoolean("intact")).as("%s", still).isTrue();
        } finally {
            directory.shutDown(true);
        }
    }

    /** A fresh database owned by the owner role, holding the fixture's dump, restored by psql as that owner. */
    private static void restore(String url) throws Exception {
        try (Connection db = DriverManager.getConnection(url, "roster", "roster"); var sql = db.createStatement()) {
            sql.execute("drop database if exists " + DATABASE);
            sql.execute("create database " + DATABASE + " owner roster_owner");
        }
        URI address = URI.create(url.substring("jdbc:".length()));
        Path log = Files.createTempFile("restore", ".log");
        Process psql = new ProcessBuilder(postgresProgram("psql"), "-h", address.getHost(),
                "-p", Integer.toString(address.getPort()), "-U", "roster_owner", "-d", DATABASE, "-q",
                "-v", "ON_ERROR_STOP=1", "-f", FIXTURE.resolve("roster.sql").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(psql.waitFor(2, TimeUnit.MINUTES)).as("psql restores in time").isTrue();
        assertThat(psql.exitValue()).as("psql: %s", Files.readString(log)).isZero();
    }

    /** A program of Debian's newest PostgreSQL, as pg.sh finds them. */
    private static String postgresProgram(String name) throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin").resolve(name)).filter(Files::isExecutable)
                    .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getParent().getFileName().toString()
                            .replaceAll("\\D.*", ""))))
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL's programs are missing (.ci/packages)"))
                    .toString();
        }
    }

    /** The fixture's directory in an in-memory LDAP server on a free port. */
    private static InMemoryDirectoryServer directory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=upgrade,dc=test");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("directory", 0));
        InMemoryDirectoryServer directory = new InMemoryDirectoryServer(config);
        directory.importFromLDIF(true, FIXTURE.resolve("directory.ldif").toFile());
        directory.startListening();
        return directory;
    }

    private static int newestMigration() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.matches("V\\d+__.*\\.sql"))
                    .mapToInt(f -> Integer.parseInt(f.substring(1, f.indexOf("__")))).max().orElseThrow();
        }
    }

    private static int newestAppliedMigration(String database) throws Exception {
        try (Connection db = DriverManager.getConnection(database, "roster", "roster");
             ResultSet row = db.createStatement().executeQuery("select max(cast(version as integer)) "
                     + "from flyway_schema_history where success and version is not null")) {
            assertThat(row.next()).isTrue();
            return row.getInt(1);
        }
    }

    private static long count(JsonObject run, String name) {
        return run.getJsonObject("counts").getJsonNumber(name).longValue();
    }

    private static List<JsonObject> journal(LibertyProcess server) throws IOException {
        return Files.readAllLines(server.dir().resolve("deliveries.jsonl"), StandardCharsets.UTF_8).stream()
                .map(line -> Json.createReader(new StringReader(line)).readObject()).toList();
    }

    /** Each viewer's contacts as the journal's adds and removes leave them. */
    private static Map<String, Set<String>> holdings(List<JsonObject> journal) {
        Map<String, Set<String>> held = new HashMap<>();
        for (JsonObject line : journal) {
            Set<String> contacts = held.computeIfAbsent(line.getString("viewer"), v -> new HashSet<>());
            if ("REMOVE".equals(line.getString("action"))) {
                contacts.remove(line.getString("contact"));
            } else {
                contacts.add(line.getString("contact"));
            }
        }
        return held;
    }

    private static Set<String> holdersOf(List<JsonObject> journal, String contact) {
        return holdings(journal).entrySet().stream().filter(e -> e.getValue().contains(contact))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static Set<String> cardsIn(String multistatus) {
        Set<String> cards = new HashSet<>();
        Matcher card = Pattern.compile("([^/<>]+\\.vcf)").matcher(multistatus);
        while (card.find()) {
            cards.add(card.group(1));
        }
        return cards;
    }

    private String dav(String method, String path, String user, String password, String body, LibertyProcess server)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.base().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Depth", "1").header("Content-Type", "application/xml")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(207);
        return response.body();
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
