package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.roster.demo.DemoDirectory;
import org.roster.platform.telegram.TdlibRequestShapes;
import org.roster.platform.telegram.TelegramEmulator;
import org.roster.platform.telegram.TelegramEmulatorServer;

/**
 * An employee links their Telegram account and their colleagues arrive in it. Telegram can't be
 * reached from the tests: a server of the test's own runs with the Telegram emulator in TDLib's
 * place (a test library added to its war), speaking TDLib's JSON interface with Telegram's
 * semantics, and the test plays Telegram's side through the emulator's control port. One server
 * serves every test; each test links demo employees of its own.
 */
class TelegramIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static int control;
    private static int demoLdap;
    private static LibertyProcess server;
    private static RosterApi admin;

    @BeforeAll
    static void aServerDeliversToTelegram() throws Exception {
        control = LibertyProcess.freePort();
        demoLdap = LibertyProcess.freePort();
        WebArchive war = Deployments.roster().addAsLibrary(ShrinkWrap.create(JavaArchive.class, "telegram-emulator.jar")
                .addClasses(TelegramEmulatorServer.class, TelegramEmulator.class, TdlibRequestShapes.class));
        Map<String, String> settings = Map.ofEntries(
                Map.entry("ROSTER_DEMO_SIZE", "150"),
                Map.entry("ROSTER_DEMO_LDAP_PORT", Integer.toString(demoLdap)),
                Map.entry("ROSTER_DB_EMBEDDED_PORT", Integer.toString(LibertyProcess.freePort())),
                Map.entry("ROSTER_SYNC_ON_START", "true"),
                Map.entry("ROSTER_DELIVERY_PLATFORM", "telegram"),
                Map.entry("ROSTER_TELEGRAM_TDJSON", "class:" + TelegramEmulatorServer.class.getName()),
                Map.entry("ROSTER_TELEGRAM_API_ID", "94575"),
                Map.entry("ROSTER_TELEGRAM_API_HASH", "a3406de8d171bb422bb6ddf3bbd800e2"),
                Map.entry("ROSTER_TELEGRAM_MIN_INTERVAL", "PT0S"),
                Map.entry("ROSTER_TELEGRAM_EMULATOR_PORT", Integer.toString(control)));
        server = LibertyProcess.create("telegram", settings, war);
        signInAsDemoEmployees(server.dir().resolve("auth-demo.xml"), 103, 149);
        // a second server beside the build's own, with a war of its own to expand: given more time to start
        server.launch();
        admin = server.api();
        await("server telegram answers").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> admin.get("api/runs?limit=1").status() == 200);
        await("the first sync").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> admin.get("api/runs?limit=1").array().getJsonObject(0).getString("status")
                        .equals("COMPLETED"));
    }

    /**
     * The demo's basic registry signs in three employees; this server's copy signs in these too
     * (password = user name), so that each test links employees of its own.
     */
    private static void signInAsDemoEmployees(Path registry, int from, int to) throws IOException {
        StringBuilder users = new StringBuilder();
        StringBuilder members = new StringBuilder();
        for (int n = from; n <= to; n++) {
            String uid = String.format("p%06d", n);
            users.append("        <user name=\"").append(uid).append("\" password=\"").append(uid).append("\"/>\n");
            members.append("            <member name=\"").append(uid).append("\"/>\n");
        }
        String xml = Files.readString(registry);
        String employees = "<group name=\"employee\">\n";
        assertThat(xml).contains("        <group name=\"directory-admin\">", employees);
        Files.writeString(registry, xml.replace("        <group name=\"directory-admin\">",
                users + "        <group name=\"directory-admin\">").replace(employees, employees + members));
    }

    @AfterAll
    static void stopTheServer() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> telegramCall(String method, String path, Map<String, String> query)
            throws Exception {
        StringBuilder uri = new StringBuilder("http://127.0.0.1:" + control + path + "?");
        query.forEach((k, v) -> uri.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri.toString()))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String telegram(String method, String path, Map<String, String> query) throws Exception {
        HttpResponse<String> response = telegramCall(method, path, query);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    /** Someone signs up to Telegram, unless their number has an account already. */
    private static void onTelegram(String phone, String first) throws Exception {
        HttpResponse<String> response = telegramCall("POST", "/register", Map.of("phone", phone, "first", first,
                "last", "User"));
        assertThat(response.statusCode() == 200 || response.body().contains("already has"))
                .as("/register: " + response.body()).isTrue();
    }

    private static JsonArray array(String json) {
        return Json.createReader(new StringReader(json)).readArray();
    }

    /** The account's contacts as its owner sees them: "first last" each. */
    private static List<String> contactsInTelegram(String phone) throws Exception {
        return array(telegram("GET", "/contacts", Map.of("phone", phone))).getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("first") + " " + c.getString("last")).toList();
    }

    /** A demo employee with a mobile number and colleagues; their Telegram account, with one contact of their own, linked. */
    private record Linked(String id, String mobile, RosterApi me, List<JsonObject> colleagues) {
    }

    private static Linked link(String... candidates) throws Exception {
        String viewer = null;
        String mobile = null;
        for (String candidate : candidates) {
            RosterApi.Reply held = admin.get("api/employees/" + candidate);
            if (held.status() == 200 && held.object().getJsonObject("held").containsKey("mobile")
                    && admin.contactsOf(candidate).getInt("count") >= 3) {
                viewer = candidate;
                mobile = held.object().getJsonObject("held").getString("mobile");
                break;
            }
        }
        assertThat(viewer).as("a demo user with a mobile and colleagues among " + List.of(candidates)).isNotNull();
        List<JsonObject> colleagues = admin.contactsOf(viewer).getJsonArray("contacts").getValuesAs(JsonObject.class);
        onTelegram(mobile, "Me");
        for (JsonObject colleague : colleagues) {
            onTelegram(colleague.getJsonObject("fields").getString("mobile"), "T");
        }
        telegram("POST", "/contact", Map.of("owner", mobile, "phone",
                colleagues.get(0).getJsonObject("fields").getString("mobile"), "first", "Best", "last", "Friend"));
        RosterApi me = admin.as(viewer);
        assertThat(me.post("api/me/telegram", "").object().getString("status")).isEqualTo("WAITING_FOR_CODE");
        String code = telegram("GET", "/code", Map.of("phone", mobile));
        RosterApi.Reply linked = me.post("api/me/telegram/code", "{\"code\": \"" + code + "\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.object().getString("status")).isEqualTo("READY");
        admin.sync();
        assertThat(contactsInTelegram(mobile)).as("colleagues imported besides the employee's own contact")
                .contains("Best Friend").hasSize(colleagues.size());
        return new Linked(viewer, mobile, me, colleagues);
    }

    /** The audit trail's one record of this action about the employee, its detail. */
    private static String audited(String action, String employeeId) {
        JsonArray records = admin.as("auditor").get("api/audit?action=" + action + "&subject=employee:" + employeeId)
                .array();
        assertThat(records).as(action + " of " + employeeId).hasSize(1);
        return records.getJsonObject(0).getString("detail");
    }

    private static void assertSessionDeleted(String employeeId) throws Exception {
        String directory = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(employeeId.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        assertThat(server.dir().resolve("telegram").resolve(directory)).as("the session directory is deleted")
                .doesNotExist();
    }

    @Test
    void anEmployeeLinksTelegramAndReceivesTheirColleaguesButNothingElse() throws Exception {
        // a demo user who is in the directory with a mobile number and has colleagues
        String viewer = null;
        String mobile = null;
        for (String candidate : List.of("p000100", "p000101", "p000102")) {
            RosterApi.Reply held = admin.get("api/employees/" + candidate);
            if (held.status() == 200 && held.object().getJsonObject("held").containsKey("mobile")
                    && admin.contactsOf(candidate).getInt("count") >= 3) {
                viewer = candidate;
                mobile = held.object().getJsonObject("held").getString("mobile");
                break;
            }
        }
        assertThat(viewer).as("a demo user with a mobile and colleagues").isNotNull();
        List<JsonObject> before = admin.contactsOf(viewer).getJsonArray("contacts").getValuesAs(JsonObject.class);
        assertThat(before).extracting(c -> c.getString("state")).containsOnly("not_linked");

        // Telegram's side: the employee has an account with a contact of their own; some colleagues use Telegram
        // (those another test signed up too)
        onTelegram(mobile, "Me");
        List<String> onTelegram = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            String number = before.get(i).getJsonObject("fields").getString("mobile");
            if (i % 2 == 0) {
                onTelegram(number, "T" + i);
            }
            if (Boolean.parseBoolean(telegram("GET", "/registered", Map.of("phone", number)))) {
                onTelegram.add(before.get(i).getString("id"));
            }
        }
        JsonObject own = before.get(0);
        telegram("POST", "/contact", Map.of("owner", mobile, "phone", own.getJsonObject("fields").getString("mobile"),
                "first", "Best", "last", "Friend"));

        RosterApi me = admin.as(viewer);
        assertThat(me.get("api/me/telegram").object().getString("status")).isEqualTo("NOT_LINKED");
        RosterApi.Reply started = me.post("api/me/telegram", "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.object().getString("status")).isEqualTo("WAITING_FOR_CODE");
        String code = telegram("GET", "/code", Map.of("phone", mobile));
        RosterApi.Reply wrong = me.post("api/me/telegram/code", "{\"code\": \"00000\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).doesNotContain(code);
        RosterApi.Reply linked = me.post("api/me/telegram/code", "{\"code\": \"" + code + "\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.object().getString("status")).isEqualTo("READY");

        long run = admin.sync().getJsonNumber("id").longValue();
        JsonObject states = admin.get("api/runs/" + run).object().getJsonObject("telegram");
        assertThat(states.getJsonNumber("imported").longValue()).isEqualTo(onTelegram.size() - 1);
        assertThat(states.getJsonNumber("kept_own").longValue()).isEqualTo(1);
        assertThat(states.getJsonNumber("not_on_telegram").longValue()).isEqualTo(before.size() - onTelegram.size());
        List<JsonObject> after = admin.contactsOf(viewer).getJsonArray("contacts").getValuesAs(JsonObject.class);
        assertThat(after).hasSameSizeAs(before);
        for (JsonObject contact : after) {
            String expected = contact.getString("id").equals(own.getString("id")) ? "kept_own"
                    : onTelegram.contains(contact.getString("id")) ? "imported" : "not_on_telegram";
            assertThat(contact.getString("state")).as(contact.toString()).isEqualTo(expected);
        }
        JsonArray inTelegram = array(telegram("GET", "/contacts", Map.of("phone", mobile)));
        assertThat(inTelegram.getValuesAs(JsonObject.class)).as("the employee's own entry is left as it was")
                .anySatisfy(c -> assertThat(c.getString("first")).isEqualTo("Best"))
                .hasSize(onTelegram.size());

        // nothing but names and numbers reached Telegram: not the department, which the policy withholds
        String department = admin.get("api/employees/" + viewer).object().getJsonObject("held")
                .getString("department");
        String requests = telegram("GET", "/requests", Map.of());
        assertThat(array(requests).getValuesAs(JsonObject.class)).extracting(r -> r.getString("json"))
                .noneMatch(json -> json.contains(department));

        assertThat(me.send("DELETE", "api/me/telegram").status()).isEqualTo(204);
        assertThat(me.get("api/me/telegram").object().getString("status")).isEqualTo("NOT_LINKED");
        assertSessionDeleted(viewer);
        audited("telegram.linked", viewer);
    }

    @Test
    void unlinkingRemovesTheColleaguesRosterAddedButNoContactOfTheEmployeesEvenOneAddedAfterLinking()
            throws Exception {
        Linked eva = link("p000103", "p000104", "p000105", "p000106", "p000107");
        // a new colleague joins the department; the employee saves them in Telegram before Roster's next run
        String department = admin.get("api/employees/" + eva.id()).object().getJsonObject("held")
                .getString("department");
        String newcomer = "tg-newcomer-" + System.nanoTime();
        String number = "+4915177" + String.format("%06d", System.nanoTime() % 1_000_000);
        try (LDAPConnection ldap = new LDAPConnection("127.0.0.1", demoLdap)) {
            ldap.add("uid=" + newcomer + "," + DemoDirectory.DEFAULT_BASE_DN,
                    new Attribute("objectClass", "top", "person", "organizationalPerson",
                            "inetOrgPerson"),
                    new Attribute("uid", newcomer),
                    new Attribute("cn", "Nia Newcomer"),
                    new Attribute("sn", "Newcomer"),
                    new Attribute("givenName", "Nia"),
                    new Attribute("employeeType", "employee"),
                    new Attribute("departmentNumber", department),
                    new Attribute("mobile", number));
        }
        onTelegram(number, "Nia");
        telegram("POST", "/contact", Map.of("owner", eva.mobile(), "phone", number, "first", "Nia", "last",
                "(saved myself)"));

        admin.sync();

        assertThat(admin.contactsOf(eva.id()).getJsonArray("contacts").getValuesAs(JsonObject.class))
                .filteredOn(c -> c.getString("id").equals(newcomer)).singleElement()
                .satisfies(c -> assertThat(c.getString("state")).isEqualTo("kept_own"));
        assertThat(contactsInTelegram(eva.mobile())).as("Roster did not rename the contact the employee saved")
                .contains("Nia (saved myself)");

        assertThat(eva.me().send("DELETE", "api/me/telegram").status()).isEqualTo(204);

        assertThat(contactsInTelegram(eva.mobile())).as("only the employee's own contacts are left")
                .containsExactlyInAnyOrder("Best Friend", "Nia (saved myself)");
        assertThat(eva.me().get("api/me/telegram").object().getString("status")).isEqualTo("NOT_LINKED");
        assertSessionDeleted(eva.id());
        int imported = eva.colleagues().size() - 1;
        assertThat(audited("telegram.unlinking", eva.id())).contains("the " + imported + " colleagues");
        assertThat(audited("telegram.unlinked", eva.id())).contains("removed the " + imported + " colleagues")
                .contains("left 2 colleagues who are the employee's own").doesNotContain(eva.mobile());
    }

    @Test
    void unlinkingCanKeepTheColleaguesRosterAdded() throws Exception {
        Linked kim = link("p000110", "p000111", "p000112", "p000113", "p000114");
        List<String> before = contactsInTelegram(kim.mobile());

        RosterApi.Reply unclear = kim.me().send("DELETE", "api/me/telegram?colleagues=maybe");
        assertThat(unclear.status()).isEqualTo(400);
        assertThat(unclear.body()).contains("colleagues must be remove").contains("or keep");
        assertThat(kim.me().get("api/me/telegram").object().getString("status")).isEqualTo("READY");

        assertThat(kim.me().send("DELETE", "api/me/telegram?colleagues=keep").status()).isEqualTo(204);

        assertThat(contactsInTelegram(kim.mobile())).containsExactlyInAnyOrderElementsOf(before);
        assertThat(kim.me().get("api/me/telegram").object().getString("status")).isEqualTo("NOT_LINKED");
        assertSessionDeleted(kim.id());
        assertThat(audited("telegram.unlinked", kim.id()))
                .contains("kept the " + (kim.colleagues().size() - 1) + " colleagues");
    }

    @Test
    void anEmployeeWhoOptsOutLosesTheColleaguesRosterAddedAndTheirLinkAtTheNextRun() throws Exception {
        Linked ola = link("p000120", "p000121", "p000122", "p000123", "p000124");

        assertThat(ola.me().post("api/me/opt-out", "").status()).isEqualTo(200);
        admin.sync();

        assertThat(contactsInTelegram(ola.mobile())).containsExactly("Best Friend");
        assertThat(ola.me().get("api/me/telegram").object().getString("status")).isEqualTo("NOT_LINKED");
        assertSessionDeleted(ola.id());
        assertThat(audited("telegram.unlinked", ola.id())).contains("opted out")
                .contains("removed the " + (ola.colleagues().size() - 1) + " colleagues");
    }

    @Test
    void anEmployeeWhoLeavesTheDirectoryLosesTheColleaguesRosterAddedAndTheirLink() throws Exception {
        Linked leo = link("p000130", "p000131", "p000132", "p000133", "p000134");

        try (LDAPConnection ldap = new LDAPConnection("127.0.0.1", demoLdap)) {
            SearchResultEntry entry = ldap.searchForEntry(DemoDirectory.DEFAULT_BASE_DN, SearchScope.SUB,
                    "(uid=" + leo.id() + ")");
            ldap.delete(entry.getDN());
        }
        admin.sync();

        assertThat(contactsInTelegram(leo.mobile())).containsExactly("Best Friend");
        assertSessionDeleted(leo.id());
        assertThat(audited("telegram.unlinked", leo.id())).contains("left the directory")
                .contains("removed the " + (leo.colleagues().size() - 1) + " colleagues");
        assertThat(admin.as("auditor").get("api/audit?action=telegram.unlinked&subject=employee:" + leo.id()).array()
                .getJsonObject(0).getString("actor")).isEqualTo("system");
    }

    @Test
    void onMyPageUnlinkingAsksWhetherToRemoveTheColleaguesRosterAddedAndRemovesThemUnlessTold() throws Exception {
        Linked pia = link("p000140", "p000141", "p000142", "p000143", "p000144", "p000145");

        try (PageBrowser page = PageBrowser.signedIn(server.base(), pia.id(), "telegram-unlink")) {
            page.open("me.html");
            page.awaitStatus("Your page is up to date.");
            page.click("telegram-unlink");
            WebElement remove = page.find("telegram-remove-colleagues");
            assertThat(remove.isDisplayed()).isTrue();
            assertThat(remove.isSelected()).as("removing is the default").isTrue();
            assertThat(remove.getAccessibleName()).isEqualTo("Also remove the colleagues Roster added to my Telegram");
            assertThat(page.text("telegram-remove-colleagues-hint")).contains("Contacts you had or added yourself stay");
            // by keyboard: the confirmation opens on Cancel, and the choice comes before the buttons
            page.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
            assertThat(page.driver().switchTo().activeElement().getAttribute("id"))
                    .isEqualTo("telegram-unlink-yes");
            page.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
            assertThat(page.driver().switchTo().activeElement().getAttribute("id"))
                    .isEqualTo("telegram-remove-colleagues");
            page.screenshot("unlink-asks-about-colleagues", "telegram-section");

            page.click("telegram-unlink-yes");

            page.awaitStatusStarting("Telegram is unlinked: Roster removed the colleagues it had added");
            assertThat(page.visible("telegram-link")).isTrue();
        }
        assertThat(contactsInTelegram(pia.mobile())).containsExactly("Best Friend");
        assertThat(audited("telegram.unlinked", pia.id())).contains("removed the " + (pia.colleagues().size() - 1));
    }
}
