package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.roster.audit.AuditEvent;
import org.roster.audit.HashChain;

/**
 * The audit key is rotated: a server seals its trail with the single key of before, is restarted
 * with a new key beside it, and then with only the new key. The trail verifies throughout; once the
 * old key is gone, a record it sealed that an intruder rewrites, recomputing the hash chain, is
 * still caught by the new key's seal on the record of the rotation.
 */
class AuditKeyRotationIT {

    private static final String OLD_KEY = base64('o');
    private static final String NEW_KEY = base64('n');

    private static String base64(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII));
    }

    private static Map<String, String> settings(String database) {
        Map<String, String> settings = new HashMap<>();
        settings.put("ROSTER_DB_URL", TestCluster.url(database));
        settings.put("ROSTER_DB_USER", "roster_app");
        settings.put("ROSTER_DB_PASSWORD", "roster_app");
        settings.put("ROSTER_DB_OWNER_USER", "roster_owner");
        settings.put("ROSTER_DB_OWNER_PASSWORD", "roster_owner");
        settings.put("ROSTER_AUTH_ALLOW_DEMO", "true");
        settings.put("ROSTER_DEMO_SIZE", "40");
        settings.put("ROSTER_DEMO_LDAP_PORT", Integer.toString(LibertyProcess.freePort()));
        settings.put("ROSTER_SYNC_ON_START", "false");
        settings.put("ROSTER_SECRETS_KEYS", "1:" + base64('s'));
        return settings;
    }

    @Test
    void afterARotationTheTrailVerifiesWithOnlyTheNewKeyAndStillCatchesARewrittenOldRecord() throws Exception {
        String database = "audit_key_rotation";
        TestCluster.createDatabase(database);
        LdapFixture.get();
        Map<String, String> settings = settings(database);
        settings.put("ROSTER_AUDIT_SIGNING_KEY", OLD_KEY);
        try (LibertyProcess server = LibertyProcess.create("audit-key-rotation", settings)) {
            server.start();
            server.api().sync();
            server.stop();

            // the new key beside the old: it seals from now on, the old one still verifies
            server.set("ROSTER_AUDIT_SIGNING_KEYS", "2026-12:" + NEW_KEY);
            server.start();
            List<JsonObject> rotations = server.api().as("auditor").get("api/audit?action=audit.key-rotated").array()
                    .getValuesAs(JsonObject.class);
            assertThat(rotations).hasSize(1);
            assertThat(rotations.get(0).getString("detail")).startsWith("the audit key legacy was replaced by 2026-12");
            long rotationId = rotations.get(0).getJsonNumber("id").longValue();
            server.api().sync();
            JsonObject both = server.api().as("auditor").get("api/audit/verify").object();
            assertThat(both.getBoolean("intact")).as("%s", both).isTrue();
            assertThat(keys(both, "keys")).containsExactlyInAnyOrder("2026-12", "legacy");
            assertThat(lastAnchorLine(server)).contains("\"key\":\"2026-12\"");
            server.stop();

            server.set("ROSTER_AUDIT_SIGNING_KEY", "");
            server.start();
            JsonObject onlyNew = server.api().as("auditor").get("api/audit/verify").object();
            assertThat(onlyNew.getBoolean("intact")).as("%s", onlyNew).isTrue();
            assertThat(keys(onlyNew, "keys")).containsExactly("2026-12");
            assertThat(keys(onlyNew, "keysNotHeld")).containsExactly("legacy");
            assertThat(server.api().as("auditor").get("api/audit?action=audit.key-rotated").array())
                    .as("rotated once").hasSize(1);

            rewriteWithRecomputedChain(database, rotationId - 2);

            JsonObject tampered = server.api().as("auditor").get("api/audit/verify").object();
            assertThat(tampered.getBoolean("intact")).isFalse();
            assertThat(tampered.getJsonNumber("firstBrokenId").longValue()).isEqualTo(rotationId);
            assertThat(tampered.getString("problem")).contains("record " + rotationId + " was changed after it was "
                    + "written: its seal does not match Roster's key 2026-12");
        }
    }

    private static List<String> keys(JsonObject verification, String field) {
        return verification.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .toList();
    }

    private static String lastAnchorLine(LibertyProcess server) throws Exception {
        try (var files = Files.list(server.dir().resolve("audit-anchors"))) {
            Path file = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
            List<String> lines = Files.readAllLines(file);
            return lines.get(lines.size() - 1);
        }
    }

    /**
     * What an intruder who can write to the database but holds no key does: changes a record and
     * recomputes every hash after it, and the head's.
     */
    private static void rewriteWithRecomputedChain(String database, long id) throws SQLException {
        try (Connection db = TestCluster.connect(database)) {
            db.createStatement().execute("update audit_record set detail = 'nothing happened' where id = " + id);
            String previous = null;
            try (ResultSet rows = db.createStatement().executeQuery("select id, at, actor, action, subject, detail, "
                    + "prev_hash from audit_record where id >= " + id + " order by id");
                 PreparedStatement update = db.prepareStatement(
                         "update audit_record set prev_hash = ?, hash = ? where id = ?")) {
                while (rows.next()) {
                    String prev = previous == null ? rows.getString("prev_hash") : previous;
                    AuditEvent event = new AuditEvent(rows.getTimestamp("at").toInstant(), rows.getString("actor"),
                            rows.getString("action"), rows.getString("subject"), rows.getString("detail"));
                    previous = HashChain.link(prev, rows.getLong("id"), event);
                    update.setString(1, prev);
                    update.setString(2, previous);
                    update.setLong(3, rows.getLong("id"));
                    update.executeUpdate();
                }
            }
            try (PreparedStatement head = db.prepareStatement("update audit_head set last_hash = ?")) {
                head.setString(1, previous);
                head.executeUpdate();
            }
        }
    }
}
