package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roster.audit.AuditEvent;
import org.roster.audit.HashChain;

/**
 * Someone with access to the database edits, deletes, rewrites or replaces audit records behind
 * Roster's back, as carefully as they can without Roster's key (recomputing hashes, moving the
 * chain's head); the verification names what happened. Each test puts the trail back, so it is
 * whole again for the other tests.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditTamperIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    private RosterApi auditor() {
        return new RosterApi(URI.create(base.toString()).resolve("/"), "auditor");
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), "roster", "roster");
    }

    private long aRecordInTheMiddle() throws SQLException {
        LdapFixture.get();
        RosterApi admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        admin.sync();
        admin.sync();
        return middle();
    }

    private static long middle() throws SQLException {
        try (Connection db = database(); ResultSet rs = db.createStatement().executeQuery(
                "select min(id) + (max(id) - min(id)) / 2 from audit_record")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anEditedRecordIsReportedAsTheFirstBrokenLink() throws SQLException {
        long id = aRecordInTheMiddle();
        String original;
        try (Connection db = database()) {
            try (PreparedStatement read = db.prepareStatement("select detail from audit_record where id = ?")) {
                read.setLong(1, id);
                ResultSet rs = read.executeQuery();
                rs.next();
                original = rs.getString(1);
            }
            update(db, id, original + " (edited)");
        }
        try {
            JsonObject verification = auditor().get("api/audit/verify").object();

            assertThat(verification.getBoolean("intact")).isFalse();
            assertThat(verification.getJsonNumber("firstBrokenId").longValue()).isEqualTo(id);
            assertThat(verification.getString("problem")).contains("record " + id + " was changed");
        } finally {
            try (Connection db = database()) {
                update(db, id, original);
            }
        }
        assertThat(auditor().get("api/audit/verify").object().getBoolean("intact")).isTrue();
    }

    @Test
    void aDeletedRecordIsReportedWhereTheChainJumps() throws SQLException {
        long id = aRecordInTheMiddle();
        try (Connection db = database()) {
            db.createStatement().execute("create table audit_record_kept as select * from audit_record where id = " + id);
            db.createStatement().execute("delete from audit_record where id = " + id);
        }
        try {
            JsonObject verification = auditor().get("api/audit/verify").object();

            assertThat(verification.getBoolean("intact")).isFalse();
            assertThat(verification.getJsonNumber("firstBrokenId").longValue()).isEqualTo(id + 1);
            assertThat(verification.getString("problem")).contains("record " + id + " is missing");
        } finally {
            try (Connection db = database()) {
                db.createStatement().execute("insert into audit_record select * from audit_record_kept");
                db.createStatement().execute("drop table audit_record_kept");
            }
        }
        assertThat(auditor().get("api/audit/verify").object().getBoolean("intact")).isTrue();
    }

    /**
     * Runs a sync and waits until its last records are anchored outside the database: the run's end
     * is audited and anchored just after the run shows as finished.
     *
     * @return the id of the anchored last record
     */
    private long aSyncedAndAnchoredTrail() throws SQLException {
        LdapFixture.get();
        new RosterApi(URI.create(base.toString()).resolve("/")).sync();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonObject verification = auditor().get("api/audit/verify").object();
            return verification.getBoolean("intact") && verification.containsKey("anchoredThrough")
                    && verification.getJsonNumber("anchoredThrough").longValue() == lastId();
        });
        return lastId();
    }

    private static long lastId() throws SQLException {
        try (Connection db = database(); ResultSet rs = db.createStatement().executeQuery(
                "select max(id) from audit_record")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aTrailCutAtItsEndAndItsHeadMovedBackIsReportedAsMissingRecords() throws SQLException {
        long anchored = aSyncedAndAnchoredTrail();
        long end = anchored - 3;
        try (Connection db = database(); Statement sql = db.createStatement()) {
            keep(sql, "id > " + end);
            sql.execute("delete from audit_record where id > " + end);
            sql.execute("update audit_head set (last_id, last_hash, last_mac) = "
                    + "(select id, hash, mac from audit_record where id = " + end + ")");
        }
        try {
            JsonObject verification = auditor().get("api/audit/verify").object();

            assertThat(verification.getBoolean("intact")).isFalse();
            assertThat(verification.getString("problem")).startsWith("Records after " + end + " are missing: the trail "
                    + "ends at record " + end + ", but Roster anchored record " + anchored + " outside the database");
            assertThat(verification.getJsonNumber("firstBrokenId").longValue()).isEqualTo(end + 1);
            assertThat(verification.getJsonNumber("anchoredThrough").longValue()).isEqualTo(anchored);
        } finally {
            restore("id > " + end);
        }
        assertThat(auditor().get("api/audit/verify").object().getBoolean("intact")).isTrue();
    }

    @Test
    void aRecordRewrittenWithRecomputedHashesIsNamedByItsSeal() throws SQLException {
        long anchored = aSyncedAndAnchoredTrail();
        long id = middle();
        try (Connection db = database(); Statement sql = db.createStatement()) {
            keep(sql, "id >= " + id);
            List<Long> ids = new ArrayList<>();
            List<AuditEvent> events = new ArrayList<>();
            String prev;
            try (ResultSet rs = sql.executeQuery("select id, at, actor, action, subject, detail, prev_hash "
                    + "from audit_record where id >= " + id + " order by id")) {
                rs.next();
                prev = rs.getString("prev_hash");
                do {
                    ids.add(rs.getLong("id"));
                    String detail = rs.getString("detail") + (rs.getLong("id") == id ? " (rewritten)" : "");
                    events.add(new AuditEvent(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                            rs.getString("action"), rs.getString("subject"), detail));
                } while (rs.next());
            }
            // the intruder's careful edit: the content, every hash after it, and the head
            try (PreparedStatement rewrite = db.prepareStatement(
                    "update audit_record set detail = ?, prev_hash = ?, hash = ? where id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    String hash = HashChain.link(prev, ids.get(i), events.get(i));
                    rewrite.setString(1, events.get(i).detail());
                    rewrite.setString(2, prev);
                    rewrite.setString(3, hash);
                    rewrite.setLong(4, ids.get(i));
                    rewrite.executeUpdate();
                    prev = hash;
                }
            }
            sql.execute("update audit_head set last_hash = '" + prev + "'");
        }
        try {
            JsonObject verification = auditor().get("api/audit/verify").object();

            assertThat(verification.getBoolean("intact")).isFalse();
            assertThat(verification.getJsonNumber("firstBrokenId").longValue()).isEqualTo(id);
            assertThat(verification.getString("problem")).isEqualTo("record " + id + " was changed after it was "
                    + "written: its seal does not match Roster's key legacy");
            assertThat(verification.getJsonNumber("anchoredThrough").longValue()).isEqualTo(anchored);
        } finally {
            restore("id >= " + id);
        }
        assertThat(auditor().get("api/audit/verify").object().getBoolean("intact")).isTrue();
    }

    @Test
    void aTrailReplacedWholeByASelfConsistentChainIsReportedAsReplaced() throws SQLException {
        long anchored = aSyncedAndAnchoredTrail();
        try (Connection db = database(); Statement sql = db.createStatement()) {
            long first;
            String prev;
            try (ResultSet rs = sql.executeQuery("select id, prev_hash from audit_record order by id limit 1")) {
                rs.next();
                first = rs.getLong(1);
                prev = rs.getString(2);
            }
            keep(sql, "true");
            sql.execute("delete from audit_record");
            // a plausible trail of the intruder's own, hash-chained from where the real one started,
            // a little longer than the real one; its seals are guesses
            try (PreparedStatement insert = db.prepareStatement("insert into audit_record (id, at, actor, action, "
                    + "subject, detail, prev_hash, hash, mac) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long id = first; id <= anchored + 2; id++) {
                    AuditEvent event = new AuditEvent(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id), "system",
                            "run.finished", "run:" + id, "run " + id + " completed");
                    String hash = HashChain.link(prev, id, event);
                    insert.setLong(1, id);
                    insert.setTimestamp(2, Timestamp.from(event.at()));
                    insert.setString(3, event.actor());
                    insert.setString(4, event.action());
                    insert.setString(5, event.subject());
                    insert.setString(6, event.detail());
                    insert.setString(7, prev);
                    insert.setString(8, hash);
                    insert.setString(9, HashChain.link(hash, id, event));
                    insert.addBatch();
                    prev = hash;
                }
                insert.executeBatch();
            }
            sql.execute("update audit_head set (last_id, last_hash, last_mac) = "
                    + "(select id, hash, mac from audit_record where id = " + (anchored + 2) + ")");
        }
        try {
            JsonObject verification = auditor().get("api/audit/verify").object();

            assertThat(verification.getBoolean("intact")).isFalse();
            assertThat(verification.getString("problem")).startsWith("The trail was replaced: record " + anchored
                    + " is not the record Roster anchored outside the database");
            assertThat(verification.getString("problem")).contains("its seal does not match Roster's key");
        } finally {
            restore("true");
        }
        assertThat(auditor().get("api/audit/verify").object().getBoolean("intact")).isTrue();
    }

    /** Keeps the records the intruder is about to touch, and the head, to put them back afterwards. */
    private static void keep(Statement sql, String which) throws SQLException {
        sql.execute("create table audit_record_kept as select * from audit_record where " + which);
        sql.execute("create table audit_head_kept as select * from audit_head");
    }

    private static void restore(String which) throws SQLException {
        try (Connection db = database(); Statement sql = db.createStatement()) {
            sql.execute("delete from audit_record where " + which);
            sql.execute("insert into audit_record select * from audit_record_kept");
            sql.execute("delete from audit_head");
            sql.execute("insert into audit_head select * from audit_head_kept");
            sql.execute("drop table audit_record_kept");
            sql.execute("drop table audit_head_kept");
        }
    }

    private static void update(Connection db, long id, String detail) throws SQLException {
        try (PreparedStatement edit = db.prepareStatement("update audit_record set detail = ? where id = ?")) {
            edit.setString(1, detail);
            edit.setLong(2, id);
            assertThat(edit.executeUpdate()).isEqualTo(1);
        }
    }
}
