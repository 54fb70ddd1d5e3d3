package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.roster.app.security.CsrfGuard;

/**
 * What protects signed-in people's browsers: the security headers on every answer, and that
 * another site cannot make a browser change anything with the sign-in it remembers (CSRF), even
 * by dressing an API address up as an address book's. That request bodies are capped before they
 * are read. And that a server with a database of its own refuses to start on demo users.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebSecurityIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    private static final Pattern CONTENT_LENGTH = Pattern.compile("content-length: *(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void pagesAndAnswersForbidInlineCodeAndFraming() throws Exception {
        for (String path : new String[] {"index.html", "me.html", "api/runs"}) {
            HttpResponse<String> response = send(request(path, "admin").GET());

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
    }

    @Test
    void anotherSiteCannotMakeABrowserChangeAnything() throws Exception {
        LdapFixture.get();
        String dryRun = "{\"dryRun\": true}";

        // a form or script on another site, riding on the browser's remembered sign-in
        HttpResponse<String> crossSite = send(post(dryRun).header("Sec-Fetch-Site", "cross-site"));
        HttpResponse<String> otherOrigin = send(post(dryRun).header("Origin", "https://evil.example"));
        // a browser request without the page's token (the cookie alone proves nothing)
        HttpResponse<String> noToken = send(post(dryRun).header("Sec-Fetch-Site", "same-origin")
                .header("Cookie", CsrfGuard.COOKIE + "=abc"));
        HttpResponse<String> wrongToken = send(post(dryRun).header("Sec-Fetch-Site", "same-origin")
                .header("Cookie", CsrfGuard.COOKIE + "=abc").header(CsrfGuard.HEADER, "abd"));

        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).contains("another site");
        assertThat(otherOrigin.statusCode()).isEqualTo(403);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("reload the page");
        assertThat(wrongToken.statusCode()).isEqualTo(403);

        // Roster's own page: the token it was given, in the header
        HttpResponse<String> page = send(request("index.html", "admin").GET());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(CsrfGuard.COOKIE))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("SameSite=Strict").doesNotContain("HttpOnly");
        String token = cookie.substring(CsrfGuard.COOKIE.length() + 1, cookie.indexOf(';'));
        HttpResponse<String> own = send(post(dryRun).header("Sec-Fetch-Site", "same-origin")
                .header("Origin", URI.create(base.toString()).resolve("/").toString().replaceAll("/$", ""))
                .header("Cookie", CsrfGuard.COOKIE + "=" + token).header(CsrfGuard.HEADER, token));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(202);
        awaitEnd(own);

        // a program (no browser, no cookies) is not at risk and needs no token
        HttpResponse<String> script = send(post(dryRun));
        assertThat(script.statusCode()).as(script.body()).isEqualTo(202);
        awaitEnd(script);
    }

    @Test
    void personalAnswersAreNeverStoredAndPlainHttpGetsNoHsts() throws Exception {
        HttpResponse<String> api = send(request("api/runs", "admin").GET());
        HttpResponse<String> addressBook = send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("/dav/"))
                .timeout(Duration.ofSeconds(30)).method("PROPFIND", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> page = send(request("index.html", "admin").GET());

        assertThat(api.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(addressBook.statusCode()).as("an address book's answer to a stranger").isEqualTo(401);
        assertThat(addressBook.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).doesNotContain("no-store");
        for (HttpResponse<String> plain : List.of(api, addressBook, page)) {
            assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("over plain HTTP").isEmpty();
        }
    }

    @Test
    void aBodyOverItsLimitIsRefusedBeforeItIsReadAndNothingIsLogged() throws Exception {
        LdapFixture.get();
        long newestBefore = newestRun();

        // a policy one byte over its limit, saying so up front
        HttpResponse<String> policy = send(request("api/policies", "compliance").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("#".repeat(256 * 1024 + 1))));
        // a run's options over the general limit, sent without a length (chunked): counted while read
        byte[] padded = ("{\"dryRun\": true" + " ".repeat(1024 * 1024) + "}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> run = send(request("api/runs", "admin").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(padded))));
        byte[] longPolicy = "#".repeat(300 * 1024).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunkedPolicy = send(request("api/policies/validate", "compliance")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(longPolicy))));
        // an address book's request, refused before the address book asks who is calling
        HttpResponse<String> addressBook = send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("/dav/"))
                .timeout(Duration.ofSeconds(30)).method("PROPFIND",
                        HttpRequest.BodyPublishers.ofString("<x/>" + " ".repeat(1024 * 1024))));

        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(413);
        assertThat(policy.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(policy.body()).contains("larger than 256 KiB", "roster.http.max-policy-body");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(413);
        assertThat(run.body()).contains("larger than 1 MiB", "roster.http.max-body");
        assertThat(chunkedPolicy.statusCode()).as(chunkedPolicy.body()).isEqualTo(413);
        assertThat(chunkedPolicy.body()).contains("larger than 256 KiB");
        assertThat(addressBook.statusCode()).as(addressBook.body()).isEqualTo(413);
        assertThat(addressBook.body()).contains("larger than 1 MiB");
        assertThat(newestRun()).as("the refused run did not start").isEqualTo(newestBefore);
        assertThat(serverLog()).doesNotContain("CappedBody");
    }

    @Test
    void aLengthOverTheLimitIsRefusedWithoutWaitingForTheBody() throws Exception {
        // ten gibibytes announced and none sent: a server that read before refusing would wait for them
        String answer = raw("POST /api/runs HTTP/1.1\r\nHost: localhost\r\n" + basic("admin")
                + "Content-Type: application/json\r\nContent-Length: 10737418240\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 413").contains("larger than 1 MiB");
    }

    @Test
    void anApiAddressDressedAsAnAddressBooksIsStillGuarded() throws Exception {
        LdapFixture.get();
        long newestBefore = newestRun();
        String body = "{\"dryRun\": true}";
        for (String path : List.of("/dav/../api/runs", "/dav/%2e%2e/api/runs", "/dav/%2E%2E/api/runs",
                "/dav/..;/api/runs", "/dav/./../api/runs")) {
            String answer = raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + basic("admin")
                    + "Sec-Fetch-Site: cross-site\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\n\r\n" + body);

            String status = answer.lines().findFirst().orElse("");
            assertThat(status).as(path).doesNotContain(" 202 ").doesNotContain(" 200 ");
            if (status.contains(" 403 ")) {
                assertThat(answer).as(path).contains("another site");
            }
        }
        String routed = raw("POST /dav/../api/runs HTTP/1.1\r\nHost: localhost\r\n" + basic("admin")
                + "Sec-Fetch-Site: cross-site\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(routed).as("the server takes it for the API, and so does the guard").startsWith("HTTP/1.1 403")
                .contains("another site");
        assertThat(newestRun()).as("no run started").isEqualTo(newestBefore);
    }

    /** The id of the newest run, 0 if there is none: it changes when a run starts. */
    private long newestRun() {
        JsonArray runs = new RosterApi(URI.create(base.toString()).resolve("/"), "admin")
                .get("api/runs?limit=1").array();
        return runs.isEmpty() ? 0 : runs.getJsonObject(0).getJsonNumber("id").longValue();
    }

    private static String basic(String user) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                .getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    /**
     * Sends a request exactly as written (no client tidies its address or checks its length) and
     * reads one answer: its head, then its body by length or chunks, not waiting for the server to
     * close the connection.
     */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            while (answer.indexOf("\r\n\r\n") < 0) {
                answer.append((char) next(in));
            }
            String head = answer.toString().toLowerCase(Locale.ROOT);
            Matcher length = CONTENT_LENGTH.matcher(head);
            if (length.find()) {
                answer.append(new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.ISO_8859_1));
            } else if (head.contains("transfer-encoding: chunked")) {
                while (!answer.toString().endsWith("\r\n0\r\n\r\n")) {
                    answer.append((char) next(in));
                }
            }
            return answer.toString();
        }
    }

    private static int next(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("the server closed the connection mid-answer");
        }
        return b;
    }

    /** The log of the server the tests run against. */
    private static String serverLog() throws IOException {
        Path log = Path.of(System.getProperty("it.wlp.home"), "usr", "servers", System.getProperty("it.server.name"),
                "logs", "messages.log");
        return Files.readString(log);
    }

    @Test
    void signingOutFromAPageNeedsItsTokenAndSaysWhereToGoNext() throws Exception {
        HttpResponse<String> page = send(request("index.html", "admin").GET());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(CsrfGuard.COOKIE))
                .findFirst().orElseThrow();
        String token = cookie.substring(CsrfGuard.COOKIE.length() + 1, cookie.indexOf(';'));

        HttpResponse<String> withToken = send(signOut(token).header(CsrfGuard.HEADER, token));
        HttpResponse<String> withoutToken = send(signOut(token));

        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        assertThat(withToken.body()).startsWith("{\"next\":\"http").endsWith("/\"}");
        assertThat(withoutToken.statusCode()).isEqualTo(403);
    }

    private HttpRequest.Builder signOut(String cookieToken) {
        return request("signout", "admin").header("Sec-Fetch-Site", "same-origin").header("Accept", "application/json")
                .header("Cookie", CsrfGuard.COOKIE + "=" + cookieToken).POST(HttpRequest.BodyPublishers.noBody());
    }

    @Test
    void demoSignInSaysSoAndHasNoSignOut() throws Exception {
        HttpResponse<String> session = send(request("api/session", "compliance").GET());

        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).contains("\"signIn\":\"demo\"", "\"user\":\"compliance\"",
                "\"roles\":[\"compliance-officer\"]").doesNotContain("signOut");
    }

    @Test
    void aServerWithItsOwnDatabaseRefusesToSignPeopleInWithDemoUsers() {
        try (LibertyProcess server = LibertyProcess.create("demo-refused", Map.of(
                "ROSTER_DB_URL", System.getProperty("it.db.url"), "ROSTER_SYNC_ON_START", "false",
                "ROSTER_SECRETS_KEY", "aXQtc2VjcmV0cy1rZXktMzItYnl0ZXMtbG9uZy0hISE=",
                "ROSTER_DEMO_LDAP_PORT", Integer.toString(LibertyProcess.freePort())))) {
            server.launch();

            await("the application refuses to start").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500)).until(() -> server.log().contains("CWWKZ0012I"));
            assertThat(server.log()).contains("will not sign people in with its demo users on a database of your own",
                    "roster.auth=oidc");
            assertThat(servesRuns(server)).as("a demo user gets nothing from it").isFalse();
        }
    }

    private void awaitEnd(HttpResponse<String> started) {
        long id = new RosterApi.Reply(started.statusCode(), "application/json", started.body()).object()
                .getJsonNumber("id").longValue();
        new RosterApi(URI.create(base.toString()).resolve("/")).awaitEnd(id);
    }

    /** Whether the server answers a demo user's request for the runs (a closed port answers nothing). */
    private static boolean servesRuns(LibertyProcess server) {
        try {
            return new RosterApi(server.base(), "admin").get("api/runs").status() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private HttpRequest.Builder post(String json) {
        return request("api/runs", "admin").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create(base.toString()).resolve("/" + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
