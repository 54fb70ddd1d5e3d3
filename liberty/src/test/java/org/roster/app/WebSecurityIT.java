package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What protects signed-in people's browsers: the security headers on every answer, and that
 * another site cannot make a browser change anything with the sign-in it remembers (CSRF). And
 * that a server with a database of its own refuses to start on demo users.
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
        } catch (java.io.UncheckedIOException e) {
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
