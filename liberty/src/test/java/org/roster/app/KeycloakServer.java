package org.roster.app;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.roster.testing.TestFiles;

/**
 * A real Keycloak for the tests: the {@code keycloak-quarkus-dist} from Maven Central, unpacked
 * under {@code target/}, started in development mode on a free port with Roster's realm export
 * ({@code src/main/keycloak/roster-realm.json}) imported. One per test JVM; stopped when it ends.
 *
 * <pre>{@code
 * KeycloakServer keycloak = KeycloakServer.get();
 * String token = keycloak.accessToken("admin", "admin");
 * }</pre>
 */
final class KeycloakServer {

    /** The roster client's secret in the realm export (a demo value; a company's realm has its own). */
    static final String CLIENT_SECRET = "roster-demo-client-secret";
    private static final String ADMIN = "kcadmin";
    private static final String ADMIN_PASSWORD = TestFiles.randomHex();

    private static KeycloakServer instance;

    private final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private KeycloakServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static synchronized KeycloakServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.process.descendants().forEach(ProcessHandle::destroy);
                instance.process.destroy();
            }));
        }
        return instance;
    }

    private static KeycloakServer start() {
        Path zip = Path.of(System.getProperty("it.keycloak.zip"));
        Path home = Path.of("target", "keycloak");
        try {
            Path dist = unpacked(zip, home);
            // a fresh database each time: the realm as exported, and the bootstrap administrator below
            LibertyProcess.deleteTree(dist.resolve("data/h2"));
            Path imports = dist.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(Path.of("src/main/keycloak/roster-realm.json"), imports.resolve("roster-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            int port = LibertyProcess.freePort();
            Path kc = dist.resolve("bin/kc.sh");
            kc.toFile().setExecutable(true);
            ProcessBuilder builder = new ProcessBuilder(kc.toString(), "start-dev", "--import-realm",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + LibertyProcess.freePort())
                    .redirectErrorStream(true).redirectOutput(home.resolve("keycloak.log").toFile());
            // the master realm's administrator, for registering the tests' servers with the roster client
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            Process process = builder.start();
            KeycloakServer server = new KeycloakServer(port, process);
            await("Keycloak serves the roster realm").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("Keycloak exited; see " + home.resolve("keycloak.log"));
                        }
                        return server.get("/realms/roster/.well-known/openid-configuration").statusCode() == 200;
                    });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The distribution's folder, unpacked once per build. */
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

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/roster";
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The token endpoint's answer to a password grant for the roster client. */
    HttpResponse<String> passwordGrant(String user, String password) {
        String form = "grant_type=password&client_id=roster&client_secret=" + CLIENT_SECRET
                + "&scope=openid&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        try {
            return http.send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers a Roster server's address with the roster client, as an operator registers theirs:
     * the sign-in may then send browsers back to it, and signing out may return to it.
     */
    void register(URI roster) {
        String base = roster.toString().replaceAll("/+$", "");
        try {
            String form = "grant_type=password&client_id=admin-cli&username=" + ADMIN + "&password="
                    + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/realms/master/protocol/openid-connect/token")).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String admin = "Bearer " + json(token).getString("access_token");
            URI clients = URI.create("http://127.0.0.1:" + port + "/admin/realms/roster/clients");
            JsonObject client = Json.createReader(new StringReader(http.send(HttpRequest.newBuilder(
                    URI.create(clients + "?clientId=roster")).header("Authorization", admin).build(),
                    HttpResponse.BodyHandlers.ofString()).body())).readArray().getJsonObject(0);
            JsonArrayBuilder redirects = Json.createArrayBuilder(client.getJsonArray("redirectUris"))
                    .add(base + "/*");
            JsonObject attributes = client.getJsonObject("attributes");
            String logout = attributes.getString("post.logout.redirect.uris", "");
            JsonObject updated = Json.createObjectBuilder(client).add("redirectUris", redirects)
                    .add("attributes", Json.createObjectBuilder(attributes).add("post.logout.redirect.uris",
                            (logout.isEmpty() ? "" : logout + "##") + base + "/*"))
                    .build();
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(clients + "/"
                    + client.getString("id"))).header("Authorization", admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(updated.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() / 100 != 2) {
                throw new AssertionError("Keycloak refused the client update: " + put.statusCode() + " " + put.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("Keycloak answered " + response.statusCode() + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** An access token for the user (a JWT). */
    String accessToken(String user, String password) {
        HttpResponse<String> response = passwordGrant(user, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("no token for " + user + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
    }

    /** A JWT's claims, read without checking its signature (the server under test checks it). */
    static JsonObject claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(payload),
                StandardCharsets.UTF_8))).readObject();
    }

    void stop() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor(1, TimeUnit.MINUTES);
    }

}
