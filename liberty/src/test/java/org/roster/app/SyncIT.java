package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A sync from an LDAP directory into the contacts each employee gets, on a real Open Liberty.
 *
 * <p>Every test makes a department of its own, syncs once to reach a known state, changes the
 * directory, and syncs again: the second run's counts are then exactly the test's own changes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SyncIT {

    private static final AtomicInteger DEPARTMENTS = new AtomicInteger();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    private RosterApi api;
    private LdapFixture ldap;
    private String department;
    private String numbers;

    @BeforeEach
    void setUp() throws Exception {
        api = new RosterApi(URI.create(base.toString()).resolve("/"));
        ldap = LdapFixture.get();
        int n = DEPARTMENTS.incrementAndGet();
        department = "Dept-" + n + "-" + System.nanoTime();
        // numbers of their own: employees sharing one are delivered to nobody under the default policy
        numbers = "0151 23" + String.format("%02d", n % 100) + " 67";
    }

    private List<LdapFixture.Person> team(String prefix, int size) {
        List<LdapFixture.Person> people = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            var person = new LdapFixture.Person(prefix + "-" + department + "-" + i, "Given" + i, "Surname" + i,
                    numbers + String.format("%02d", i), department, "CANARY-TITLE-" + i);
            ldap.add(person);
            people.add(person);
        }
        return people;
    }

    @Test
    void fullSyncGivesEachEmployeeTheirDepartmentColleaguesWithOnlyTheAllowedFields() {
        List<LdapFixture.Person> team = team("full", 3);
        ldap.add(new LdapFixture.Person("nomobile-" + department, "Nora", "Nomobile", null, department, null));

        JsonObject run = api.sync();

        assertThat(run.getJsonObject("counts").getJsonNumber("read").longValue()).isGreaterThanOrEqualTo(4);
        JsonObject contacts = api.contactsOf(team.get(0).uid());
        assertThat(contacts.getInt("count")).isEqualTo(2);
        List<String> ids = contacts.getJsonArray("contacts").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("id")).toList();
        assertThat(ids).containsExactly(team.get(1).uid(), team.get(2).uid());
        JsonObject first = contacts.getJsonArray("contacts").getJsonObject(0);
        assertThat(first.getJsonObject("fields").keySet()).containsExactlyInAnyOrder("givenName", "surname", "mobile");
        assertThat(first.getJsonObject("fields").getString("mobile"))
                .isEqualTo("+49" + (numbers + "01").substring(1).replace(" ", ""));
        assertThat(first.getString("rule")).isEqualTo("same-department");
        assertThat(contacts.toString()).doesNotContain("CANARY-TITLE");

        JsonObject noMobile = api.get("api/employees/nomobile-" + department).object();
        assertThat(noMobile.getJsonObject("scope").getBoolean("included")).isFalse();
        assertThat(noMobile.getJsonObject("scope").getString("rule")).isEqualTo("has-mobile");
        JsonObject member = api.get("api/employees/" + team.get(0).uid()).object();
        assertThat(member.getJsonArray("released").getValuesAs(JsonString.class))
                .extracting(JsonString::getString).containsExactlyInAnyOrder("givenName", "surname", "mobile");
        assertThat(member.getJsonObject("withheld").getString("department")).isEqualTo("fields");
        assertThat(api.contactsOf("nomobile-" + department).getInt("count")).isZero();
        List<JsonObject> excluded = api.get("api/runs/" + run.getJsonNumber("id") + "/excluded?rule=has-mobile&limit=1000")
                .array().getValuesAs(JsonObject.class);
        assertThat(excluded).filteredOn(e -> e.getString("employeeId").equals("nomobile-" + department)).singleElement()
                .satisfies(e -> assertThat(e.getString("reason")).isEqualTo("has no mobile"));
        assertThat(ids).doesNotContain("nomobile-" + department);
    }

    @Test
    void rerunWithoutDirectoryChangesDeliversNothing() {
        team("rerun", 3);
        api.sync();

        JsonObject rerun = api.sync().getJsonObject("counts");

        assertThat(rerun.getJsonNumber("added").longValue()).isZero();
        assertThat(rerun.getJsonNumber("updated").longValue()).isZero();
        assertThat(rerun.getJsonNumber("removed").longValue()).isZero();
        assertThat(rerun.getJsonNumber("delivered").longValue()).isZero();
    }

    @Test
    void changingOneNumberUpdatesExactlyTheColleaguesWhoSeeIt() {
        List<LdapFixture.Person> team = team("update", 4);
        api.sync();

        ldap.replace(team.get(0).uid(), "mobile", "+49 171 9876543");
        JsonObject counts = api.sync().getJsonObject("counts");

        assertThat(counts.getJsonNumber("updated").longValue()).isEqualTo(3);
        assertThat(counts.getJsonNumber("delivered").longValue()).isEqualTo(3);
        assertThat(counts.getJsonNumber("failed").longValue()).isZero();
        assertThat(counts.getJsonNumber("added").longValue()).isZero();
        assertThat(counts.getJsonNumber("removed").longValue()).isZero();
        for (LdapFixture.Person viewer : team.subList(1, 4)) {
            JsonObject card = api.contactsOf(viewer.uid()).getJsonArray("contacts").getValuesAs(JsonObject.class)
                    .stream().filter(c -> c.getString("id").equals(team.get(0).uid())).findFirst().orElseThrow();
            assertThat(card.getJsonObject("fields").getString("mobile")).isEqualTo("+491719876543");
        }
    }

    @Test
    void deletingAnEmployeeRemovesThemFromEveryViewer() {
        List<LdapFixture.Person> team = team("delete", 3);
        api.sync();

        ldap.delete(team.get(0).uid());
        JsonObject counts = api.sync().getJsonObject("counts");

        // two colleagues lose the leaver, and the leaver's own two contacts are withdrawn
        assertThat(counts.getJsonNumber("removed").longValue()).isEqualTo(4);
        assertThat(counts.getJsonNumber("gone").longValue()).isEqualTo(1);
        for (LdapFixture.Person viewer : team.subList(1, 3)) {
            assertThat(api.contactsOf(viewer.uid()).getJsonArray("contacts").getValuesAs(JsonObject.class))
                    .extracting(c -> c.getString("id")).doesNotContain(team.get(0).uid());
        }
        JsonObject leaver = api.get("api/employees/" + team.get(0).uid()).object();
        assertThat(leaver.getString("status")).isEqualTo("GONE");
        assertThat(api.contactsOf(team.get(0).uid()).getInt("count")).isZero();
    }

    @Test
    void anEntryWithAnInvalidNumberIsRejectedWithItsReasonInTheApi() {
        String uid = "invalid-" + department;
        ldap.add(new LdapFixture.Person(uid, "Ivan", "Invalid", "12", department, null));

        JsonObject run = api.sync();

        long id = run.getJsonNumber("id").longValue();
        assertThat(run.getJsonObject("counts").getJsonNumber("rejected").longValue()).isGreaterThanOrEqualTo(1);
        List<JsonObject> rejections = api.get("api/runs/" + id + "/rejections?limit=1000").array()
                .getValuesAs(JsonObject.class);
        JsonObject mine = rejections.stream().filter(r -> r.get("employeeId") != JsonValue.NULL
                && r.getString("employeeId").equals(uid)).findFirst().orElseThrow();
        assertThat(mine.getString("reason")).isEqualTo("mobile \"12\" is not a valid number for region DE");
        assertThat(mine.getString("entry")).isEqualTo(LdapFixture.dn(uid));
        // never accepted, so Roster holds nothing else about them
        assertThat(api.get("api/employees/" + uid).status()).isEqualTo(404);

        // read again unchanged, it is rejected again and listed with the new run as the first time
        JsonObject again = api.sync();
        long againId = again.getJsonNumber("id").longValue();
        assertThat(againId).isNotEqualTo(id);
        JsonObject mineAgain = api.get("api/runs/" + againId + "/rejections?limit=1000").array()
                .getValuesAs(JsonObject.class).stream().filter(r -> r.get("employeeId") != JsonValue.NULL
                        && r.getString("employeeId").equals(uid)).findFirst().orElseThrow();
        assertThat(mineAgain.getString("reason")).isEqualTo("mobile \"12\" is not a valid number for region DE");
        assertThat(mineAgain.getString("entry")).isEqualTo(LdapFixture.dn(uid));
        assertThat(api.get("api/employees/" + uid).status()).isEqualTo(404);
        // recognised as read before: the trail has one line for every entry rejected again, not one each
        assertThat(api.as("auditor").get("api/audit?run=" + againId).array().getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("action")).contains("entries.rejected-again");
        assertThat(api.as("auditor").get("api/audit?employee=" + uid).array().getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("action")).containsExactly("entry.rejected");
    }
}
