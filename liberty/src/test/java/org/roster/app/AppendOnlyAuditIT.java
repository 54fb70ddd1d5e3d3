package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The role the server works as can add to the audit trail but not erase it: whoever holds its
 * credentials (the server's configuration, a compromised server) can't delete, rewrite or truncate
 * records, nor forge a checkpoint, nor lower the minimum retention; pruning goes through the owner's
 * function, which keeps what is younger than that minimum. The build's server works as
 * {@code roster_app} and migrated as {@code roster_owner}, with a minimum of one second.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AppendOnlyAuditIT {

    private static final String PERMISSION_DENIED = "42501";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    private static Connection asTheApplication() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), "roster_app", "roster_app");
    }

    /** Some records, written by the server itself. */
    private long aRecord() throws SQLException {
        LdapFixture.get();
        new RosterApi(URI.create(base.toString()).resolve("/")).sync();
        try (Connection db = asTheApplication(); ResultSet rs = db.createStatement()
                .executeQuery("select max(id) from audit_record")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static SQLException refusal(String sql) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> {
            try (Connection db = asTheApplication(); Statement statement = db.createStatement()) {
                statement.execute(sql);
            }
        });
        assertThat((Object) e).as("refused: %s", sql).isNotNull();
        return e;
    }

    @Test
    void theApplicationsRoleCanNeitherDeleteNorRewriteNorTruncateAuditRecords() throws SQLException {
        long id = aRecord();

        for (String erasure : List.of("delete from audit_record where id = " + id,
                "update audit_record set detail = 'nothing happened' where id = " + id,
                "truncate audit_record", "delete from audit_checkpoint",
                "insert into audit_checkpoint (pruned_through_id, last_hash, at, pruned_count, signature) "
                        + "values (" + id + ", 'x', now(), 1, 'x')",
                "update audit_retention_floor set min_retention = interval '0'")) {
            SQLException e = refusal(erasure);

            assertThat(e.getSQLState()).as(erasure).isEqualTo(PERMISSION_DENIED);
            assertThat(e.getMessage()).as(erasure).contains("permission denied");
        }
        try (Connection db = asTheApplication(); ResultSet rs = db.createStatement()
                .executeQuery("select count(*) from audit_record where id = " + id)) {
            rs.next();
            assertThat(rs.getLong(1)).as("the record is still there").isEqualTo(1);
        }
        JsonObject verification = new RosterApi(URI.create(base.toString()).resolve("/"), "auditor")
                .get("api/audit/verify").object();
        assertThat(verification.getBoolean("intact")).as(verification.toString()).isTrue();
    }

    @Test
    void theOwnersFunctionRefusesToPruneRecordsYoungerThanTheMinimumRetention() throws SQLException {
        long id = aRecord();
        String hash;
        try (Connection db = asTheApplication(); ResultSet rs = db.createStatement()
                .executeQuery("select hash from audit_record where id = " + id)) {
            rs.next();
            hash = rs.getString(1);
        }

        SQLException e = refusal("select prune_audit_records(now(), " + id + ", '" + hash + "', now(), 'x')");

        assertThat(e.getSQLState()).isEqualTo(PERMISSION_DENIED);
        assertThat(e.getMessage()).contains("audit records younger than the minimum retention are kept");
        try (Connection db = asTheApplication(); ResultSet rs = db.createStatement()
                .executeQuery("select count(*) from audit_record where id = " + id)) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void theMinimumRetentionIsTheServersAndTheReadinessAnswerSaysTheTrailIsAppendOnly() throws SQLException {
        try (Connection db = asTheApplication(); ResultSet rs = db.createStatement()
                .executeQuery("select extract(epoch from min_retention) from audit_retention_floor")) {
            rs.next();
            assertThat(rs.getDouble(1)).as("roster.audit.min-retention of the build's server").isEqualTo(1.0);
        }
        JsonObject health = new RosterApi(URI.create(base.toString()).resolve("/")).get("health/ready").object();
        assertThat(health.toString()).contains("append-only for the application's role");
    }
}
