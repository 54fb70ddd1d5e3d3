package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Employees page in a real browser, role by role. A directory admin finds an employee by name,
 * reads what Roster holds, releases and withholds about them, their contacts with the rule and
 * delivery of each, who receives them, and asks why a colleague is or is not among their contacts.
 * A compliance officer follows an employee id from a run's excluded and rejected lists to the page
 * and reads the scope decision, the answer both ways and the audit records. An employee is taken to
 * their own page, and the API refuses them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmployeesPageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String DEPARTMENT = "Pages" + RUN;
    private static final String SURNAME = "Walk" + RUN;
    private static final String ANNA = "ep-anna-" + RUN;
    private static final String BERT = "ep-bert-" + RUN;
    private static final String NOMOBILE = "ep-cara-" + RUN;
    private static final String ELSEWHERE = "ep-dora-" + RUN;
    private static final String MISTYPED = "ep-emil-" + RUN;

    private static URI root;
    private static RosterApi admin;
    private static long firstRun;
    private static long secondRun;

    /** Once for the class: a department synced, then one number mistyped in the directory and synced again. */
    @BeforeEach
    void aDepartmentSyncedTwice() {
        if (admin != null) {
            return;
        }
        root = URI.create(base.toString()).resolve("/");
        RosterApi api = new RosterApi(root);
        LdapFixture ldap = LdapFixture.get();
        ldap.add(new LdapFixture.Person(ANNA, "Anna", SURNAME, "0151 7719 0001", DEPARTMENT, null));
        ldap.add(new LdapFixture.Person(BERT, "Bert", SURNAME, "0151 7719 0002", DEPARTMENT, null));
        ldap.add(new LdapFixture.Person(NOMOBILE, "Cara", "Nomobile", null, DEPARTMENT, null));
        ldap.add(new LdapFixture.Person(ELSEWHERE, "Dora", "Else", "0151 7719 0004", "Elsewhere" + RUN, null));
        ldap.add(new LdapFixture.Person(MISTYPED, "Emil", "Typo", "0151 7719 0005", DEPARTMENT, null));
        firstRun = api.sync().getJsonNumber("id").longValue();
        ldap.replace(MISTYPED, "mobile", "12");
        secondRun = api.sync().getJsonNumber("id").longValue();
        admin = api;
    }

    @Test
    void aDirectoryAdminFindsAnEmployeeReadsWhatIsHeldAndAsksWhyBothWays() throws Exception {
        try (PageBrowser page = PageBrowser.signedIn(root, "admin", "EmployeesPageIT-admin")) {
            page.open("employees.html");
            page.awaitStatus("Type a name, id or mail to find an employee.");
            page.assertHeader("Runs", "Employees", "Sources", "Policies");

            page.type("search-q", SURNAME.toLowerCase());
            page.click("search-submit");
            page.awaitStatus("2 employees match “" + SURNAME.toLowerCase() + "”.");
            assertThat(page.rows("results-body")).containsExactly(ANNA + " Anna " + SURNAME + " " + DEPARTMENT + " Yes Yes",
                    BERT + " Bert " + SURNAME + " " + DEPARTMENT + " Yes Yes");
            page.screenshot("found-by-name", "search-form");

            page.find(By.linkText(ANNA)).click();
            page.awaitStatus("Showing employee " + ANNA + ".");
            assertThat(page.text("employee-heading")).isEqualTo("Anna " + SURNAME + " (" + ANNA + ")");
            assertThat(page.text("employee-rule")).isEqualTo("all-scope-rules-passed");
            assertThat(page.rows("fields-body")).contains("Surname " + SURNAME + " Released",
                    "Department " + DEPARTMENT + " Withheld by rule fields", "Mobile +4915177190001 Released");
            // the entry rejected in the second run keeps its last good state, and is still delivered
            assertThat(page.rows("contacts-body")).hasSize(2).allSatisfy(row -> assertThat(row)
                    .contains(" same-department run " + firstRun + ", ").endsWith(" Recorded (address book) Why?"))
                    .anySatisfy(row -> assertThat(row).startsWith(BERT + " Bert " + SURNAME + " same-department"))
                    .anySatisfy(row -> assertThat(row).startsWith(MISTYPED + " Emil Typo same-department"));
            assertThat(page.text("seen-by-summary")).isEqualTo("2 colleagues receive " + ANNA + "’s contact.");
            assertThat(page.rows("seen-by-body")).as("by surname").containsExactly(
                    MISTYPED + " Emil Typo — same-department Why?", BERT + " Bert " + SURNAME + " — same-department Why?");
            page.screenshot("one-employee", "employee-section");

            // why a colleague is among the contacts, both ways
            page.find(By.cssSelector("#contacts-body button[aria-label='Why does " + ANNA + " get " + BERT
                    + "’s contact?']")).click();
            page.await("the answer", () -> page.visible("why-result") && answer(page, "why-there-answer")
                    .startsWith(ANNA + " gets " + BERT + "'s contact through same-department"));
            assertThat(answer(page, "why-back-answer")).startsWith(BERT + " gets " + ANNA + "'s contact through "
                    + "same-department, delivered in run " + firstRun);
            assertThat(page.rows("why-there-rules")).containsExactly("same-department Yes —");
            assertThat(page.driver().getCurrentUrl()).endsWith("employees.html?id=" + ANNA + "&why=" + BERT);
            assertThat(folded(page, "why-section")).contains("Fields that travel Given name, Surname, Mobile",
                    "Fields withheld Department (fields)").doesNotContain(DEPARTMENT, "+49151");
            page.screenshot("why-a-colleague-is-delivered", "why-section");

            // and why someone in another department is not
            page.type("why-colleague", ELSEWHERE);
            page.click("why-submit");
            page.await("the answer", () -> answer(page, "why-there-answer").startsWith(ANNA + " does not get"));
            assertThat(answer(page, "why-there-answer")).isEqualTo(ANNA + " does not get " + ELSEWHERE + "'s contact: no "
                    + "visibility rule grants it (same-department: different department).");
            assertThat(page.text("status")).startsWith(ANNA + " does not get " + ELSEWHERE + "'s contact");
            assertThat(page.rows("why-back-rules")).containsExactly("same-department No different department");
            page.screenshot("why-not-another-department", "why-section");

            // an id nobody has is said so, in words
            page.type("why-colleague", "nobody-" + RUN);
            page.click("why-submit");
            page.awaitAlert("No employee with id \"nobody-" + RUN + "\" has been read from the directory.");
            assertThat(page.text("status")).isEqualTo("There is no employee nobody-" + RUN + ".");
            assertThat(page.visible("why-result")).as("no answer of an earlier question stays").isFalse();
        }
    }

    @Test
    void aComplianceOfficerFollowsTheRunsExcludedAndRejectedListsToTheEmployeesPage() throws Exception {
        try (PageBrowser page = PageBrowser.signedIn(root, "compliance", "EmployeesPageIT-compliance")) {
            page.open("index.html#run-" + secondRun);
            page.await("the excluded employee linked", () -> !page.all(By.cssSelector("#excluded-body a"))
                    .stream().filter(a -> a.getText().equals(NOMOBILE)).toList().isEmpty());
            page.assertHeader("Runs", "Employees", "Policies", "Audit trail");
            page.find(By.cssSelector("#excluded-body a[href='employees.html?id=" + NOMOBILE + "']")).click();

            page.awaitStatus("Showing employee " + NOMOBILE + ".");
            assertThat(page.text("employee-rule")).isEqualTo("has-mobile");
            assertThat(page.text("employee-reason")).isEqualTo("has no mobile");
            assertThat(page.text("employee-receives")).isEqualTo("No");
            assertThat(page.text("contacts-empty")).isEqualTo(NOMOBILE + " receives no colleagues’ contacts.");
            page.type("why-colleague", ANNA);
            page.click("why-submit");
            page.await("the answer", () -> answer(page, "why-there-answer").startsWith(NOMOBILE + " does not get"));
            assertThat(answer(page, "why-there-answer")).isEqualTo(NOMOBILE + " does not get " + ANNA + "'s contact: "
                    + NOMOBILE + " receives no contacts (has-mobile: has no mobile); same-department would grant it "
                    + "otherwise.");
            assertThat(answer(page, "why-back-answer")).isEqualTo(ANNA + " does not get " + NOMOBILE + "'s contact: "
                    + NOMOBILE + " is out of scope (has-mobile: has no mobile); same-department would grant it "
                    + "otherwise.");
            page.screenshot("excluded-employee-why-not", "employee-section");

            // a rejected entry keeps its last good state; the trail says why, newest first
            page.open("index.html#run-" + secondRun);
            page.await("the rejected entry linked", () -> !page.all(By.cssSelector(
                    "#rejections-body a[href='employees.html?id=" + MISTYPED + "']")).isEmpty());
            page.find(By.cssSelector("#rejections-body a[href='employees.html?id=" + MISTYPED + "']")).click();
            page.awaitStatus("Showing employee " + MISTYPED + ".");
            assertThat(page.text("employee-rejections")).startsWith("run " + secondRun + ": mobile");
            assertThat(page.rows("audit-body")).first().satisfies(row -> assertThat(row)
                    .contains("system", "entry.rejected", "run " + secondRun + ": ").doesNotContain(" 12 "));
            page.screenshot("rejected-employee-and-audit", "audit-section");
        }
    }

    @Test
    void anEmployeeIsTakenToTheirOwnPageAndTheApiRefusesThem() {
        try (PageBrowser employee = PageBrowser.signedIn(root, "p000100", "EmployeesPageIT-employee")) {
            employee.open("employees.html?id=" + ANNA);
            // this employee was never read from the fixture's directory: their page says so, which is not the point here
            new WebDriverWait(employee.driver(), PageBrowser.PATIENCE).withMessage("taken to My page")
                    .until(d -> d.getCurrentUrl().endsWith("/me.html") && employee.visible("site-user"));
            employee.assertHeader("My page");
        }
        RosterApi.Reply refused = admin.as("p000100").get("api/employees/" + ANNA + "/why/" + BERT);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(admin.as("p000100").get("api/employees/" + ANNA + "/seen-by").status()).isEqualTo(403);
        assertThat(admin.as("p000100").get("api/employees/" + ANNA + "/audit").status()).isEqualTo(403);
    }

    /**
     * An answer's words, read in one go in the page: the answer is rendered anew for every question,
     * so an element found before may be gone by the time its text is asked for.
     */
    private static String answer(PageBrowser page, String id) {
        return String.valueOf(page.script("const e = document.getElementById(arguments[0]); "
                + "return e ? e.textContent : '';", id));
    }

    /** What an element says, with white space folded as a person reads it. */
    private static String folded(PageBrowser page, String id) {
        return page.text(id).replaceAll("\\s+", " ");
    }
}
