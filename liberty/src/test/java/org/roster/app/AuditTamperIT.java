package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Someone with access to the database edits or deletes an audit record behind Roster's back; the
 * verification names the first broken link. Each test puts the record back, so the trail is whole
 * again for the other tests.
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

    private static void update(Connection db, long id, String detail) throws SQLException {
        try (PreparedStatement edit = db.prepareStatement("update audit_record set detail = ? where id = ?")) {
            edit.setString(1, detail);
            edit.setLong(2, id);
            assertThat(edit.executeUpdate()).isEqualTo(1);
        }
    }
}
