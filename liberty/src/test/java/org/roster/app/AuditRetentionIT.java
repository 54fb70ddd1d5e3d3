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
import java.time.Duration;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Audit records are kept as long as the policy says; older ones give way to a signed checkpoint,
 * and the rest of the trail still verifies. No policy keeps them less than the server's minimum
 * retention (one second on the build's server, P365D by default): a draft asking less is refused,
 * and one published before the minimum existed is applied with the minimum, which the trail records.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditRetentionIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    @Test
    void recordsOlderThanTheRetentionArePrunedAndTheTrailStillVerifies() {
        RosterApi admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        RosterApi compliance = admin.as("compliance");
        RosterApi auditor = admin.as("auditor");
        LdapFixture.get();
        admin.sync();
        long original = compliance.get("api/policies/active").object().getJsonNumber("id").longValue();
        // the newest record before the short retention: it and every older one must go
        long newest = auditor.get("api/audit?limit=1").array().getJsonObject(0).getJsonNumber("id").longValue();

        String keepASecond = """
                policy: default
                description: The default, keeping audit records no longer than the minimum of the build's server.
                scope:
                  - id: has-mobile
                    require: mobile
                fields: [givenName, surname, mobile]
                visibility:
                  - id: same-department
                    same: department
                retention:
                  auditRecords: PT1S
                """;
        long draft = compliance.postText("api/policies", "application/yaml", keepASecond).object()
                .getJsonNumber("id").longValue();
        assertThat(admin.as("compliance2").post("api/policies/" + draft + "/approve", "").status()).isEqualTo(200);
        assertThat(compliance.post("api/policies/" + draft + "/publish", "").status()).isEqualTo(200);
        try {
            // each run prunes what is older than a second by then: the publication goes with a later one
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                admin.sync();
                return auditor.get("api/audit?action=policy.published").array().isEmpty();
            });
            assertThat(auditor.get("api/audit?action=audit.pruned").array()).isNotEmpty();
            JsonObject verification = auditor.get("api/audit/verify").object();
            assertThat(verification.getBoolean("intact")).as(verification.toString()).isTrue();
            assertThat(auditor.get("api/audit?before=" + (newest + 1)).array())
                    .as("records written before the policy kept them a second").isEmpty();
        } finally {
            long restoring = compliance.post("api/policies/" + original + "/rollback", "").object()
                    .getJsonNumber("id").longValue();
            admin.as("compliance2").post("api/policies/" + restoring + "/approve", "");
            compliance.post("api/policies/" + restoring + "/publish", "");
        }
        assertThat(auditor.get("api/audit/verify").object().getBoolean("intact")).isTrue();
    }

    @Test
    void aDraftKeepingAuditRecordsLessThanTheMinimumIsRefusedWhereItSaysSo() {
        RosterApi compliance = new RosterApi(URI.create(base.toString()).resolve("/")).as("compliance");
        String keepNothing = """
                policy: forgetful
                fields: [givenName, surname, mobile]
                visibility:
                  - id: same-department
                    same: department
                retention:
                  auditRecords: PT0S
                """;

        RosterApi.Reply refused = compliance.postText("api/policies", "application/yaml", keepNothing);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.object().getString("detail")).isEqualTo("The policy has 1 problem(s); the first: "
                + "policy.yaml:7:17: retention.auditRecords (PT0S) is shorter than this server's minimum audit "
                + "retention (PT1S): audit records are kept at least that long");
        RosterApi.Reply validation = compliance.postText("api/policies/validate", "application/yaml", keepNothing);
        assertThat(validation.object().getBoolean("valid")).isFalse();
    }

    @Test
    void aPolicyPublishedBeforeTheMinimumExistedIsClampedToItAndTheTrailSaysSo() throws SQLException {
        RosterApi admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        RosterApi compliance = admin.as("compliance");
        RosterApi auditor = admin.as("auditor");
        LdapFixture.get();
        long original = compliance.get("api/policies/active").object().getJsonNumber("id").longValue();
        String keepNothing = """
                policy: forgetful
                description: Published by an earlier Roster, which let a policy keep nothing.
                fields: [givenName, surname, mobile]
                visibility:
                  - id: same-department
                    same: department
                retention:
                  auditRecords: PT0S
                """;
        long published;
        // as an upgrade finds it: published before the minimum existed, so never validated against it
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), "roster", "roster")) {
            db.createStatement().executeUpdate("update policy_version set status = 'SUPERSEDED' "
                    + "where status = 'PUBLISHED'");
            try (PreparedStatement insert = db.prepareStatement("insert into policy_version (id, name, text, status, "
                    + "author, created_at, approved_by, approved_at, published_by, published_at) values "
                    + "(nextval('policy_version_seq'), 'forgetful', ?, 'PUBLISHED', 'compliance', now(), "
                    + "'compliance2', now(), 'compliance', now()) returning id")) {
                insert.setString(1, keepNothing);
                ResultSet rs = insert.executeQuery();
                rs.next();
                published = rs.getLong(1);
            }
        }
        try {
            // a dry run applies the policy and prunes nothing, so the trail keeps what it said
            dryRun(admin);

            JsonArray clamped = auditor.get("api/audit?action=policy.retention-clamped&subject=policy:" + published)
                    .array();
            assertThat(clamped).hasSize(1);
            assertThat(clamped.getJsonObject(0).getString("detail")).isEqualTo("version " + published
                    + " (forgetful) asks to keep audit records PT0S; they are kept PT1S, the minimum audit "
                    + "retention (roster.audit.min-retention)");
            dryRun(admin);
            assertThat(auditor.get("api/audit?action=policy.retention-clamped&subject=policy:" + published).array())
                    .as("said once per version").hasSize(1);
        } finally {
            // restoring is a draft like any other: a second officer approves it, then it is published
            long restoring = compliance.post("api/policies/" + original + "/rollback", "").object()
                    .getJsonNumber("id").longValue();
            assertThat(compliance.as("compliance2").post("api/policies/" + restoring + "/approve", "").status())
                    .isEqualTo(200);
            assertThat(compliance.post("api/policies/" + restoring + "/publish", "").status()).isEqualTo(200);
        }
    }

    private static void dryRun(RosterApi admin) {
        RosterApi.Reply started = admin.post("api/runs", "{\"dryRun\": true}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        admin.awaitEnd(started.object().getJsonNumber("id").longValue());
    }
}
