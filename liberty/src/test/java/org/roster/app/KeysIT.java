package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.store.SecretBox;

/**
 * The secrets key is rotated and the old one dropped; a server is backed up and restored on a fresh
 * one. Each time what Roster keeps sealed still opens: a source's bind password (its connection
 * test binds), an app password (a phone signs in to its address book), a Telegram session key, and
 * the audit trail verifies. The servers are processes of the test's own, each on a database of its
 * own in the tests' PostgreSQL cluster.
 */
class KeysIT {

    private static final String KEY_1 = base64('1');
    private static final String KEY_2 = base64('2');

    private static String base64(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII));
    }

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Map<String, String> settings(String database) {
        Map<String, String> settings = new HashMap<>();
        settings.put("ROSTER_DB_URL", TestCluster.url(database));
        settings.put("ROSTER_DB_USER", "roster_app");
        settings.put("ROSTER_DB_PASSWORD", "roster_app");
        settings.put("ROSTER_DB_OWNER_USER", "roster_owner");
        settings.put("ROSTER_DB_OWNER_PASSWORD", "roster_owner");
        settings.put("ROSTER_AUTH_ALLOW_DEMO", "true");
        settings.put("ROSTER_DEMO_SIZE", "120");
        settings.put("ROSTER_DEMO_LDAP_PORT", Integer.toString(LibertyProcess.freePort()));
        settings.put("ROSTER_SYNC_ON_START", "false");
        return settings;
    }

    /** What a test sets up on a server: a source with a bind password, an app password, a Telegram session key. */
    private record Sealed(String appPassword, byte[] sessionKey) {
    }

    private Sealed sealSomething(LibertyProcess server, String database, SecretBox box) throws Exception {
        RosterApi admin = server.api();
        admin.sync();
        RosterApi.Reply created = admin.post("api/sources", sourceJson());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(admin.post("api/sources/contractors/test", "").object().getBoolean("ok")).isTrue();
        RosterApi.Reply made = admin.as("p000100").post("api/me/app-passwords", "{\"label\": \"phone\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String password = made.object().getString("password");
        assertThat(signsIn(server, password)).isEqualTo(207);
        // a linked account's session key, as linking stores it (linking itself needs Telegram)
        byte[] sessionKey = "a-telegram-session-key-32-bytes!".getBytes(StandardCharsets.US_ASCII);
        try (Connection db = TestCluster.connect(database);
             PreparedStatement insert = db.prepareStatement("insert into telegram_account (employee_id, "
                     + "session_key, status, updated_at) values ('p000101', ?, 'READY', now())")) {
            insert.setString(1, box.seal(sessionKey, "telegram_account:p000101"));
            insert.executeUpdate();
        }
        return new Sealed(password, sessionKey);
    }

    /** Everything sealed opens on this server, and its audit trail verifies. */
    private void everythingOpens(LibertyProcess server, String database, SecretBox box, Sealed sealed)
            throws Exception {
        RosterApi admin = server.api();
        JsonObject test = admin.post("api/sources/contractors/test", "").object();
        assertThat(test.getBoolean("ok")).as("the source's bind password opens: %s", test).isTrue();
        assertThat(signsIn(server, sealed.appPassword())).as("the phone signs in").isEqualTo(207);
        try (Connection db = TestCluster.connect(database);
             ResultSet row = db.createStatement().executeQuery("select session_key from telegram_account "
                     + "where employee_id = 'p000101'")) {
            assertThat(row.next()).isTrue();
            assertThat(box.open(row.getString(1), "telegram_account:p000101")).isEqualTo(sealed.sessionKey());
        }
        JsonObject verification = admin.as("auditor").get("api/audit/verify").object();
        assertThat(verification.getBoolean("intact")).as("%s", verification).isTrue();
        assertThat(verification.getJsonNumber("records").longValue()).isGreaterThan(3);
    }

    @Test
    void afterARotationTheServerRestartedWithOnlyTheNewKeyOpensEverything() throws Exception {
        String database = "keys_rotation";
        TestCluster.createDatabase(database);
        LdapFixture.get();
        Map<String, String> settings = settings(database);
        settings.put("ROSTER_SECRETS_KEY", KEY_1);
        try (LibertyProcess server = LibertyProcess.create("keys-rotation", settings)) {
            server.start();
            Sealed sealed = sealSomething(server, database, new SecretBox(Base64.getDecoder().decode(KEY_1)));
            server.stop();

            // the new key beside the old: it seals from now on, the old one still opens
            server.set("ROSTER_SECRETS_KEYS", "2:" + KEY_2);
            server.start();
            assertThat(server.api().as("compliance").post("api/keys/rotate", "").status()).isEqualTo(403);
            RosterApi.Reply rotated = server.api().post("api/keys/rotate", "");
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            JsonObject done = rotated.object();
            assertThat(done.getString("keyId")).isEqualTo("2");
            assertThat(done.getInt("sources")).isEqualTo(1);
            assertThat(done.getInt("telegramSessions")).isEqualTo(1);
            // the app passwords' digest key was stored under the old key; the numbers' one is stored now
            assertThat(done.getInt("digestKeys")).isEqualTo(1);
            assertThat(done.getJsonNumber("remaining").longValue()).isZero();
            assertThat(server.api().post("api/keys/rotate", "").object().getInt("sources"))
                    .as("a second rotation finds nothing left to do").isZero();
            assertThat(sealedValues(database)).isNotEmpty().allSatisfy(v -> assertThat(v).startsWith("v2:2:"));
            server.stop();

            server.set("ROSTER_SECRETS_KEY", "");
            server.start();
            everythingOpens(server, database, SecretBox.withKeys("2", Map.of("2", Base64.getDecoder().decode(KEY_2))),
                    sealed);
            List<JsonObject> trail = server.api().as("auditor").get("api/audit?action=keys.rotated").array()
                    .getValuesAs(JsonObject.class);
            assertThat(trail).hasSize(2).first().satisfies(r -> assertThat(r.getString("actor")).isEqualTo("admin"));
            assertThat(trail.get(1).getString("detail")).contains("1 sources' secrets", "1 Telegram session keys",
                    "1 digest keys");
        }
    }

    @Test
    void aServerRestoredFromADumpAndItsKeysFolderOpensEverythingAndItsTrailVerifies() throws Exception {
        String database = "keys_backup";
        String restored = "keys_restored";
        TestCluster.createDatabase(database);
        TestCluster.createDatabase(restored);
        LdapFixture.get();
        Map<String, String> settings = settings(database);
        settings.put("ROSTER_SECRETS_KEYS", "1:" + KEY_1);
        SecretBox box = SecretBox.withKeys("1", Map.of("1", Base64.getDecoder().decode(KEY_1)));
        Path dump = dir.resolve("roster.dump");
        Path keys = dir.resolve("keys");
        Path anchors = dir.resolve("audit-anchors");
        Sealed sealed;
        try (LibertyProcess server = LibertyProcess.create("keys-backup", settings)) {
            server.start();
            sealed = sealSomething(server, database, box);
            server.stop();
            // the backup: the database, and the folders that are not in it
            TestCluster.dump(database, dump);
            LibertyProcess.copyTree(server.dir().resolve("keys"), keys);
            LibertyProcess.copyTree(server.dir().resolve("audit-anchors"), anchors);
        }

        TestCluster.restore(dump, restored);
        Map<String, String> fresh = settings(restored);
        fresh.put("ROSTER_SECRETS_KEYS", "1:" + KEY_1);
        try (LibertyProcess server = LibertyProcess.create("keys-restored", fresh)) {
            LibertyProcess.copyTree(keys, server.dir().resolve("keys"));
            LibertyProcess.copyTree(anchors, server.dir().resolve("audit-anchors"));
            server.start();
            everythingOpens(server, restored, box, sealed);
            JsonObject verification = server.api().as("auditor").get("api/audit/verify").object();
            assertThat(verification.getString("anchoredBy", "")).as("the anchors of the server backed up are read")
                    .isNotEmpty();
        }
    }

    private int signsIn(LibertyProcess server, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.base().resolve("dav/addressbooks/p000100/contacts/"))
                .timeout(Duration.ofSeconds(30)).header("Depth", "1")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("p000100:" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .method("PROPFIND", HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static List<String> sealedValues(String database) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = TestCluster.connect(database);
             ResultSet rows = db.createStatement().executeQuery("select secrets from directory_source where secrets "
                     + "is not null union all select session_key from telegram_account union all select sealed from "
                     + "secret_digest_key")) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static String sourceJson() {
        return "{\"id\": \"contractors\", \"kind\": \"ldap\", \"name\": \"Contractor directory\", "
                + "\"precedence\": 50, \"settings\": {\"url\": \"ldap://localhost:" + System.getProperty("it.ldap.port")
                + "\", \"bind-dn\": \"" + LdapFixture.READER_DN + "\", \"base-dn\": \"" + LdapFixture.CONTRACTORS_DN
                + "\", \"allow-insecure\": \"true\"}, \"secrets\": {\"password\": \"" + LdapFixture.READER_PASSWORD
                + "\"}}";
    }
}
