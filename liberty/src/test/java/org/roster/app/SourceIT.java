package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
        assertThat(source.getString("managedBy")).isEqualTo("configuration");
        assertThat(source.getJsonArray("secretsSet")).isEmpty();
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

    private static String sourceJson(String password) {
        return "{\"id\": \"contractors\", \"kind\": \"ldap\", \"name\": \"Contractor directory\", "
                + "\"precedence\": 50, \"settings\": {\"url\": \"ldap://localhost:" + System.getProperty("it.ldap.port")
                + "\", \"bind-dn\": \"" + LdapFixture.READER_DN + "\", \"base-dn\": \"" + LdapFixture.CONTRACTORS_DN
                + "\", \"allow-insecure\": \"true\"}, \"secrets\": {\"password\": \"" + password + "\"}}";
    }

    private static List<String> contactIds(RosterApi api, String viewer) {
        return api.contactsOf(viewer).getJsonArray("contacts").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("id")).toList();
    }

    @Test
    void anAdminAddsASecondDirectoryWhoseEntriesMergeAndWhosePasswordNeverComesBack() throws Exception {
        RosterApi admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        LdapFixture ldap = LdapFixture.get();
        ldap.add(new LdapFixture.Person("merge-it-1", "Mara", "Quist", "0151 5555 0201", "Merging", null));
        ldap.add(new LdapFixture.Person("merge-it-2", "Nils", "Rau", "0151 5555 0202", "Merging", null));
        // the contractor directory knows Mara too, with another number and her title, and a contractor of its own
        ldap.add(LdapFixture.CONTRACTORS_DN, new LdapFixture.Person("merge-it-1", "Mara", "Quist", "0151 5555 0999",
                "Merging", "Lead"));
        ldap.add(LdapFixture.CONTRACTORS_DN, new LdapFixture.Person("merge-it-3", "Ola", "Sand", "0151 5555 0203",
                "Merging", null));

        RosterApi.Reply refused = admin.post("api/sources", "{\"id\": \"bad\", \"kind\": \"ldap\", "
                + "\"settings\": {\"url\": \"ldap://localhost:1\", \"base-dn\": \"dc=x\", \"colour\": \"red\"}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("colour");
        assertThat(admin.as("compliance").post("api/sources", sourceJson("x")).status()).isEqualTo(403);

        RosterApi.Reply created = admin.post("api/sources", sourceJson("wrong-password"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("wrong-password");
        JsonObject wrongBind = admin.post("api/sources/contractors/test", "").object();
        assertThat(wrongBind.getBoolean("ok")).isFalse();
        assertThat(wrongBind.getJsonArray("steps").getValuesAs(JsonObject.class))
                .filteredOn(s -> s.getString("name").startsWith("bind")).singleElement()
                .satisfies(s -> assertThat(s.getBoolean("ok")).isFalse());
        assertThat(wrongBind.toString()).doesNotContain("wrong-password");

        RosterApi.Reply changed = admin.put("api/sources/contractors", "application/json",
                sourceJson(LdapFixture.READER_PASSWORD));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(admin.post("api/sources/contractors/test", "").object().getBoolean("ok")).isTrue();
        JsonObject shown = admin.get("api/sources/contractors").object();
        assertThat(shown.getString("managedBy")).isEqualTo("api");
        assertThat(shown.getJsonArray("secretsSet").getString(0)).isEqualTo("password");
        assertThat(admin.get("api/sources").body()).doesNotContain(LdapFixture.READER_PASSWORD);
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), "roster", "roster");
             ResultSet row = db.createStatement().executeQuery("select secrets, settings from directory_source "
                     + "where id = 'contractors'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("secrets")).as("sealed at rest").startsWith("v2:legacy:")
                    .doesNotContain(LdapFixture.READER_PASSWORD);
            assertThat(row.getString("settings")).doesNotContain(LdapFixture.READER_PASSWORD);
        }

        admin.sync();
        assertThat(contactIds(admin, "merge-it-2")).contains("merge-it-1", "merge-it-3");
        JsonObject mara = admin.contactsOf("merge-it-2").getJsonArray("contacts").getValuesAs(JsonObject.class)
                .stream().filter(c -> c.getString("id").equals("merge-it-1")).findFirst().orElseThrow();
        assertThat(mara.getJsonObject("fields").getString("mobile")).as("the configured directory comes first")
                .isEqualTo("+4915155550201");

        RosterApi auditor = admin.as("auditor");
        List<JsonObject> sourceTrail = new ArrayList<>();
        for (String action : List.of("source.created", "source.updated", "source.tested")) {
            sourceTrail.addAll(auditor.get("api/audit?action=" + action).array().getValuesAs(JsonObject.class)
                    .stream().filter(r -> r.getString("subject").equals("source:contractors")).toList());
        }
        assertThat(sourceTrail).filteredOn(r -> r.getString("action").equals("source.created")).singleElement()
                .satisfies(r -> assertThat(r.getString("actor")).isEqualTo("admin"));
        assertThat(sourceTrail).filteredOn(r -> r.getString("action").equals("source.updated")).singleElement()
                .satisfies(r -> assertThat(r.getString("detail")).contains("password changed"));
        assertThat(sourceTrail.toString()).doesNotContain(LdapFixture.READER_PASSWORD).doesNotContain("wrong-password");
        assertThat(auditor.get("api/audit?action=employee.merged").array().getValuesAs(JsonObject.class))
                .anySatisfy(r -> assertThat(r.getString("subject")).isEqualTo("employee:merge-it-1"));

        assertThat(admin.send("DELETE", "api/sources/directory").status()).as("configured: change it there")
                .isEqualTo(409);
        assertThat(admin.send("DELETE", "api/sources/contractors").status()).isEqualTo(204);
        admin.sync();
        assertThat(contactIds(admin, "merge-it-2")).as("the contractor came only from the removed source")
                .contains("merge-it-1").doesNotContain("merge-it-3");
    }

    private static String movingJson(String url, String password) {
        return "{\"id\": \"moving\", \"kind\": \"ldap\", \"name\": \"Moving directory\", \"precedence\": 80, "
                + "\"enabled\": false, \"settings\": {\"url\": \"" + url + "\", \"bind-dn\": \"" + LdapFixture.READER_DN
                + "\", \"base-dn\": \"" + LdapFixture.CONTRACTORS_DN + "\", \"allow-insecure\": \"true\"}"
                + (password == null ? "" : ", \"secrets\": {\"password\": \"" + password + "\"}") + "}";
    }

    private static List<JsonObject> trail(RosterApi auditor, String action, String subject) {
        return auditor.get("api/audit?action=" + action).array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("subject").equals(subject)).toList();
    }

    @Test
    void aBindPasswordStaysWithTheServerItWasGivenForAndNeverTravelsInClearTextUnasked() {
        RosterApi admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        RosterApi auditor = admin.as("auditor");
        LdapFixture.get();
        String here = "ldap://localhost:" + System.getProperty("it.ldap.port");
        String elsewhere = "ldap://127.0.0.1:" + System.getProperty("it.ldap.port");

        RosterApi.Reply clearText = admin.post("api/sources", movingJson(here, LdapFixture.READER_PASSWORD)
                .replace("\"allow-insecure\": \"true\"", "\"allow-insecure\": \"false\""));
        assertThat(clearText.status()).as(clearText.body()).isEqualTo(400);
        assertThat(clearText.body()).contains("a password would travel in clear text to " + here,
                "use ldaps:// or start-tls, or set allow-insecure").doesNotContain(LdapFixture.READER_PASSWORD);
        assertThat(admin.get("api/sources/moving").status()).as("nothing stored").isEqualTo(404);

        RosterApi.Reply accepted = admin.post("api/sources", movingJson(here, LdapFixture.READER_PASSWORD));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.object().getBoolean("insecure")).as("shown plainly as insecure").isTrue();
        assertThat(trail(auditor, "source.insecure-allowed", "source:moving")).singleElement()
                .satisfies(r -> assertThat(r.getString("actor")).isEqualTo("admin"))
                .satisfies(r -> assertThat(r.getString("detail")).contains("clear text", here));

        // pointed elsewhere without the password: the stored one is dropped, and the answer says so
        RosterApi.Reply moved = admin.put("api/sources/moving", "application/json", movingJson(elsewhere, null));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.object().getJsonArray("secretsCleared").getValuesAs(JsonString.class))
                .extracting(JsonString::getString).containsExactly("password");
        assertThat(moved.object().getString("notice")).contains("password was cleared because url changed");
        assertThat(admin.get("api/sources/moving").object().getJsonArray("secretsSet")).isEmpty();
        JsonObject test = admin.post("api/sources/moving/test", "").object();
        assertThat(test.getBoolean("ok")).as("the new server got no password: " + test).isFalse();
        assertThat(test.getJsonArray("steps").getValuesAs(JsonObject.class)).as(test.toString())
                .filteredOn(s -> s.getString("name").startsWith("connect")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.getBoolean("ok")).isTrue());
        assertThat(test.toString()).doesNotContain("bound as");
        assertThat(trail(auditor, "source.updated", "source:moving")).singleElement()
                .satisfies(r -> assertThat(r.getString("detail")).contains("password cleared because url changed")
                        .doesNotContain(LdapFixture.READER_PASSWORD));

        // pointed back with the password in the same request: kept, nothing cleared
        RosterApi.Reply back = admin.put("api/sources/moving", "application/json",
                movingJson(here, LdapFixture.READER_PASSWORD));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.object().getJsonArray("secretsCleared")).isEmpty();
        assertThat(back.object().getJsonArray("secretsSet").getString(0)).isEqualTo("password");
        JsonObject retest = admin.post("api/sources/moving/test", "").object();
        assertThat(retest.getBoolean("ok")).as(retest.toString()).isTrue();

        assertThat(admin.send("DELETE", "api/sources/moving").status()).isEqualTo(204);
    }
}
