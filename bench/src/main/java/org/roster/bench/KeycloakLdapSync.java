package org.roster.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.roster.demo.DemoDirectory;

/**
 * Keycloak's own LDAP federation syncing the same directory: a real Keycloak (the
 * {@code keycloak-quarkus-dist} from Maven Central, in development mode), a realm with an LDAP
 * user-storage provider created through the admin REST API, and "synchronize all users"
 * ({@code POST /admin/realms/{realm}/user-storage/{id}/sync?action=triggerFullSync}), timed from
 * request to answer. Keycloak stores what it imports either in a PostgreSQL database, as a
 * production Keycloak does (and as Roster does), or in its development file database (H2, in its own
 * process), which Keycloak's documentation calls unfit for production.
 */
final class KeycloakLdapSync {

    private static final String REALM = "bench";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private KeycloakLdapSync() {
    }

    /**
     * Starts a Keycloak, has it sync the directory, and stops it.
     *
     * @param databaseUrl the JDBC URL of an empty PostgreSQL database for Keycloak, or {@code null}
     *                    for its development file database
     */
    static Map<String, Object> measure(Path zip, Path home, String ldapUrl, int employees, String databaseUrl) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("keycloak", zip.getFileName().toString().replace(".zip", ""));
        Process process = null;
        try {
            Path dist = unpacked(zip, home);
            // a fresh file database for each measurement
            deleteTree(dist.resolve("data"));
            int port = BenchPostgres.freePort();
            Path kc = dist.resolve("bin/kc.sh");
            kc.toFile().setExecutable(true);
            List<String> command = new ArrayList<>(List.of(kc.toString(), "start-dev", "--http-host=127.0.0.1",
                    "--http-port=" + port, "--http-management-port=" + BenchPostgres.freePort()));
            if (databaseUrl != null) {
                command.addAll(List.of("--db=postgres", "--db-url=" + databaseUrl,
                        "--db-username=" + BenchPostgres.USER, "--db-password=" + BenchPostgres.PASSWORD));
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                    home.resolve("keycloak-" + employees + (databaseUrl == null ? "" : "-postgresql") + ".log")
                            .toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            long start = System.nanoTime();
            process = builder.start();
            String base = "http://127.0.0.1:" + port;
            String token = awaitToken(base, process);
            result.put("startSeconds", Benchmark.round((System.nanoTime() - start) / 1e9));
            result.put("mode", databaseUrl == null
                    ? "start-dev (its embedded H2 file database), JVM options as kc.sh sets them"
                    : "start-dev with --db=postgres (a database of its own on the PostgreSQL server Roster uses), "
                    + "JVM options as kc.sh sets them");

            send(base + "/admin/realms", token, "POST", Json.createObjectBuilder().add("realm", REALM)
                    .add("id", REALM).add("enabled", true).add("duplicateEmailsAllowed", true).build().toString(), 201);
            String component = Json.createObjectBuilder()
                    .add("name", "directory").add("providerId", "ldap")
                    .add("providerType", "org.keycloak.storage.UserStorageProvider").add("parentId", REALM)
                    .add("config", config(Map.ofEntries(
                            Map.entry("enabled", "true"), Map.entry("priority", "0"),
                            Map.entry("editMode", "READ_ONLY"), Map.entry("vendor", "other"),
                            Map.entry("usernameLDAPAttribute", "uid"), Map.entry("rdnLDAPAttribute", "uid"),
                            Map.entry("uuidLDAPAttribute", "entryUUID"),
                            Map.entry("userObjectClasses", "inetOrgPerson"),
                            Map.entry("connectionUrl", ldapUrl), Map.entry("usersDn", DemoDirectory.DEFAULT_BASE_DN),
                            Map.entry("authType", "none"), Map.entry("searchScope", "1"),
                            Map.entry("pagination", "true"), Map.entry("batchSizeForSync", "1000"),
                            Map.entry("importEnabled", "true"), Map.entry("syncRegistrations", "false"),
                            Map.entry("fullSyncPeriod", "-1"), Map.entry("changedSyncPeriod", "-1"),
                            Map.entry("useTruststoreSpi", "never"), Map.entry("connectionPooling", "true"),
                            Map.entry("cachePolicy", "DEFAULT"), Map.entry("trustEmail", "false"))))
                    .build().toString();
            HttpResponse<String> created = send(base + "/admin/realms/" + REALM + "/components", token, "POST",
                    component, 201);
            String location = created.headers().firstValue("Location").orElseThrow();
            String id = location.substring(location.lastIndexOf('/') + 1);

            long syncStart = System.nanoTime();
            HttpResponse<String> sync = send(base + "/admin/realms/" + REALM + "/user-storage/" + id
                    + "/sync?action=triggerFullSync", token, "POST", "", 200);
            double seconds = (System.nanoTime() - syncStart) / 1e9;
            JsonObject outcome = Json.createReader(new StringReader(sync.body())).readObject();
            result.put("seconds", Benchmark.round(seconds));
            result.put("entriesPerSecond", Math.round(employees / seconds));
            result.put("result", outcome.toString());
            result.put("what", "LDAP federation provider (READ_ONLY, import on, paged search of 1000), "
                    + "its default mappers; \"synchronize all users\" timed from request to answer");
        } catch (Exception e) {
            result.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                try {
                    process.waitFor(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return result;
    }

    private static JsonObjectBuilder config(Map<String, String> values) {
        JsonObjectBuilder config = Json.createObjectBuilder();
        values.forEach((k, v) -> config.add(k, Json.createArrayBuilder().add(v)));
        return config;
    }

    private static String awaitToken(String base, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Keycloak exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base
                                + "/realms/master/protocol/openid-connect/token"))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                                + URLEncoder.encode("admin", StandardCharsets.UTF_8) + "&password=admin")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
                }
            } catch (IOException e) {
                last = e;
            }
            // Keycloak is starting: poll again shortly
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IOException("Keycloak did not start within 4 minutes", last);
    }

    private static HttpResponse<String> send(String url, String token, String method, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofHours(1))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The distribution's folder, unpacked once. */
    private static Path unpacked(Path zip, Path home) throws IOException {
        Files.createDirectories(home);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            Path root = null;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = home.resolve(entry.getName()).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("the Keycloak zip has an entry outside its folder: " + entry.getName());
                }
                if (root == null) {
                    root = home.resolve(Path.of(entry.getName()).getName(0));
                    if (Files.exists(root.resolve("bin/kc.sh"))) {
                        return root;
                    }
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return root;
        }
    }

}
