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

/** An admin sees how the directory is configured and tests the connection before trusting it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SourceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    @Test
    void anAdminTestsTheDirectoryAndSeesOnlyWhatThePolicyWouldDeliver() {
        RosterApi admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        LdapFixture ldap = LdapFixture.get();
        ldap.add(new LdapFixture.Person("source-it-1", "Sana", "Okoye", "0151 5555 0101", "Sourcing", null));

        JsonObject source = admin.get("api/sources/directory").object();
        assertThat(source.getString("kind")).isEqualTo("ldap");
        assertThat(source.getJsonArray("urls").getString(0)).endsWith(":" + System.getProperty("it.ldap.port"));
        assertThat(source.getString("tls")).isEqualTo("none");
        assertThat(source.getBoolean("passwordSet")).isFalse();
        assertThat(source.keySet()).noneMatch(key -> key.equalsIgnoreCase("password"));

        RosterApi.Reply tested = admin.post("api/sources/directory/test", "");
        assertThat(tested.status()).as(tested.body()).isEqualTo(200);
        JsonObject report = tested.object();
        assertThat(report.getBoolean("ok")).isTrue();
        assertThat(report.getJsonArray("steps").getValuesAs(JsonObject.class))
                .extracting(s -> s.getString("name").replaceAll(" .*", "") + ":" + s.getBoolean("ok"))
                .containsExactly("connect:true", "bind:true", "base:true", "search:true");
        assertThat(report.getJsonNumber("matching").longValue()).isPositive();
        List<JsonObject> sample = report.getJsonArray("sample").getValuesAs(JsonObject.class);
        assertThat(sample).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        // the default policy releases names and mobile only: the department, though mapped, stays home
        assertThat(sample).allSatisfy(entry -> assertThat(entry.getJsonObject("released").keySet())
                .isSubsetOf("givenName", "surname", "mobile"));

        assertThat(admin.as("compliance").post("api/sources/directory/test", "").status()).isEqualTo(403);
        assertThat(admin.get("api/sources/elsewhere").status()).isEqualTo(404);
        List<JsonObject> trail = admin.as("auditor").get("api/audit?action=source.tested").array()
                .getValuesAs(JsonObject.class);
        assertThat(trail).extracting(r -> r.getString("actor")).contains("admin");
    }
}
