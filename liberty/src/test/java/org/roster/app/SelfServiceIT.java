package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;

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
 * An employee sees what Roster holds about them and which colleagues have their contact, opts out,
 * sees it take effect, and opts back in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SelfServiceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    @Test
    void anEmployeeOptsOutAndAfterTheNextRunNobodyHasTheirContactThenOptsBackIn() {
        RosterApi admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        RosterApi me = admin.as("p000100");
        LdapFixture ldap = LdapFixture.get();
        String department = "Self-" + System.nanoTime();
        // the demo user p000100 is an employee of this directory
        ldap.add(new LdapFixture.Person("p000100", "Paula", "Hundred", "0151 7000 0100", department, null));
        String canary = "CANARY-" + System.nanoTime();
        ldap.add(new LdapFixture.Person("colleague-" + department, "Carl", "Colleague", "0151 7000 0101", department,
                canary));
        admin.sync();

        JsonObject before = me.get("api/me").object();
        assertThat(before.getJsonNumber("seenBy").longValue()).isEqualTo(1);
        JsonArray seenBy = before.getJsonArray("seenByColleagues");
        assertThat(seenBy.getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("id") + " " + c.getJsonObject("fields") + " " + c.getString("rule"))
                .containsExactly("colleague-" + department + " {\"givenName\":\"Carl\",\"surname\":\"Colleague\"} "
                        + "same-department");
        // the default policy withholds title and department, and no colleague's number is shown
        assertThat(seenBy.toString()).doesNotContain(canary).doesNotContain("\"department\"")
                .doesNotContain("\"title\"").doesNotContain("7000 0101").doesNotContain("+49");
        assertThat(before.getJsonObject("held").getJsonObject("held").getString("surname")).isEqualTo("Hundred");
        assertThat(before.getJsonObject("contacts").getInt("count")).isEqualTo(1);

        assertThat(me.post("api/me/opt-out", "").status()).isEqualTo(200);
        admin.sync();

        JsonObject after = me.get("api/me").object();
        assertThat(after.getBoolean("optedOut")).isTrue();
        assertThat(after.getJsonNumber("seenBy").longValue()).isZero();
        assertThat(after.getJsonArray("seenByColleagues")).isEmpty();
        assertThat(after.getJsonObject("held").getJsonObject("scope").getString("rule")).isEqualTo("opt-out");
        assertThat(admin.contactsOf("colleague-" + department).getInt("count")).isZero();

        assertThat(me.send("DELETE", "api/me/opt-out").status()).isEqualTo(200);
        admin.sync();
        assertThat(admin.contactsOf("colleague-" + department).getInt("count")).isEqualTo(1);
        assertThat(admin.as("auditor").get("api/audit?employee=p000100").array().getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("actor") + " " + r.getString("action"))
                .contains("p000100 self-service.opted-out", "p000100 self-service.withdrew-the-opt-out");
    }

    @Test
    void someoneWhoIsNotAnEmployeeHasNoSelfServicePage() {
        RosterApi admin = new RosterApi(URI.create(base.toString()).resolve("/"));

        assertThat(admin.get("api/me").status()).isEqualTo(403);
    }
}
