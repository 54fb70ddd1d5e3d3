package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
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
import java.util.function.BooleanSupplier;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An employee uses their own page in a real browser (Debian's chromium, headless, through its
 * chromedriver): sees what Roster holds about them, who has their contact and the colleagues they
 * receive, finds that Telegram is not set up on this server, makes an app password for their phone
 * that opens their address book and revokes it again, and opts out, which the next run carries
 * out. A screenshot of each step is saved under {@code target/screenshots/} for people to look at.
 *
 * <p>The browser signs in as a person would with HTTP Basic: it opens an address with the user
 * name and password in it once, which puts the credentials in its cache for the server's realm,
 * and then opens the page at its plain address (a page opened with credentials in its address may
 * not fetch anything).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MePageIT {

    /** A demo user (password = user name) who is an employee of the fixture's directory. */
    private static final String ME = "p000102";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private WebDriver browser;
    private int step;

    @BeforeEach
    void openBrowser() {
        browser = PageBrowser.headlessChromium();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anEmployeeSeesTheirDataMakesAndRevokesAnAppPasswordAndOptsOutOnTheirPage() throws Exception {
        URI root = URI.create(base.toString()).resolve("/");
        RosterApi admin = new RosterApi(root);
        RosterApi me = admin.as(ME);
        LdapFixture ldap = LdapFixture.get();
        String department = "MePage-" + System.nanoTime();
        String ada = "page-ada-" + department;
        String ben = "page-ben-" + department;
        boolean added = employ(ldap, new LdapFixture.Person(ME, "Maja", "Page", "0151 7000 0202", department, null));
        String canary = "CANARY-" + System.nanoTime();
        ldap.add(new LdapFixture.Person(ada, "Ada", "Alpha", "0151 7000 0203", department, canary));
        ldap.add(new LdapFixture.Person(ben, "Ben", "Beta", "0151 7000 0204", department, null));
        admin.sync();
        try {
            startAfresh(me);

            signIn(root);
            browser.get(root.resolve("me.html").toString());
            awaitStatus("Your page is up to date.");

            // what Roster holds about me, and the colleagues I receive
            assertThat(text("held-id")).isEqualTo(ME);
            assertThat(text("held-seen-by")).isEqualTo("2 colleagues");
            assertThat(fieldRow("surname")).containsSubsequence("Surname", "Page", "Released");
            assertThat(fieldRow("department")).containsSubsequence("Department", department, "Withheld");
            List<WebElement> colleagues = browser.findElements(By.cssSelector("#contacts-body tr"));
            assertThat(colleagues).extracting(WebElement::getText).hasSize(2)
                    .anySatisfy(row -> assertThat(row).contains("Ada Alpha", "same-department",
                            "Recorded for your address book"))
                    .anySatisfy(row -> assertThat(row).contains("Ben Beta", "+4915170000204"));
            screenshot("held-data-and-colleagues", "held-section");

            // who has my contact: by name, through which rule, and nothing the policy withholds about them
            assertThat(text("seen-by-summary"))
                    .isEqualTo("These 2 colleagues receive your number, through the rule same-department.");
            assertThat(rows("seen-by-body")).satisfiesExactly(
                    row -> assertThat(row).contains("Ada Alpha", "same-department"),
                    row -> assertThat(row).contains("Ben Beta", "same-department"));
            assertThat(text("seen-by-section")).doesNotContain(canary).doesNotContain(department)
                    .doesNotContain("0203").doesNotContain("0204");
            screenshot("who-has-my-contact", "seen-by-section");

            // Telegram is not set up on this server: the page says so and points to the address book
            assertThat(visible("telegram-unavailable")).isTrue();
            assertThat(text("telegram-unavailable")).contains("Telegram is not set up on this server")
                    .contains("Address book for my phone");
            assertThat(visible("telegram-link")).as("no Link button").isFalse();
            screenshot("telegram-unavailable", "telegram-section");

            // an app password for my phone, shown once, that opens my address book
            assertThat(browser.findElement(By.id("book-url")).getDomProperty("value"))
                    .isEqualTo(root.resolve("/dav/addressbooks/" + ME + "/contacts/").toString());
            assertThat(browser.findElement(By.id("book-username")).getDomProperty("value")).isEqualTo(ME);
            assertThat(visible("passwords-empty")).isTrue();
            WebElement label = browser.findElement(By.id("app-password-label"));
            label.sendKeys("Maja's phone", Keys.ENTER);
            awaitPage("the new password shown", () -> visible("new-password"));
            String password = browser.findElement(By.id("new-password-value")).getDomProperty("value");
            assertThat(password).isNotBlank();
            assertThat(text("new-password")).contains("Maja's phone").contains("It will not be shown again.");
            assertThat(rows("passwords-body")).singleElement().asString().contains("Maja's phone", "Not used yet");
            screenshot("app-password-made", "address-book");
            assertThat(propfind(password)).as("the new password opens my address book").isEqualTo(207);

            browser.navigate().refresh();
            awaitStatus("Your page is up to date.");
            assertThat(browser.getPageSource()).as("the password is shown only once").doesNotContain(password);

            browser.findElement(By.cssSelector("#passwords-body button[data-password-id]")).click();
            awaitPage("no app passwords left", () -> visible("passwords-empty"));
            assertThat(rows("passwords-body")).isEmpty();
            assertThat(text("status")).contains("revoked");
            screenshot("app-password-revoked", "address-book");
            assertThat(propfind(password)).as("a revoked password opens nothing").isEqualTo(401);

            // opting out: the page says so, and that it takes effect at the next run
            WebElement optOut = browser.findElement(By.id("opt-out-button"));
            assertThat(optOut.getText()).isEqualTo("Opt out");
            optOut.click();
            awaitStatus("You have opted out. This takes effect at the next run.");
            assertThat(text("opt-out-state")).isEqualTo("You have opted out.");
            assertThat(optOut.getText()).isEqualTo("Opt back in");
            screenshot("opted-out", "held-section");
            assertThat(admin.contactsOf(ada).getInt("count")).as("until the next run").isEqualTo(2);

            // the next run carries it out: nobody has my contact and I receive nobody
            admin.sync();
            JsonObject scope = admin.get("api/employees/" + ME).object().getJsonObject("scope");
            assertThat(scope.getString("rule")).isEqualTo("opt-out");
            assertThat(scope.getBoolean("delivered")).isFalse();
            assertThat(admin.contactsOf(ada).getJsonArray("contacts").getValuesAs(JsonObject.class))
                    .extracting(c -> c.getString("id")).containsExactly(ben);

            browser.navigate().refresh();
            awaitStatus("Your page is up to date.");
            assertThat(text("opt-out-state")).isEqualTo("You have opted out.");
            assertThat(text("held-seen-by")).isEqualTo("Nobody");
            assertThat(text("seen-by-summary")).isEqualTo("Nobody receives your number.");
            assertThat(rows("seen-by-body")).isEmpty();
            assertThat(text("held-rule")).isEqualTo("opt-out");
            assertThat(visible("contacts-empty")).isTrue();
            assertThat(text("contacts-empty")).contains("you have opted out");
            assertThat(rows("contacts-body")).isEmpty();
            screenshot("after-the-next-run", "held-section");
        } finally {
            tidyUp(me, ldap, added);
        }
    }

    /**
     * Puts the demo user into this test's department: adds them, or, when another test of this run
     * (CardDavIT) added them to the shared directory first, moves them here. True when added.
     */
    private static boolean employ(LdapFixture ldap, LdapFixture.Person person) {
        try {
            ldap.add(person);
            return true;
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof LDAPException ldapError)
                    || ldapError.getResultCode() != ResultCode.ENTRY_ALREADY_EXISTS) {
                throw e;
            }
        }
        ldap.replace(person.uid(), "departmentNumber", person.department());
        ldap.replace(person.uid(), "givenName", person.givenName());
        ldap.replace(person.uid(), "sn", person.surname());
        ldap.replace(person.uid(), "cn", person.givenName() + " " + person.surname());
        ldap.replace(person.uid(), "mobile", person.mobile());
        return false;
    }

    /** Another test may have left app passwords or an opt-out for the shared demo user. */
    private static void startAfresh(RosterApi me) {
        assertThat(me.send("DELETE", "api/me/opt-out").status()).isEqualTo(200);
        for (JsonObject password : me.get("api/me/address-book").object().getJsonArray("passwords")
                .getValuesAs(JsonObject.class)) {
            me.send("DELETE", "api/me/app-passwords/" + password.getJsonNumber("id").longValue());
        }
    }

    /** Leaves the demo user as other tests expect to find them: not opted out, and not in the directory. */
    private static void tidyUp(RosterApi me, LdapFixture ldap, boolean added) {
        startAfresh(me);
        if (added) {
            // CardDavIT adds this demo user to the shared directory itself
            ldap.delete(ME);
        }
    }

    /**
     * Signs the browser in with HTTP Basic, as a person answering the browser's sign-in prompt
     * would: the credentials in an address are answered once and then cached for the realm.
     */
    private void signIn(URI root) throws URISyntaxException {
        URI withCredentials = new URI(root.getScheme(), ME + ":" + ME, root.getHost(), root.getPort(), "/api/me",
                null, null);
        browser.get(withCredentials.toString());
        new WebDriverWait(browser, PATIENCE).withMessage(() -> "signed in as " + ME + "; the browser shows: "
                + bodyText()).until(d -> bodyText().contains("\"held\"") && bodyText().contains(ME));
    }

    /** Waits until the status region says this. */
    private void awaitStatus(String expected) {
        awaitPage("the status \"" + expected + "\"", () -> text("status").equals(expected));
    }

    /**
     * Waits until the page shows what is expected; fails at once, in the page's words, when it
     * shows an error instead.
     */
    private void awaitPage(String expected, BooleanSupplier shown) {
        new WebDriverWait(browser, PATIENCE)
                .withMessage(() -> "waited for " + expected + "; the status says \"" + text("status") + "\"")
                .until(d -> {
                    WebElement alert = d.findElement(By.id("alert"));
                    if (alert.isDisplayed()) {
                        throw new AssertionError("waited for " + expected + ", but the page says: " + alert.getText());
                    }
                    return shown.getAsBoolean();
                });
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private boolean visible(String id) {
        return browser.findElement(By.id(id)).isDisplayed();
    }

    private String bodyText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private List<String> rows(String tbodyId) {
        return browser.findElements(By.cssSelector("#" + tbodyId + " tr")).stream().map(WebElement::getText).toList();
    }

    private String fieldRow(String field) {
        return browser.findElement(By.cssSelector("#fields-body tr[data-field='" + field + "']")).getText();
    }

    /** Saves what the browser shows, scrolled to the step's part of the page, for people to look at. */
    private void screenshot(String name, String sectionId) throws IOException {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                browser.findElement(By.id(sectionId)));
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(String.format("MePageIT-%02d-%s.png", ++step, name)), png);
    }

    /** What my address book answers a phone that signs in with this app password. */
    private int propfind(String password) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString()).resolve("/dav/addressbooks/" + ME
                        + "/contacts/"))
                .timeout(Duration.ofSeconds(30)).header("Depth", "1")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ME + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .method("PROPFIND", HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
