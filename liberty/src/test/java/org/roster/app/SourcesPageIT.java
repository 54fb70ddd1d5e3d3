package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.List;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A directory admin at the Sources and Runs pages in a real browser: sees the configured directory
 * as read-only, adds a second LDAP directory (a mistyped base DN is named beside its field), tests
 * it and reads the steps in words, removes it again after confirming, and approves a run that
 * stopped because it would remove too many contacts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SourcesPageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    @Test
    void anAdminAddsTestsAndRemovesAnLdapSourceAndApprovesAHaltedRun() throws Exception {
        URI root = URI.create(base.toString()).resolve("/");
        RosterApi admin = new RosterApi(root);
        LdapFixture ldap = LdapFixture.get();
        String id = "partners-" + Long.toString(System.nanoTime() % 100_000, 36);
        ldap.add(LdapFixture.CONTRACTORS_DN, new LdapFixture.Person("ui-" + id, "Pia", "Partner", "0151 6100 0001",
                "Partners", null));

        try (PageBrowser page = PageBrowser.signedIn(root, "admin", "SourcesPageIT")) {
            page.open("sources.html");
            page.await("the sources listed", () -> page.text("status").matches("\\d+ sources?\\."));
            // who is signed in, and only the pages a directory admin may use
            page.assertHeader("Runs", "Employees", "Sources", "Policies");

            // the configured directory is read-only
            String configured = page.find(By.cssSelector("#sources-body tr[data-source-id='directory']")).getText();
            assertThat(configured).contains("LDAP", "ldap://localhost:" + System.getProperty("it.ldap.port"),
                    "Set in the server’s configuration: read-only here", "Bind password: not set");
            assertThat(page.all(By.cssSelector("#sources-body tr[data-source-id='directory'] button")))
                    .extracting(WebElement::getText).containsExactly("Test");
            page.screenshot("configured-source-read-only", "main");

            // adding a source: a base DN that is not a DN is named beside its field
            page.click("add-source");
            page.await("the form", () -> page.visible("source-form-panel"));
            page.type("source-id", id);
            page.type("source-name", "Partner directory");
            page.type("source-precedence", "60");
            page.type("setting-url", "ldap://localhost:" + System.getProperty("it.ldap.port"));
            page.type("setting-bind-dn", LdapFixture.READER_DN);
            page.type("setting-base-dn", "contractors of fixture");
            page.type("secret-password", LdapFixture.READER_PASSWORD);
            page.click("form-save");
            page.await("an error beside the base DN", () -> page.visible("setting-base-dn-error"));
            assertThat(page.text("setting-base-dn-error")).contains("base DN", "is not a valid DN")
                    .doesNotContain("LDAPException", "ldapSDKVersion");
            assertThat(page.find("setting-base-dn").getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(admin.get("api/sources/" + id).status()).as("nothing stored").isEqualTo(404);
            page.screenshot("base-dn-refused-beside-its-field", "source-form-panel");

            page.type("setting-base-dn", LdapFixture.CONTRACTORS_DN);
            page.click("form-save");
            // the password would go over plain ldap://: refused, beside the setting that would accept it
            page.await("an error beside allow-insecure", () -> page.visible("setting-allow-insecure-error"));
            assertThat(page.text("setting-allow-insecure-error")).contains("clear text", "ldaps://", "start-tls");
            assertThat(admin.get("api/sources/" + id).status()).as("nothing stored").isEqualTo(404);
            page.click("setting-allow-insecure");
            page.click("form-save");
            page.awaitStatus("Partner directory is added. Test it to see that Roster can read it.");
            String row = page.find(By.cssSelector("#sources-body tr[data-source-id='" + id + "']")).getText();
            assertThat(row).contains("Partner directory", "ID " + id, "60", LdapFixture.CONTRACTORS_DN,
                    "Bind password: set", "Trust store password: not set", "Enabled", "Insecure",
                    "The bind password travels in clear text");
            page.screenshot("insecure-source-marked", "sources-wrap");
            assertThat(page.bodyText()).as("the secret is never shown").doesNotContain(LdapFixture.READER_PASSWORD);
            assertThat(admin.get("api/sources/" + id).object().getJsonArray("secretsSet").getString(0))
                    .isEqualTo("password");

            // changing it keeps the secret that was set, without showing it
            page.find(By.cssSelector("button[data-action='edit'][data-source-id='" + id + "']")).click();
            page.await("the form to change it", () -> page.visible("source-form-panel"));
            assertThat(page.find("source-id").getDomProperty("readOnly")).isEqualTo("true");
            assertThat(page.find("setting-base-dn").getDomProperty("value")).isEqualTo(LdapFixture.CONTRACTORS_DN);
            assertThat(page.find("secret-password").getDomProperty("value")).isEmpty();
            assertThat(page.text("secret-password-state")).isEqualTo("Currently: set");
            page.type("source-precedence", "70");
            page.click("form-save");
            page.awaitStatus("Partner directory is saved.");
            assertThat(page.find(By.cssSelector("#sources-body tr[data-source-id='" + id + "']")).getText())
                    .contains("70", "Bind password: set");
            assertThat(admin.get("api/sources/" + id).object().getInt("precedence")).isEqualTo(70);

            // testing it: each step in words, how many entries match, and a sample as the policy delivers it
            page.find(By.cssSelector("button[data-action='test'][data-source-id='" + id + "']")).click();
            page.awaitStatus("The connection to Partner directory works.");
            assertThat(page.text("test-verdict")).contains("Works", "Roster can read this source.");
            List<String> steps = page.all(By.cssSelector("#test-steps li")).stream().map(WebElement::getText).toList();
            assertThat(steps).hasSize(4).allSatisfy(step -> assertThat(step).startsWith("✓ OK"));
            assertThat(steps.get(1)).contains("Bind");
            assertThat(page.text("test-matching")).matches("[\\d,]+ (entry matches|entries match) the filter\\.");
            assertThat(page.rows("test-sample-body")).isNotEmpty()
                    .anySatisfy(sample -> assertThat(sample).contains("Delivered", "+49"));
            page.screenshot("connection-test-works", "test-panel");

            // removing it, after saying yes
            page.find(By.cssSelector("button[data-action='delete'][data-source-id='" + id + "']")).click();
            page.await("the confirmation", () -> page.visible("delete-confirm"));
            assertThat(page.text("delete-confirm-text")).contains("Remove Partner directory?");
            page.screenshot("remove-asks-first", "sources-wrap");
            page.click("delete-yes");
            page.awaitStatus("Partner directory is removed.");
            assertThat(page.all(By.cssSelector("#sources-body tr[data-source-id='" + id + "']"))).isEmpty();
            assertThat(admin.get("api/sources/" + id).status()).isEqualTo(404);

            // a run that would remove too many contacts waits; the admin approves it on the Runs page
            // started by another admin: whoever starts a run can't approve its removals
            long halted = haltedRun(admin, ldap, admin.as("admin2"), 45);
            page.open("index.html#run-" + halted);
            page.await("the run waiting for approval", () -> page.visible("approval"));
            assertThat(page.text("approval")).contains("This run would remove 72 contacts, more than the limit of 50 "
                    + "removals per run.", "Nothing has been delivered.");
            page.screenshot("run-awaiting-approval", "run-detail");
            page.click("approve-run");
            page.await("the run completed", () -> page.text("detail-status").equals("Completed"));
            assertThat(page.text("decided-by")).isEqualTo("Approved by admin.");
            assertThat(admin.get("api/runs/" + halted).object().getString("status")).isEqualTo("COMPLETED");

            // who the policy left out of the run, narrowed down to one rule
            page.type("excluded-rule", "has-mobile");
            page.click("excluded-apply");
            // the list before the filter holds other rules' employees: wait for the filtered one
            page.await("the employees left out by has-mobile", () -> page.rows("excluded-body").stream()
                    .anyMatch(r -> r.startsWith("uvx-")) && page.rows("excluded-body").stream()
                    .allMatch(r -> r.contains("has-mobile")));
            assertThat(page.rows("excluded-body")).allSatisfy(r -> assertThat(r).contains("has-mobile", "No"));
            page.screenshot("run-approved-and-delivered", "run-detail");

            // the history chart is drawn by the server, with its numbers as a table beside it
            page.await("the chart drawn", () -> Boolean.TRUE.equals(page.script(
                    "const i = document.getElementById('history-chart'); return i.complete && i.naturalWidth > 0;")));
            page.find(By.cssSelector("#history details summary")).click();
            assertThat(page.rows("history-body")).anySatisfy(r -> assertThat(r).startsWith(halted + " Completed"));
            page.screenshot("history-chart", "history");

            // the directory's schedule: a mistyped interval is named beside the field, then set
            page.find(By.cssSelector("#schedule-source option[value='directory']")).click();
            page.type("schedule-expression", "every hour");
            page.click("schedule-save");
            page.await("the interval refused", () -> page.visible("schedule-expression-error"));
            assertThat(page.text("schedule-expression-error")).contains("\"every hour\" is not an ISO-8601 duration");
            page.type("schedule-expression", "PT1H");
            page.click("schedule-save");
            page.awaitStatusStarting("directory is scheduled: Every PT1H; next run ");
            assertThat(page.find(By.cssSelector("#schedules-body tr[data-source='directory']")).getText())
                    .contains("Every PT1H", "On", "admin");
            page.screenshot("schedule-set", "schedules");

            // a run the admin started: the page leaves its removals to another admin
            long own = haltedRun(admin, ldap, admin, 48);
            page.open("index.html#run-" + own);
            page.await("the admin's own run waiting", () -> page.visible("approval")
                    && page.text("detail-heading").equals("Run " + own));
            assertThat(page.visible("approval-actions")).as("no approve or reject button").isFalse();
            assertThat(page.text("approval-readonly")).isEqualTo("You started run " + own
                    + "; another directory admin approves or rejects its removals.");
            assertThat(page.text("detail-trigger")).isEqualTo("Manual, started by admin");
            page.screenshot("own-run-left-to-another-admin", "run-detail");
            assertThat(admin.as("admin2").post("api/runs/" + own + "/approve", "").status()).isEqualTo(202);
            assertThat(admin.awaitEnd(own).getString("status")).isEqualTo("COMPLETED");
        }
        RosterApi.Reply chart = admin.get("api/runs/chart.svg?limit=5");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.contentType()).startsWith("image/svg+xml");
        assertThat(chart.body()).contains("<title id=\"chart-title\">Run history");
    }

    @Test
    void anAdminReadsARunsDataQualityAndTheChartOfTheLatestRuns() throws Exception {
        URI root = URI.create(base.toString()).resolve("/");
        RosterApi admin = new RosterApi(root);
        LdapFixture ldap = LdapFixture.get();
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String department = "UiQuality-" + tag;
        long digits = System.nanoTime() % 10_000_000L;
        String shared = String.format("+49 160 %07d", digits);
        ldap.add(new LdapFixture.Person("uq1-" + tag, "Quinn", "Sharing", shared, department, null));
        ldap.add(new LdapFixture.Person("uq2-" + tag, "Quentin", "Sharing", shared, department, null));
        ldap.add(new LdapFixture.Person("uq3-" + tag, "Queenie", "Nomobile", null, department, null));
        ldap.add(new LdapFixture.Person("uq4-" + tag, "Quirin", "Local", String.format("0170 %07d", digits), department,
                null));
        long run = admin.sync().getJsonNumber("id").longValue();

        try (PageBrowser page = PageBrowser.signedIn(root, "admin", "SourcesPageIT")) {
            page.open("index.html#run-" + run);
            page.await("the run's data-quality report", () -> page.visible("quality-report"));
            assertThat(page.rows("quality-body")).anySatisfy(row ->
                    assertThat(row).isEqualTo(department + " directory 4 2 0 1 1 0"));
            assertThat(page.all(By.cssSelector("#shared-list li"))).extracting(WebElement::getText)
                    .contains("uq1-" + tag + ", uq2-" + tag + " (shared-numbers)");
            assertThat(page.find("quality-csv").getDomAttribute("href"))
                    .isEqualTo("api/runs/" + run + "/quality.csv");
            assertThat(page.bodyText()).as("no number on the page").doesNotContain(String.format("%07d", digits));
            page.screenshot("run-data-quality", "quality-report");

            // the counts of the latest runs as a chart drawn by the server, with its numbers as a table
            page.await("the data-quality chart drawn", () -> Boolean.TRUE.equals(page.script(
                    "const i = document.getElementById('quality-chart'); return i.complete && i.naturalWidth > 0;")));
            page.find(By.cssSelector("#quality-history details summary")).click();
            page.await("the run in the table", () -> page.rows("quality-history-body").stream()
                    .anyMatch(r -> r.startsWith(run + " Completed")));
            page.screenshot("data-quality-chart", "quality-history");
        }
    }

    /**
     * Nine colleagues synced, then eight leave: 72 removals, over the tests' limit of 50, in a run
     * the starter starts.
     */
    private static long haltedRun(RosterApi admin, LdapFixture ldap, RosterApi starter, int numbers) {
        String department = "UiVanishing-" + System.nanoTime();
        for (int i = 0; i < 9; i++) {
            ldap.add(new LdapFixture.Person("uv" + i + "-" + department, "U", "Vanishing" + i,
                    String.format("0151 44%02d 55%02d", numbers, i), department, null));
        }
        // and one without a mobile number, whom the policy leaves out
        ldap.add(new LdapFixture.Person("uvx-" + department, "U", "Nomobile", null, department, null));
        admin.sync();
        for (int i = 1; i < 9; i++) {
            ldap.delete("uv" + i + "-" + department);
        }
        JsonObject run = starter.runToEnd();
        assertThat(run.getString("status")).as("run %s", run).isEqualTo("AWAITING_APPROVAL");
        return run.getJsonNumber("id").longValue();
    }
}
