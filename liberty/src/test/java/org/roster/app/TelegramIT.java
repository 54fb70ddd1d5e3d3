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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.roster.platform.telegram.TdlibRequestShapes;
import org.roster.platform.telegram.TelegramEmulator;
import org.roster.platform.telegram.TelegramEmulatorServer;

/**
 * An employee links their Telegram account and their colleagues arrive in it. Telegram can't be
 * reached from the tests: a server of the test's own runs with the Telegram emulator in TDLib's
 * place (a test library added to its war), speaking TDLib's JSON interface with Telegram's
 * semantics, and the test plays Telegram's side through the emulator's control port.
 */
class TelegramIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private int control;

    private String telegram(String method, String path, Map<String, String> query) throws Exception {
        StringBuilder uri = new StringBuilder("http://127.0.0.1:" + control + path + "?");
        query.forEach((k, v) -> uri.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri.toString()))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonArray array(String json) {
        return Json.createReader(new StringReader(json)).readArray();
    }

    @Test
    void anEmployeeLinksTelegramAndReceivesTheirColleaguesButNothingElse() throws Exception {
        control = LibertyProcess.freePort();
        WebArchive war = Deployments.roster().addAsLibrary(ShrinkWrap.create(JavaArchive.class, "telegram-emulator.jar")
                .addClasses(TelegramEmulatorServer.class, TelegramEmulator.class, TdlibRequestShapes.class));
        Map<String, String> settings = Map.ofEntries(
                Map.entry("ROSTER_DEMO_SIZE", "150"),
                Map.entry("ROSTER_DEMO_LDAP_PORT", Integer.toString(LibertyProcess.freePort())),
                Map.entry("ROSTER_DB_EMBEDDED_PORT", Integer.toString(LibertyProcess.freePort())),
                Map.entry("ROSTER_SYNC_ON_START", "true"),
                Map.entry("ROSTER_DELIVERY_PLATFORM", "telegram"),
                Map.entry("ROSTER_TELEGRAM_TDJSON", "class:" + TelegramEmulatorServer.class.getName()),
                Map.entry("ROSTER_TELEGRAM_API_ID", "94575"),
                Map.entry("ROSTER_TELEGRAM_API_HASH", "a3406de8d171bb422bb6ddf3bbd800e2"),
                Map.entry("ROSTER_TELEGRAM_MIN_INTERVAL", "PT0S"),
                Map.entry("ROSTER_TELEGRAM_EMULATOR_PORT", Integer.toString(control)));
        try (LibertyProcess server = LibertyProcess.create("telegram", settings, war)) {
            server.start();
            RosterApi admin = server.api();
            await("the first sync").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> admin.get("api/runs?limit=1").array().getJsonObject(0).getString("status")
                            .equals("COMPLETED"));

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
            telegram("POST", "/register", Map.of("phone", mobile, "first", "Me", "last", "Myself"));
            List<String> onTelegram = new ArrayList<>();
            for (int i = 0; i < before.size(); i++) {
                String number = before.get(i).getJsonObject("fields").getString("mobile");
                if (i % 2 == 0) {
                    telegram("POST", "/register", Map.of("phone", number, "first", "T" + i, "last", "User"));
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
            try (Stream<Path> sessions = Files.list(server.dir().resolve("telegram"))) {
                assertThat(sessions).as("the session directory is deleted").isEmpty();
            }
            assertThat(admin.as("auditor").get("api/audit?action=telegram.linked").array()).hasSize(1);
        }
    }
}
