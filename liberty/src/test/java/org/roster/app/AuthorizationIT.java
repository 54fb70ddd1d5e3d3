package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who may call what, with the embedded default's demo users (HTTP Basic). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    private RosterApi anonymous;

    @BeforeEach
    void setUp() {
        LdapFixture.get();
        anonymous = new RosterApi(URI.create(base.toString()).resolve("/"), null);
    }

    @Test
    void anonymousCallersAreAskedToSignInButHealthAndTheApiDescriptionAreOpen() {
        RosterApi.Reply runs = anonymous.get("api/runs");

        assertThat(runs.status()).isEqualTo(401);
        assertThat(anonymous.get("api/employees?q=a").status()).isEqualTo(401);
        assertThat(anonymous.get("api/audit").status()).isEqualTo(401);
        assertThat(anonymous.get("").status()).as("the pages too").isEqualTo(401);
        assertThat(anonymous.get("health/ready").status()).isEqualTo(200);
        assertThat(anonymous.get("openapi").status()).isEqualTo(200);
    }

    @Test
    void onlyADirectoryAdminStartsRuns() {
        for (String user : new String[] {"compliance", "auditor", "p000100"}) {
            assertThat(anonymous.as(user).post("api/runs", "{\"dryRun\": true}").status()).as(user).isEqualTo(403);
        }
        assertThat(anonymous.as("compliance").get("api/runs").status()).isEqualTo(200);
        assertThat(anonymous.as("auditor").get("api/runs").status()).isEqualTo(200);
    }

    @Test
    void theAuditTrailIsForComplianceOfficersAndAuditorsOnly() {
        assertThat(anonymous.as("auditor").get("api/audit/verify").status()).isEqualTo(200);
        assertThat(anonymous.as("compliance").get("api/audit").status()).isEqualTo(200);
        assertThat(anonymous.as("admin").get("api/audit").status()).isEqualTo(403);
        assertThat(anonymous.as("p000100").get("api/audit").status()).isEqualTo(403);
    }

    @Test
    void anEmployeeCannotBrowseOtherEmployees() {
        assertThat(anonymous.as("p000100").get("api/employees?q=a").status()).isEqualTo(403);
        assertThat(anonymous.as("p000100").get("api/employees/p000101/contacts").status()).isEqualTo(403);
    }

    @Test
    void onlyADirectoryAdminSeesOrChangesTheSources() {
        String body = "{\"id\": \"authz\", \"kind\": \"ldap\", \"settings\": {\"url\": \"ldap://localhost:1\", "
                + "\"base-dn\": \"dc=x\"}}";
        for (String user : new String[] {null, "compliance", "auditor", "p000100"}) {
            RosterApi caller = anonymous.as(user);
            int denied = user == null ? 401 : 403;
            assertThat(caller.get("api/sources").status()).as(user).isEqualTo(denied);
            assertThat(caller.post("api/sources", body).status()).as(user).isEqualTo(denied);
            assertThat(caller.put("api/sources/directory", "application/json", body).status()).as(user)
                    .isEqualTo(denied);
            assertThat(caller.send("DELETE", "api/sources/directory").status()).as(user).isEqualTo(denied);
            assertThat(caller.post("api/sources/directory/test", "").status()).as(user).isEqualTo(denied);
        }
        assertThat(anonymous.as("admin").get("api/sources").status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefused() {
        RosterApi.Reply reply = new RosterApi(URI.create(base.toString()).resolve("/"), "nobody").get("api/runs");

        assertThat(reply.status()).isEqualTo(401);
    }
}
