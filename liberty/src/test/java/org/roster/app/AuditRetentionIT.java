package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.time.Duration;

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
 * and the rest of the trail still verifies.
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
        long before = auditor.get("api/audit/verify").object().getJsonNumber("records").longValue();

        String keepNothing = """
                policy: default
                description: The default, keeping no audit record past the next run.
                scope:
                  - id: has-mobile
                    require: mobile
                fields: [givenName, surname, mobile]
                visibility:
                  - id: same-department
                    same: department
                retention:
                  auditRecords: PT0S
                """;
        long draft = compliance.postText("api/policies", "application/yaml", keepNothing).object()
                .getJsonNumber("id").longValue();
        assertThat(admin.as("compliance2").post("api/policies/" + draft + "/approve", "").status()).isEqualTo(200);
        assertThat(compliance.post("api/policies/" + draft + "/publish", "").status()).isEqualTo(200);
        try {
            long run = admin.sync().getJsonNumber("id").longValue();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> auditor.get("api/audit?action=audit.pruned").array().size() > 0);
            JsonObject verification = auditor.get("api/audit/verify").object();
            assertThat(verification.getBoolean("intact")).as(verification.toString()).isTrue();
            assertThat(verification.getJsonNumber("records").longValue()).isLessThan(before);
            assertThat(auditor.get("api/audit?action=policy.published").array()).as("older records are gone").isEmpty();
            assertThat(auditor.get("api/audit?run=" + run).array().size()).isLessThanOrEqualTo(1);
        } finally {
            long restoring = compliance.post("api/policies/" + original + "/rollback", "").object()
                    .getJsonNumber("id").longValue();
            admin.as("compliance2").post("api/policies/" + restoring + "/approve", "");
            compliance.post("api/policies/" + restoring + "/publish", "");
        }
        assertThat(auditor.get("api/audit/verify").object().getBoolean("intact")).isTrue();
    }
}
