package org.roster.app;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.assertj.core.api.Assertions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at Roster's pages in a real browser (Debian's chromium, headless, through its
 * chromedriver), signed in as one demo user. What the page tests do is what that person does:
 * open a page, type, press buttons, and wait (never sleep) until the page shows what they expect.
 * Screenshots go to {@code target/screenshots/} for people to look at.
 *
 * <p>The demo server signs in with HTTP Basic: the browser opens an API address with the user
 * name and password in it once, which puts the credentials in its cache for the server's realm;
 * pages are then opened at their plain address. One browser is one user: a second user gets a
 * browser of their own.
 */
final class PageBrowser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final URI root;
    private final String user;
    private final String prefix;
    private static final Map<String, Integer> SHOTS = new HashMap<>();

    private PageBrowser(URI root, String user, String prefix) {
        this.root = root;
        this.user = user;
        this.prefix = prefix;
        driver = headlessChromium();
    }

    /**
     * Debian's chromium, headless, through its chromedriver: as root in a container (no sandbox,
     * /tmp instead of a small /dev/shm), and without the background traffic a closed network refuses.
     */
    static WebDriver headlessChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1400",
                "--lang=en-GB", "--disable-background-networking", "--disable-component-update", "--disable-sync");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** A browser signed in as this demo user (password = user name); screenshots are named with prefix. */
    static PageBrowser signedIn(URI root, String user, String prefix) {
        PageBrowser browser = new PageBrowser(root, user, prefix);
        try {
            browser.signIn();
        } catch (RuntimeException | URISyntaxException e) {
            browser.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        return browser;
    }

    private void signIn() throws URISyntaxException {
        URI withCredentials = new URI(root.getScheme(), user + ":" + user, root.getHost(), root.getPort(),
                "/api/policies/active", null, null);
        driver.get(withCredentials.toString());
        // any JSON answer, even a refusal for a role without policies, means the server took the credentials
        new WebDriverWait(driver, PATIENCE).withMessage(() -> "signed in as " + user + "; the browser shows: "
                + bodyText()).until(d -> bodyText().startsWith("{") || bodyText().startsWith("["));
    }

    /**
     * Checks the header of a demo server: the user's name, the demo banner, and exactly the pages
     * the user's roles allow, in the navigation's order.
     */
    void assertHeader(String... pages) {
        Assertions.assertThat(all(By.cssSelector("#site-nav-list a")))
                .extracting(WebElement::getText).containsExactly(pages);
        // demo users (HTTP Basic) have no sign-out: the browser keeps them until it is closed
        Assertions.assertThat(text("site-user")).contains(user)
                .contains("until the browser is closed").doesNotContain("Sign out");
        Assertions.assertThat(visible("demo-banner")).as("the demo sign-in banner").isTrue();
        Assertions.assertThat(text("demo-banner")).contains("Demo sign-in — not for production");
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens one of Roster's pages, such as {@code sources.html}. */
    void open(String page) {
        driver.get(root.resolve(page).toString());
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    String text(String id) {
        return find(id).getText();
    }

    boolean visible(String id) {
        try {
            List<WebElement> found = driver.findElements(By.id(id));
            return !found.isEmpty() && found.get(0).isDisplayed();
        } catch (StaleElementReferenceException e) {
            return false; // the page was replaced meanwhile, as when it sends the browser elsewhere
        }
    }

    void click(String id) {
        find(id).click();
    }

    /** Replaces what a text field holds, as a person selecting it all and typing would. */
    void type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * The text of a table body's rows, read in one go in the page (a table re-rendered meanwhile
     * can't leave a half-read list), with white space folded as a person reads it.
     */
    @SuppressWarnings("unchecked")
    List<String> rows(String tbodyId) {
        return (List<String>) script("const body = document.getElementById(arguments[0]);"
                + "return body ? [...body.rows].map((tr) => tr.innerText.replace(/\\s+/g, ' ').trim()) : [];", tbodyId);
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Waits until the status region says exactly this. */
    void awaitStatus(String expected) {
        await("the status \"" + expected + "\"", () -> text("status").equals(expected));
    }

    /** Waits until the status region's words start with this. */
    void awaitStatusStarting(String start) {
        await("a status starting \"" + start + "\"", () -> text("status").startsWith(start));
    }

    /**
     * Waits until the page shows what is expected; fails at once, in the page's words, when its
     * alert shows instead.
     */
    void await(String expected, BooleanSupplier shown) {
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "waited for " + expected + "; the status says \"" + text("status") + "\"")
                .until(d -> {
                    if (visible("alert")) {
                        throw new AssertionError("waited for " + expected + ", but the page says: " + text("alert"));
                    }
                    return shown.getAsBoolean();
                });
    }

    /** Waits until the page's alert says something containing this (an error the person should read). */
    void awaitAlert(String containing) {
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "waited for an alert saying \"" + containing + "\"; the status says \""
                        + text("status") + "\"")
                .until(d -> visible("alert") && text("alert-message").contains(containing));
    }

    /** Saves what the browser shows, scrolled to an element, for people to look at. */
    void screenshot(String name, String elementId) throws IOException {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", find(elementId));
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", prefix, SHOTS.merge(prefix, 1, Integer::sum), name)), png);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
