package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.List;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit trail records runs and rejections, verifies, and exports. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    private RosterApi api;
    private LdapFixture ldap;

    @BeforeEach
    void setUp() {
        ldap = LdapFixture.get();
        api = new RosterApi(URI.create(base.toString()).resolve("/"));
    }

    @Test
    void aRunAndItsRejectionsAreInTheTrailWithoutTheOffendingValue() {
        String uid = "audit-" + System.nanoTime();
        ldap.add(new LdapFixture.Person(uid, "Aude", "Audit", "0151 777", "Audit-" + uid, null));

        long run = api.sync().getJsonNumber("id").longValue();

        RosterApi auditor = api.as("auditor");
        List<JsonObject> forRun = auditor.get("api/audit?run=" + run).array().getValuesAs(JsonObject.class);
        assertThat(forRun).extracting(r -> r.getString("action")).contains("run.started", "run.finished");
        List<JsonObject> forEmployee = auditor.get("api/audit?employee=" + uid).array().getValuesAs(JsonObject.class);
        assertThat(forEmployee).singleElement().satisfies(r -> {
            assertThat(r.getString("action")).isEqualTo("entry.rejected");
            assertThat(r.getString("actor")).isEqualTo("system");
            assertThat(r.getString("detail")).contains("mobile is not a valid number").doesNotContain("777");
        });
    }

    @Test
    void theChainVerifiesAndExportsAsCsvAndJson() {
        api.sync();
        RosterApi auditor = api.as("auditor");

        JsonObject verification = auditor.get("api/audit/verify").object();
        assertThat(verification.getBoolean("intact")).as(verification.toString()).isTrue();
        assertThat(verification.getJsonNumber("records").longValue()).isGreaterThanOrEqualTo(2);

        RosterApi.Reply csv = auditor.get("api/audit/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst()).contains("id,at,actor,action,subject,detail,prev_hash,hash");
        assertThat(csv.body()).contains("\"run.started\"");

        RosterApi.Reply json = auditor.get("api/audit/export?format=json");
        assertThat(json.array()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(auditor.get("api/audit/export?format=xml").status()).isEqualTo(400);
    }
}
