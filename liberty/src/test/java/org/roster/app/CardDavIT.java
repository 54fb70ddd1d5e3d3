package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

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
 * nothing of it; guessing from one address stops that address only; a password made before
 * keyed digests still works.
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

        Vdirsyncer client = new Vdirsyncer(dir, URI.create(base.toString()).resolve("/dav/"), "p000101", password);
        client.run("discover");
        client.run("sync");
        Map<String, String> first = client.cards();
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

        String synced = client.run("sync");
        assertThat(synced.lines().filter(l -> l.contains("Copying") || l.contains("Deleting")).toList())
                .as(synced).singleElement().satisfies(line -> assertThat(line).contains("updating"));
        Map<String, String> second = client.cards();
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

    @Test
    void guessingAnEmployeesPasswordFromOtherAddressesNeverStopsTheirOwnPhone() throws Exception {
        RosterApi admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        LdapFixture.get().add(new LdapFixture.Person("p000111", "Lea", "Brandt", "0151 7000 0111", "Guarded", null));
        admin.sync();
        String password = "lea1-phon-e2ab-cdef-ghjk-mnpq";
        AppPasswordRows.madeBeforeDigests("p000111", "phone", password);
        String book = "dav/addressbooks/p000111/contacts/";
        URI loopback = URI.create("http://127.0.0.1:" + base.getPort() + "/");
        assertThat(dav("PROPFIND", book, "p000111", password, null).statusCode()).as("the phone signs in")
                .isEqualTo(207);

        try (LoopbackClient guesser = new LoopbackClient("127.0.0.3", loopback, 1)) {
            for (int i = 0; i < 10; i++) {
                assertThat(guesser.propfind(book, "p000111", "wrong-" + i)).isEqualTo(401);
            }
            assertThat(guesser.propfind(book, "p000111", password)).as("this address now waits, even with the "
                    + "right password").isEqualTo(429);
        }
        assertThat(dav("PROPFIND", book, "p000111", password, null).statusCode())
                .as("the employee's phone, on another address, signs in").isEqualTo(207);

        // many addresses guessing the same name: once it has drawn 100 wrong passwords, an address
        // waits after its first, but the name is never locked
        int waitedEarly = 0;
        for (int address = 4; address < 16; address++) {
            try (LoopbackClient guesser = new LoopbackClient("127.0.0." + address, loopback, 1)) {
                for (int i = 0; i < 10; i++) {
                    int status = guesser.propfind(book, "p000111", "wrong-" + address + "-" + i);
                    assertThat(status).isIn(401, 429);
                    if (status == 429) {
                        waitedEarly++;
                        break;
                    }
                }
            }
        }
        assertThat(waitedEarly).as("addresses told to wait before their tenth wrong password").isPositive();
        assertThat(dav("PROPFIND", book, "p000111", password, null).statusCode()).isEqualTo(207);
        try (LoopbackClient newcomer = new LoopbackClient("127.0.0.20", loopback, 1)) {
            assertThat(newcomer.propfind(book, "p000111", password)).as("a clean address signs in").isEqualTo(207);
        }
    }

    @Test
    void anAppPasswordMadeBeforeKeyedDigestsStillSignsInAndIsFoundByItsDigestFromThenOn() throws Exception {
        RosterApi admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        LdapFixture.get().add(new LdapFixture.Person("p000112", "Max", "Cordes", "0151 7000 0112", "Upgraded", null));
        admin.sync();
        String password = "abcd-efgh-ijkm-npqr-stuv-wxyz";
        long id = AppPasswordRows.madeBeforeDigests("p000112", "made before the upgrade", password);
        String book = "dav/addressbooks/p000112/contacts/";

        assertThat(dav("PROPFIND", book, "p000112", password, null).statusCode()).isEqualTo(207);

        AppPasswordRows.Stored stored = AppPasswordRows.stored(id);
        assertThat(stored.lookup()).as("found by its digest from now on").hasSize(64).doesNotContain(password);
        assertThat(stored.hash()).as("the slow hash is dropped").isNull();
        assertThat(dav("PROPFIND", book, "p000112", password, null).statusCode()).isEqualTo(207);
        assertThat(dav("PROPFIND", book, "p000112", "abcd-efgh-ijkm-npqr-stuv-wxy2", null).statusCode())
                .isEqualTo(401);
    }
}
