package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A change made through the API and its audit record commit together: when the trail refuses the
 * record, the change is not made and the API says so; and a change whose description is longer
 * than the trail keeps is recorded shortened, not refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditedActionsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    private RosterApi admin;
    private RosterApi auditor;

    @BeforeEach
    void setUp() {
        LdapFixture.get();
        admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        auditor = admin.as("auditor");
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), "roster", "roster");
    }

    /** As the database's superuser: every insert into the audit trail fails, as on a full or broken disk. */
    private static void refuseAuditRecords() throws SQLException {
        try (Connection db = database(); Statement sql = db.createStatement()) {
            sql.execute("create function refuse_audit_record() returns trigger language plpgsql as $$ begin "
                    + "raise exception 'the audit trail takes no records (a test)'; end $$");
            sql.execute("create trigger refuse_audit_record before insert on audit_record for each row "
                    + "execute function refuse_audit_record()");
        }
    }

    private static void acceptAuditRecordsAgain() throws SQLException {
        try (Connection db = database(); Statement sql = db.createStatement()) {
            sql.execute("drop trigger if exists refuse_audit_record on audit_record");
            sql.execute("drop function if exists refuse_audit_record()");
        }
    }

    /** A source runs don't read (it is disabled), so adding it changes nothing for the other tests. */
    private static String disabledSource(String id, String filter) {
        return "{\"id\": \"" + id + "\", \"kind\": \"ldap\", \"name\": \"Audit test\", \"enabled\": false, "
                + "\"settings\": {\"url\": \"ldap://localhost:" + System.getProperty("it.ldap.port") + "\", "
                + "\"base-dn\": \"" + LdapFixture.CONTRACTORS_DN + "\", \"filter\": \"" + filter + "\"}}";
    }

    private long newestRun() {
        List<JsonObject> runs = admin.get("api/runs?limit=1").array().getValuesAs(JsonObject.class);
        return runs.isEmpty() ? 0 : runs.get(0).getJsonNumber("id").longValue();
    }

    @Test
    void aChangeWhoseRecordTheTrailRefusesIsNotMadeAndTheApiSaysSo() throws SQLException {
        RosterApi compliance = admin.as("compliance");
        long draft = compliance.postText("api/policies", "application/yaml", compliance.get("api/policies/active")
                .object().getString("text")).object().getJsonNumber("id").longValue();
        long runBefore = newestRun();
        String source = "unrecorded-" + System.nanoTime();

        refuseAuditRecords();
        try {
            RosterApi.Reply added = admin.post("api/sources", disabledSource(source, "(objectClass=person)"));
            assertThat(added.status()).as(added.body()).isEqualTo(503);
            assertThat(added.contentType()).startsWith("application/problem+json");
            assertThat(added.object().getString("detail")).startsWith("Nothing was changed: the audit trail could "
                    + "not record this action");
            assertThat(admin.get("api/sources/" + source).status()).as("the source was not added").isEqualTo(404);

            RosterApi.Reply approved = admin.as("compliance2").post("api/policies/" + draft + "/approve", "");
            assertThat(approved.status()).as(approved.body()).isEqualTo(503);
            assertThat(compliance.get("api/policies/" + draft).object().getString("status"))
                    .as("the policy was not approved").isEqualTo("DRAFT");

            RosterApi.Reply started = admin.post("api/runs", "{\"dryRun\": true}");
            assertThat(started.status()).as(started.body()).isEqualTo(503);
            assertThat(newestRun()).as("no run was started").isEqualTo(runBefore);
        } finally {
            acceptAuditRecordsAgain();
        }

        RosterApi.Reply added = admin.post("api/sources", disabledSource(source, "(objectClass=person)"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(admin.as("compliance2").post("api/policies/" + draft + "/approve", "").status()).isEqualTo(200);
        assertThat(auditor.get("api/audit?subject=source:" + source).array().getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("action") + " by " + r.getString("actor"))
                .containsExactly("source.created by admin");
        assertThat(auditor.get("api/audit?subject=policy:" + draft).array().getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("action") + " by " + r.getString("actor"))
                .containsExactly("policy.approved by compliance2", "policy.drafted by compliance");
        assertThat(auditor.get("api/audit/verify").object().getBoolean("intact")).isTrue();
        assertThat(admin.send("DELETE", "api/sources/" + source).status()).isEqualTo(204);
    }

    @Test
    void aSourceWithAFilterOf5000CharactersIsAddedAndRecordedShortened() {
        String source = "long-filter-" + System.nanoTime();
        String head = "(|" + IntStream.range(0, 400).mapToObj(i -> String.format("(uid=c%05d)", i))
                .collect(Collectors.joining());
        String longFilter = head + "(uid=" + "x".repeat(5_000 - head.length() - "(uid=))".length()) + "))";
        assertThat(longFilter).hasSize(5_000);

        RosterApi.Reply added = admin.post("api/sources", disabledSource(source, longFilter));

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(admin.get("api/sources/" + source).object().getJsonObject("settings").getString("filter"))
                .isEqualTo(longFilter);
        JsonObject record = auditor.get("api/audit?subject=source:" + source).array().getJsonObject(0);
        assertThat(record.getString("action")).isEqualTo("source.created");
        assertThat(record.getString("detail")).hasSize(2_000).startsWith("added ldap source " + source)
                .containsPattern("… \\[shortened: 5,\\d{3} characters]$");
        assertThat(auditor.get("api/audit/verify").object().getBoolean("intact")).isTrue();
        assertThat(admin.send("DELETE", "api/sources/" + source).status()).isEqualTo(204);
    }
}
