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
 * Compliance officers change the policy at the Policies page in a real browser: one writes a draft
 * and sees a mistake named with its line as they type, fixes it, saves and simulates it (counts
 * first, then the lines that change); the page shows the four-eyes refusal when they try to approve
 * their own draft; a second officer approves it; the first publishes it, and then restores the
 * version that was active before, which the history shows.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PoliciesPageIT {

    private static final String WITH_A_MISTAKE = """
            policy: ui-walk
            description: Colleagues in the same department see names, mobile and department.
            scope:
              - id: has-mobile
                require: mobile
            fields: [givenName, surname, mobile, shoeSize]
            visibility:
              - id: same-department
                same: department
            """;
    private static final String FIXED = WITH_A_MISTAKE.replace("shoeSize", "department");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    @Test
    void anOfficerDraftsAndSimulatesASecondApprovesTheFirstPublishesThenRestoresTheEarlierVersion() throws Exception {
        URI root = URI.create(base.toString()).resolve("/");
        RosterApi admin = new RosterApi(root);
        RosterApi compliance = admin.as("compliance");
        LdapFixture ldap = LdapFixture.get();
        String department = "PolicyPage-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            ldap.add(new LdapFixture.Person("pp" + i + "-" + department, "Pol", "Icy" + i,
                    String.format("0151 4446 66%02d", i), department, null));
        }
        admin.sync();
        JsonObject before = compliance.get("api/policies/active").object();
        long earlier = before.getJsonNumber("id").longValue();

        long draft;
        try (PageBrowser page = PageBrowser.signedIn(root, "compliance", "PoliciesPageIT")) {
            page.open("policies.html");
            page.awaitStatus("The active policy is " + before.getString("name") + ", version " + earlier + ".");
            page.assertHeader("Runs", "Employees", "Policies", "Audit trail");

            // a mistake is named with its line while typing, beside the editor
            page.click("editor-from-active");
            page.await("the active policy checked", () -> page.text("problems-summary").startsWith("No problems found"));
            page.type("policy-text", WITH_A_MISTAKE);
            page.await("the mistake named", () -> !page.all(By.cssSelector("#problems li")).isEmpty());
            String problem = page.find(By.cssSelector("#problems li")).getText();
            assertThat(problem).contains("Line 6").contains("shoeSize");
            assertThat(page.text("problems-summary")).isEqualTo("1 problem: fix it before saving.");
            assertThat(page.find("policy-text").getDomAttribute("aria-invalid")).isEqualTo("true");
            page.screenshot("mistake-named-beside-the-editor", "editor-section");

            page.type("policy-text", FIXED);
            page.await("no problems left", () -> page.text("problems-summary")
                    .equals("No problems found: it can be saved as a draft."));
            assertThat(page.all(By.cssSelector("#problems li"))).isEmpty();
            page.click("editor-save");
            page.awaitStatusStarting("Saved as draft version ");
            draft = Long.parseLong(page.text("status").replaceAll("^Saved as draft version (\\d+)\\..*$", "$1"));
            assertThat(row(page, draft)).contains("ui-walk", "Draft", "compliance");

            // simulated: counts first, then who would change, then the lines that change
            button(page, draft, "simulate").click();
            page.awaitStatusStarting("Simulated version " + draft + ":");
            String counts = page.text("simulation-counts");
            long updated = Long.parseLong(page.find(By.xpath("//dl[@id='simulation-counts']/div[dt='Contacts updated "
                    + "(fields change)']/dd")).getText().replaceAll("[^0-9]", ""));
            assertThat(counts).contains("Employees considered", "Contacts added", "Contacts updated (fields change)",
                    "Contacts removed");
            assertThat(updated).as("the department now leaves Roster for "
                    + "everyone who receives a colleague").isGreaterThanOrEqualTo(6);
            assertThat(page.rows("by-rule-body")).isNotEmpty();
            assertThat(page.rows("viewers-body")).isNotEmpty();
            // (with other tests' colleagues in the directory, this test's viewers may not be among the most changed)
            assertThat(page.rows("viewers-body")).as("who would see new fields of whom")
                    .allSatisfy(viewer -> assertThat(viewer).contains("New fields for: "));
            List<String> diff = page.all(By.cssSelector("#simulation-diff .diff__line--add"))
                    .stream().map(WebElement::getText).toList();
            assertThat(diff).anySatisfy(line -> assertThat(line).contains("fields: [givenName, surname, mobile, department]"));
            page.screenshot("simulation", "simulation-section");

            // the author can't approve their own draft: the page says why
            button(page, draft, "approve").click();
            page.awaitAlert("another compliance officer must approve it (four eyes)");
            assertThat(row(page, draft)).contains("Draft");
            page.screenshot("four-eyes-refusal", "main");
        }

        try (PageBrowser second = PageBrowser.signedIn(root, "compliance2", "PoliciesPageIT")) {
            second.open("policies.html");
            second.awaitStatusStarting("The active policy is ");
            button(second, draft, "approve").click();
            second.awaitStatus("Version " + draft + " is approved. It can now be published.");
            assertThat(row(second, draft)).contains("Approved, not published", "compliance2");
            second.screenshot("approved-by-a-second-officer", "history-section");
        }

        try (PageBrowser page = PageBrowser.signedIn(root, "compliance", "PoliciesPageIT")) {
            page.open("policies.html");
            page.awaitStatusStarting("The active policy is ");
            button(page, draft, "publish").click();
            page.awaitStatus("Version " + draft + " is published: the next run applies it.");
            assertThat(row(page, draft)).contains("Published: active");
            assertThat(page.text("active-summary")).startsWith("ui-walk, version " + draft + ", published by compliance");
            assertThat(compliance.get("api/policies/active").object().getJsonNumber("id").longValue()).isEqualTo(draft);
            page.screenshot("published", "active-section");

            // restoring the version that was active before: a draft copy of it, for a second officer to approve
            button(page, earlier, "rollback").click();
            page.awaitStatusStarting("Version " + earlier + " is restored as draft version ");
            long restored = Long.parseLong(page.text("status").replaceAll("^.* restored as draft version (\\d+):.*$",
                    "$1"));
            assertThat(page.text("status")).endsWith("another compliance officer approves it, then it can be published.");
            assertThat(row(page, restored)).contains(before.getString("name"), "restores version " + earlier, "Draft");
            assertThat(row(page, draft)).contains("Published: active");
            assertThat(page.text("active-summary")).startsWith("ui-walk, version " + draft);
            page.screenshot("restored-as-a-draft", "history-section");
            assertThat(compliance.post("api/policies/" + restored + "/approve", "").status()).as("four eyes")
                    .isEqualTo(409);
            assertThat(compliance.as("compliance2").post("api/policies/" + restored + "/approve", "").status())
                    .isEqualTo(200);
            assertThat(compliance.post("api/policies/" + restored + "/publish", "").status()).isEqualTo(200);
            page.open("policies.html");
            page.awaitStatusStarting("The active policy is ");
            assertThat(row(page, restored)).contains("Published: active");
            assertThat(row(page, draft)).contains("Superseded");
            assertThat(page.text("active-summary")).startsWith(before.getString("name") + ", version " + restored);
        }
        assertThat(compliance.get("api/policies/active").object().getString("text")).isEqualTo(before.getString("text"));
    }

    private static String row(PageBrowser page, long version) {
        return page.find(By.cssSelector("#history-body tr[data-version-id='" + version + "']")).getText();
    }

    private static WebElement button(PageBrowser page, long version, String action) {
        return page.find(By.cssSelector("#history-body button[data-action='" + action + "'][data-version-id='"
                + version + "']"));
    }
}
