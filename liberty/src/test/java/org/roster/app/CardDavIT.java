package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An employee subscribes their phone's address book to Roster: a real CardDAV client (Debian's
 * {@code vdirsyncer}) discovers and syncs it with an app password, receives exactly a change after
 * the next run, and sees nothing the policy does not release. Another employee's password opens
 * nothing of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CardDavIT {

    private static final String DEPARTMENT = "Canary-Dept-8812";
    private static final String TITLE = "Canary-Title-5521";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> dav(String method, String path, String user, String password, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Depth", "1")
                .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs vdirsyncer with the test's configuration, answering yes to its questions; returns what it printed. */
    private String vdirsyncer(String... command) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("vdirsyncer", "-c", dir.resolve("config").toString()));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        process.getOutputStream().write("y\ny\ny\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("vdirsyncer ended").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private Map<String, String> localCards() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("contacts"))) {
            return files.filter(f -> f.toString().endsWith(".vcf")).collect(Collectors.toMap(
                    f -> f.getFileName().toString(), f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
        }
    }

    @Test
    void guessingAnAddressBooksPasswordIsSlowedDown() throws Exception {
        String name = "guess-" + System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertThat(dav("PROPFIND", "/dav/", name, "wrong-" + i, null).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> eleventh = dav("PROPFIND", "/dav/", name, "wrong-10", null);

        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
    }

    @Test
    void anEmployeesPhoneSyncsTheirAddressBookAndReceivesExactlyTheNextChange() throws Exception {
        RosterApi admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        LdapFixture ldap = LdapFixture.get();
        ldap.add(new LdapFixture.Person("p000101", "Ines", "Vogt", "0151 7000 0101", DEPARTMENT, TITLE));
        ldap.add(new LdapFixture.Person("p000102", "Jon", "Weiss", "0151 7000 0102", DEPARTMENT, null));
        ldap.add(new LdapFixture.Person("dav-it-3", "Kai", "Xu", "0151 7000 0103", DEPARTMENT, TITLE));
        admin.sync();

        RosterApi ines = admin.as("p000101");
        RosterApi.Reply made = ines.post("api/me/app-passwords", "{\"label\": \"vdirsyncer on my laptop\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String password = made.object().getString("password");
        JsonObject book = ines.get("api/me/address-book").object();
        assertThat(book.getString("url")).endsWith("/dav/addressbooks/p000101/contacts/");
        assertThat(book.toString()).doesNotContain(password);
        String jonsPassword = admin.as("p000102").post("api/me/app-passwords", "{\"label\": \"phone\"}").object()
                .getString("password");

        assertThat(dav("PROPFIND", "dav/addressbooks/p000101/contacts/", null, null, null).statusCode()).isEqualTo(401);
        assertThat(dav("PROPFIND", "dav/addressbooks/p000101/contacts/", "p000101", "wrong", null).statusCode())
                .isEqualTo(401);
        assertThat(dav("PROPFIND", "dav/addressbooks/p000101/contacts/", "p000102", jonsPassword, null).statusCode())
                .as("another employee's password opens nothing of it").isEqualTo(404);
        assertThat(dav("GET", ".well-known/carddav", null, null, null).statusCode()).isEqualTo(301);
        String before = dav("PROPFIND", "dav/addressbooks/p000101/contacts/", "p000101", password,
                "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:sync-token/></d:prop></d:propfind>").body();
        String token = before.replaceAll("(?s).*<d:sync-token>([^<]*)</d:sync-token>.*", "$1");

        Files.writeString(dir.resolve("config"), String.join("\n",
                "[general]",
                "status_path = \"" + dir.resolve("status") + "/\"",
                "[pair roster]",
                "a = \"roster_remote\"",
                "b = \"roster_local\"",
                "collections = [\"from a\"]",
                "conflict_resolution = \"a wins\"",
                "[storage roster_remote]",
                "type = \"carddav\"",
                "url = \"" + URI.create(base.toString()).resolve("/dav/") + "\"",
                "username = \"p000101\"",
                "password = \"" + password + "\"",
                "read_only = true",
                "[storage roster_local]",
                "type = \"filesystem\"",
                "path = \"" + dir.resolve("contacts") + "/\"",
                "fileext = \".vcf\"", ""));
        vdirsyncer("discover");
        vdirsyncer("sync");
        Map<String, String> first = localCards();
        assertThat(first).hasSize(2);
        assertThat(String.join("\n", first.values())).contains("Jon", "Kai", "+4915170000103")
                .as("the policy releases names and mobile only").doesNotContain(DEPARTMENT).doesNotContain(TITLE);

        ldap.replace("dav-it-3", "mobile", "0151 7000 0199");
        admin.sync();
        String changes = dav("REPORT", "dav/addressbooks/p000101/contacts/", "p000101", password,
                "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>" + token + "</d:sync-token><d:sync-level>1"
                + "</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>").body();
        assertThat(changes).as("sync-collection names exactly the changed card").contains("dav-it-3.vcf")
                .doesNotContain("p000102.vcf");

        String synced = vdirsyncer("sync");
        assertThat(synced.lines().filter(l -> l.contains("Copying") || l.contains("Deleting")).toList())
                .as(synced).singleElement().satisfies(line -> assertThat(line).contains("updating"));
        Map<String, String> second = localCards();
        assertThat(second).hasSize(2);
        assertThat(String.join("\n", second.values())).contains("+4915170000199").doesNotContain("+4915170000103");
        first.forEach((file, text) -> {
            if (!text.contains("Kai")) {
                assertThat(second.get(file)).as("an unchanged card is the same").isEqualTo(text);
            }
        });

        long passwordId = ines.get("api/me/address-book").object().getJsonArray("passwords").getJsonObject(0)
                .getJsonNumber("id").longValue();
        assertThat(ines.send("DELETE", "api/me/app-passwords/" + passwordId).status()).isEqualTo(204);
        assertThat(dav("PROPFIND", "dav/addressbooks/p000101/contacts/", "p000101", password, null).statusCode())
                .as("a revoked password opens nothing").isEqualTo(401);
    }
}
