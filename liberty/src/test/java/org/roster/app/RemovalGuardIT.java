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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A directory that suddenly loses a whole department does not empty people's phones: the run
 * stops before delivering and an admin decides. (The tests' limit is 50 removals per run.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RemovalGuardIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    @Test
    void aRunThatWouldRemoveTooManyWaitsForAnAdminWhoRejectsThenApproves() {
        RosterApi admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        LdapFixture ldap = LdapFixture.get();
        String department = "Vanishing-" + System.nanoTime();
        for (int i = 0; i < 9; i++) {
            ldap.add(new LdapFixture.Person("v" + i + "-" + department, "V", "Anishing" + i,
                    String.format("0151 4444 55%02d", i), department, null));
        }
        admin.sync();
        String someone = "v0-" + department;
        assertThat(admin.contactsOf(someone).getInt("count")).isEqualTo(8);

        for (int i = 1; i < 9; i++) {
            ldap.delete("v" + i + "-" + department);
        }
        JsonObject halted = admin.runToEnd();

        // someone loses 8 colleagues, and the 8 leavers lose their 8 contacts each: 72 > 50
        assertThat(halted.getString("status")).isEqualTo("AWAITING_APPROVAL");
        assertThat(halted.getJsonObject("counts").getJsonNumber("removed").longValue()).isEqualTo(72);
        assertThat(halted.getJsonNumber("removalLimit").longValue()).isEqualTo(50);
        assertThat(halted.getString("error")).contains("would remove 72 contacts");
        assertThat(admin.contactsOf(someone).getInt("count")).as("nothing delivered").isEqualTo(8);
        long haltedId = halted.getJsonNumber("id").longValue();
        assertThat(admin.as("compliance").post("api/runs/" + haltedId + "/approve", "").status()).isEqualTo(403);

        RosterApi.Reply rejected = admin.post("api/runs/" + haltedId + "/reject", "");
        assertThat(rejected.object().getString("status")).isEqualTo("REJECTED");
        assertThat(admin.post("api/runs/" + haltedId + "/approve", "").status()).as("decided once").isEqualTo(409);
        assertThat(admin.contactsOf(someone).getInt("count")).isEqualTo(8);

        JsonObject haltedAgain = admin.runToEnd();
        assertThat(haltedAgain.getString("status")).isEqualTo("AWAITING_APPROVAL");
        RosterApi.Reply approved = admin.post("api/runs/" + haltedAgain.getJsonNumber("id") + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(202);
        JsonObject carriedOut = admin.awaitEnd(approved.object().getJsonNumber("id").longValue());

        assertThat(carriedOut.getString("status")).isEqualTo("COMPLETED");
        assertThat(carriedOut.getJsonObject("counts").getJsonNumber("removed").longValue()).isEqualTo(72);
        assertThat(admin.contactsOf(someone).getInt("count")).isZero();
        List<JsonObject> trail = admin.as("auditor").get("api/audit?run=" + haltedId).array().getValuesAs(JsonObject.class);
        assertThat(trail).extracting(r -> r.getString("action") + " by " + r.getString("actor"))
                .contains("run.awaiting-approval by system", "run.rejected by admin");
    }
}
