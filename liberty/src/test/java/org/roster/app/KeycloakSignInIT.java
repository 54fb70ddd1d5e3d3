package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.roster.testing.TestFiles;

/**
 * Roster signing people in through a real Keycloak (the realm export in the repository), as a
 * company runs it: bearer tokens for the API, Keycloak's sign-in page for the pages. Every REST
 * endpoint the server describes is called by each role and anonymously, and must answer as the
 * matrix below says; there are no demo users to fall back to.
 */
class KeycloakSignInIT {

    private static final String ADMIN = "admin";
    private static final String COMPLIANCE = "compliance";
    private static final String AUDITOR = "auditor";
    private static final String EMPLOYEE = "p000100";
    private static final List<String> USERS = List.of(ADMIN, COMPLIANCE, AUDITOR, EMPLOYEE);
    private static final Set<String> READERS = Set.of(ADMIN, COMPLIANCE, AUDITOR);
    /** Open to everyone like the health probes: whether each directory could be reached, no more. */
    private static final String OPEN = "GET /api/health/directory";

    /**
     * Who may call what: every endpoint in the server's API description must be listed here, with
     * the users (one per role) it lets in; everyone else must be refused.
     */
    private static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();

    static {
        allow(Set.of(COMPLIANCE, AUDITOR), "GET /api/audit", "GET /api/audit/verify", "GET /api/audit/export");
        allow(Set.of(ADMIN, COMPLIANCE), "GET /api/employees", "GET /api/employees/{id}",
                "GET /api/employees/{id}/contacts", "GET /api/employees/{id}/seen-by", "GET /api/employees/{id}/audit",
                "GET /api/employees/{viewer}/why/{colleague}");
        allow(Set.of(EMPLOYEE), "GET /api/me", "POST /api/me/opt-out", "DELETE /api/me/opt-out",
                "POST /api/me/consent", "DELETE /api/me/consent", "GET /api/me/address-book",
                "POST /api/me/app-passwords", "DELETE /api/me/app-passwords/{passwordId}", "GET /api/me/telegram",
                "POST /api/me/telegram", "DELETE /api/me/telegram", "POST /api/me/telegram/code",
                "POST /api/me/telegram/password");
        allow(READERS, "GET /api/policies", "GET /api/policies/schema", "GET /api/policies/active",
                "GET /api/policies/{id}", "GET /api/runs", "GET /api/runs/{id}", "GET /api/runs/{id}/rejections",
                "GET /api/runs/{id}/excluded", "GET /api/runs/chart.svg", "GET /api/runs/{id}/quality",
                "GET /api/runs/{id}/quality.csv", "GET /api/runs/quality", "GET /api/runs/quality-chart.svg",
                "GET /api/schedules",
                "GET /api/schedules/{source}");
        allow(Set.of(COMPLIANCE), "POST /api/policies", "POST /api/policies/validate",
                "POST /api/policies/{id}/simulate", "POST /api/policies/{id}/approve",
                "POST /api/policies/{id}/publish", "POST /api/policies/{id}/rollback");
        allow(Set.of(ADMIN), "POST /api/runs", "POST /api/runs/{id}/approve", "POST /api/runs/{id}/reject",
                "PUT /api/schedules/{source}", "DELETE /api/schedules/{source}", "GET /api/sources",
                "POST /api/sources", "GET /api/sources/{id}", "PUT /api/sources/{id}", "DELETE /api/sources/{id}",
                "POST /api/sources/{id}/test");
        allow(Set.of(ADMIN), "POST /api/keys/rotate");
        allow(Set.copyOf(USERS), "GET /api/session");
        MATRIX.put(OPEN, Set.copyOf(USERS));
    }

    private static final String KEYSTORE_PASSWORD = TestFiles.randomHex();
    private static KeycloakServer keycloak;
    private static LibertyProcess server;
    private static final Map<String, RosterApi> AS = new LinkedHashMap<>();

