package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.List;

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
 * An auditor at the Audit trail page in a real browser: filters the trail to one action by one
 * actor, pages back through it, verifies the hash chain and reads the outcome in words, and exports
 * exactly the records the filter selects. An employee who opens the Runs page is taken to their
 * own page instead of being refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditPageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    @Test
    void anAuditorFiltersPagesVerifiesAndExportsTheTrail() throws Exception {
        URI root = URI.create(base.toString()).resolve("/");
        RosterApi admin = new RosterApi(root);
        RosterApi auditor = admin.as("auditor");
        LdapFixture.get(); // the directory the tests read
        // 55 connection tests by the admin: more than one page of records of one action
        for (int i = 0; i < 55; i++) {
            assertThat(admin.post("api/sources/directory/test", "").status()).isEqualTo(200);
        }
        int tested = auditor.get("api/audit?action=source.tested&actor=admin&limit=1000").array().size();

        try (PageBrowser page = PageBrowser.signedIn(root, "auditor", "AuditPageIT")) {
            page.open("audit.html");
            page.await("the latest records", () -> page.text("status").matches("[\\d,]+ records?\\."));
            page.assertHeader("Runs", "Policies", "Audit trail");

            // filtered to one action by one actor
            page.type("filter-action", "source.tested");
            page.type("filter-actor", "admin");
            page.click("filter-apply");
            page.awaitStatus("50 records matching action source.tested, by admin.");
            List<String> rows = page.rows("records-body");
            assertThat(rows).hasSize(50).allSatisfy(row -> assertThat(row).contains("admin", "source.tested",
                    "source:", "connection test of ", ": works"));
            assertThat(page.text("page-position")).startsWith("Page 1: records ");
            page.screenshot("filtered", "filter-form");

            // the next page holds the rest, and going back shows the first again
            page.click("page-older");
            int rest = Math.min(50, tested - 50);
            page.awaitStatus((rest == 1 ? "1 record" : rest + " records") + " matching action source.tested, by admin, page 2.");
            assertThat(page.rows("records-body")).hasSize(rest);
            assertThat(page.find("page-newer").isEnabled()).isTrue();
            page.click("page-newer");
            page.awaitStatus("50 records matching action source.tested, by admin.");

            // the chain, verified, in words
            page.click("verify");
            page.await("the chain verified", () -> page.text("verify-result").startsWith("The audit trail is intact"));
            assertThat(page.text("verify-result")).matches("The audit trail is intact: all [\\d,]+ records check out, "
                    + "and none was changed or removed\\. The newest anchor outside the database, written .+ by server "
                    + ".+, vouches for the trail up to record \\d+\\.");
            page.screenshot("verified", "main");

            // the export holds exactly what the filter selects
            String csv = page.find("export-csv").getDomProperty("href");
            assertThat(csv).contains("action=source.tested", "actor=admin", "format=csv");
            RosterApi.Reply exported = auditor.get(URI.create(csv).getRawPath() + "?" + URI.create(csv).getRawQuery());
            assertThat(exported.status()).isEqualTo(200);
            assertThat(exported.contentType()).startsWith("text/csv");
            List<String> lines = exported.body().lines().toList();
            assertThat(lines.get(0)).isEqualTo("id,at,actor,action,subject,detail,prev_hash,hash");
            assertThat(lines).hasSize(tested + 1);
            assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line)
                    .contains(",\"admin\",\"source.tested\",\"source:"));
        }

        // an employee who opens the Runs page is taken to their own page, not refused
        try (PageBrowser employee = PageBrowser.signedIn(root, "p000100", "AuditPageIT")) {
            employee.open("index.html");
            employee.await("My page", () -> employee.driver().getCurrentUrl().endsWith("/me.html"));
            employee.assertHeader("My page");
        }
    }
}