    private static void allow(Set<String> users, String... endpoints) {
        for (String endpoint : endpoints) {
            MATRIX.put(endpoint, users);
        }
    }

    @BeforeAll
    static void start() {
        keycloak = KeycloakServer.get();
        server = LibertyProcess.create("keycloak", Map.of("ROSTER_AUTH", "oidc",
                "ROSTER_OIDC_ISSUER", keycloak.issuer(), "ROSTER_OIDC_CLIENT_SECRET", KeycloakServer.CLIENT_SECRET,
                // Keycloak runs on plain http on this machine only
                "ROSTER_OIDC_HTTPS_REQUIRED", "false", "ROSTER_DEMO_SIZE", "300", "ROSTER_SYNC_ON_START", "false",
                "keystore_password", KEYSTORE_PASSWORD));
        server.set("ROSTER_PUBLIC_URL", server.base().toString().replaceAll("/$", ""));
        keycloak.register(server.base());
        server.start();
        for (String user : USERS) {
            AS.put(user, RosterApi.withToken(server.base(), keycloak.accessToken(user, user)));
        }
        AS.get(ADMIN).sync();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyEndpointLetsInExactlyTheRolesItShouldAndNobodyAnonymous() {
        JsonObject description = new RosterApi(server.base(), null).get("openapi?format=JSON").object();
        List<String> described = new ArrayList<>();
        description.getJsonObject("paths").forEach((path, operations) -> operations.asJsonObject().keySet()
                .forEach(method -> described.add(method.toUpperCase() + " " + path)));
        assertThat(described).as("the endpoints the server describes").isNotEmpty();
        assertThat(MATRIX.keySet()).as("every endpoint has its row in the matrix")
                .containsAll(described);

        RosterApi anonymous = new RosterApi(server.base(), null);
        RosterApi forged = RosterApi.withToken(server.base(), forgedToken());
        List<String> wrong = new ArrayList<>();
        for (String endpoint : described) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 2));
            for (String user : USERS) {
                int status = call(AS.get(user), method, path).status();
                boolean allowed = MATRIX.get(endpoint).contains(user);
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    wrong.add(endpoint + " as " + user + ": " + status);
                }
            }
            RosterApi.Reply none = call(anonymous, method, path);
            if (endpoint.equals(OPEN)) {
                // 200 or 503, as the directory answers; never a refusal
                if (none.status() == 401 || none.status() == 403 || none.status() == 302) {
                    wrong.add(endpoint + " anonymously: " + none.status());
                }
                continue;
            }
            int forgedStatus = call(forged, method, path).status();
            if (forgedStatus != 401) {
                wrong.add(endpoint + " with a token Keycloak did not sign: " + forgedStatus);
            }
            if (none.status() / 100 == 2) {
                wrong.add(endpoint + " anonymously: " + none.status());
            }
        }
        assertThat(wrong).as("answers that break the matrix").isEmpty();
    }

    @Test
    void anonymousCallersAreSentToKeycloakToSignInAndDemoUsersDoNotExist() {
        RosterApi.Reply anonymous = new RosterApi(server.base(), null).get("api/runs");
        RosterApi.Reply demo = new RosterApi(server.base(), ADMIN).get("api/runs");

        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(demo.status()).as("Basic credentials of a demo user").isNotEqualTo(200);
        assertThat(demo.body()).doesNotContain("\"status\"");
    }

    @Test
    void anEmployeeIsMatchedToTheirOwnEntryAndSeesNobodyElses() {
        RosterApi me = AS.get(EMPLOYEE);

        JsonObject session = me.get("api/session").object();
        assertThat(session.getString("user")).isEqualTo(EMPLOYEE);
        assertThat(session.getString("employeeId")).isEqualTo(EMPLOYEE);
        assertThat(session.getJsonArray("roles").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactly("employee");
        assertThat(session.getString("signIn")).isEqualTo("oidc");
        assertThat(me.get("api/me").object().getJsonObject("held").getString("id")).isEqualTo(EMPLOYEE);
        assertThat(me.get("api/employees/p000101").status()).isEqualTo(403);
        assertThat(me.get("api/employees/p000101/contacts").status()).isEqualTo(403);
    }

    @Test
    void whatSignedInPeopleDoIsAuditedUnderTheirNameAndNoSecretReachesTheLog() {
        RosterApi admin = AS.get(ADMIN);
        String id = "kc-" + System.nanoTime();
        assertThat(admin.post("api/sources", "{\"id\": \"" + id + "\", \"kind\": \"ldap\", \"name\": \"audited\", "
                + "\"settings\": {\"url\": \"ldap://localhost:1\", \"base-dn\": \"dc=x\", "
                + "\"allow-insecure\": \"true\"}, "
                + "\"secrets\": {\"password\": \"canary-bind-secret\"}}").status()).isEqualTo(201);
        admin.post("api/sources/" + id + "/test", "");
        assertThat(admin.put("api/schedules/" + id, "application/json", "{\"interval\": \"PT6H\"}").status())
                .isEqualTo(200);
        assertThat(admin.send("DELETE", "api/schedules/" + id).status()).isEqualTo(200);
        assertThat(admin.send("DELETE", "api/sources/" + id).status()).isEqualTo(204);
        JsonObject run = admin.runToEnd();
        RosterApi compliance = AS.get(COMPLIANCE);
        String active = compliance.get("api/policies/active").object().getString("text");
        RosterApi.Reply draft = compliance.postText("api/policies", "text/plain", active);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);

        RosterApi auditor = AS.get(AUDITOR);
        List<String> byAdmin = auditor.get("api/audit?actor=admin&limit=500").array()
                .getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("subject", "").contains(id)
                        || r.getString("subject", "").equals("run:" + run.getJsonNumber("id")))
                .map(r -> r.getString("action")).toList();
        assertThat(byAdmin).contains("source.created", "source.tested", "schedule.changed", "schedule.disabled",
                "source.deleted", "run.started");

        List<String> byCompliance = auditor.get("api/audit?actor=compliance&action=policy.drafted").array()
                .getValuesAs(JsonObject.class).stream().map(r -> r.getString("subject")).toList();
        assertThat(byCompliance).contains("policy:" + draft.object().getJsonNumber("id"));

        String log = server.log();
        assertThat(log).doesNotContain("canary-bind-secret").doesNotContain(KeycloakServer.CLIENT_SECRET);
        for (RosterApi caller : AS.values()) {
            assertThat(log).doesNotContain(caller.token());
        }
    }

    @Test
    void anEmployeeSignsInOnKeycloaksPageOptsOutFromTheirPageAndSignsOut() throws Exception {
        WebDriver browser = PageBrowser.headlessChromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        RosterApi me = AS.get(EMPLOYEE);
        me.send("DELETE", "api/me/opt-out");
        try {
            browser.get(server.base().resolve("me.html").toString());
            // Keycloak's own sign-in page
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertThat(browser.getCurrentUrl()).startsWith(keycloak.issuer());
            Files.write(screenshots.resolve("KeycloakSignInIT-01-keycloak-sign-in.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            browser.findElement(By.id("username")).sendKeys(EMPLOYEE);
            browser.findElement(By.id("password")).sendKeys(EMPLOYEE);
            browser.findElement(By.id("kc-login")).click();

            wait.until(ExpectedConditions.textToBe(By.id("held-id"), EMPLOYEE));
            assertThat(browser.getCurrentUrl()).startsWith(server.base().toString());
            assertThat(browser.getCurrentUrl()).as("no token in the address").doesNotContain("code=")
                    .doesNotContain("token");
            // a change through the page's own session (cookie and CSRF token)
            browser.findElement(By.id("opt-out-button")).click();
            wait.until(ExpectedConditions.textToBe(By.id("opt-out-state"), "You have opted out."));
            Files.write(screenshots.resolve("KeycloakSignInIT-02-opted-out.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            assertThat(me.get("api/me").object().getBoolean("optedOut")).isTrue();
            List<String> audited = AS.get(AUDITOR).get("api/audit?actor=" + EMPLOYEE).array()
                    .getValuesAs(JsonObject.class).stream().map(r -> r.getString("action")).toList();
            assertThat(audited).contains("self-service.opted-out");

            // signing out from the page's header ends Roster's session and Keycloak's: the next visit asks again
            assertThat(browser.findElement(By.id("site-user")).getText()).contains(EMPLOYEE);
            browser.findElement(By.id("sign-out")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "signed out to Keycloak; the browser "
                    + "is at " + browser.getCurrentUrl() + " showing: " + browser.findElement(By.tagName("body")).getText())
                    .until(d -> d.getCurrentUrl().startsWith(keycloak.issuer()));
            List<WebElement> confirm = browser.findElements(By.id("kc-logout"));
            if (!confirm.isEmpty()) {
                confirm.get(0).click(); // Keycloak asks whether to sign out when Roster sends no id token
            }
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            Files.write(screenshots.resolve("KeycloakSignInIT-03-signed-out.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            browser.get(server.base().resolve("me.html").toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertThat(browser.getCurrentUrl()).as("signed out: Keycloak asks again").startsWith(keycloak.issuer());
        } finally {
            me.send("DELETE", "api/me/opt-out");
            browser.quit();
        }
    }

    /** A path with sample values for its parameters. */
    @Test
    void answersOverTlsTellBrowsersToUseNothingElseAndAreNotStored() throws Exception {
        // the server's own certificate, from the key store Liberty made for it, is the only one trusted
        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(server.dir().resolve("resources/security/key.p12"))) {
            serverKeys.load(in, KEYSTORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(serverKeys);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        HttpsURLConnection session = (HttpsURLConnection) server.httpsBase().resolve("api/session").toURL()
                .openConnection();
        session.setSSLSocketFactory(tls.getSocketFactory());
        // the generated certificate names the machine, not localhost
        session.setHostnameVerifier((host, ssl) -> host.equals("localhost"));
        session.setRequestProperty("Authorization", "Bearer " + AS.get(EMPLOYEE).token());

        assertThat(session.getResponseCode()).isEqualTo(200);
        assertThat(session.getHeaderField("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(session.getHeaderField("Cache-Control")).contains("no-store");
    }

    private static String concrete(String template) {
        return template.replace("{passwordId}", "999999").replace("{source}", "directory")
                .replace("api/employees/{id}", "api/employees/p000101").replace("api/sources/{id}", "api/sources/directory")
                .replace("{viewer}", "p000101").replace("{colleague}", "p000102")
                .replace("{id}", "1");
    }

    private static RosterApi.Reply call(RosterApi api, String method, String path) {
        if (method.equals("GET") || method.equals("DELETE")) {
            return api.send(method, path);
        }
        if (path.equals("api/policies") || path.equals("api/policies/validate")) {
            return api.postText(path, "text/plain", "name: matrix\n");
        }
        if (path.equals("api/runs")) {
            return api.send(method, path, "{\"dryRun\": true}");
        }
        return api.send(method, path, "{}");
    }

    /** A well-formed token that claims every role, signed by nobody Roster trusts. */
    private static String forgedToken() {
        JsonObject real = KeycloakServer.claims(keycloak.accessToken(ADMIN, ADMIN));
        JsonObject claims = Json.createObjectBuilder(real).add("groups", Json.createArrayBuilder(
                List.of("directory-admin", "compliance-officer", "auditor", "employee"))).build();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}".getBytes());
        return header + "." + b64.encodeToString(claims.toString().getBytes()) + "." + b64.encodeToString(new byte[256]);
    }
}
