package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.List;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A directory admin asks why one employee does or does not get another's contact, both ways, of a
 * directory synced under a policy with a cap of 25 and rules on department and management: granted
 * by a rule and delivered, a different department, beyond the cap at its position, opted out, and
 * out of scope. The answers name rules and fields, never a value the policy withholds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WhyIT {

    private static final int CAP = 25;
    /** A demo user (password = user name) who can opt out, made an employee of the fixture's directory. */
    private static final String OPTS_OUT = "p000102";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    private static final String RUN = Long.toString(System.nanoTime(), 36);
    /** The department's value: it must never appear in an answer, which names fields only. */
    private static final String TEAM = "WhyTeam" + RUN;
    private static final String OTHERS = "WhyOthers" + RUN;
    private static final String PAIR = "WhyPair" + RUN;
    private static final String TEAM_PREFIX = "w" + RUN + "-";

    private static RosterApi admin;
    private static long originalPolicy;
    private static boolean published;

    /** The i-th member of the 27 people of TEAM, in id order. */
    private static String member(int i) {
        return String.format("%s%02d", TEAM_PREFIX, i);
    }

    private static final String MANAGED = "x" + RUN + "-managed";
    private static final String NO_MOBILE = "x" + RUN + "-nomobile";
    private static final String PARTNER = "y" + RUN + "-partner";

    private static String policy() {
        return """
                policy: why-capped
                description: The default with a cap and the management chain, to explain decisions by.
                scope:
                  - id: has-mobile
                    require: mobile
                fields: [givenName, surname, mobile]
                visibility:
                  - id: same-department
                    same: department
                  - id: my-manager
                    managerChain: 1
                  - id: my-reports
                    directReports: true
                cap: %d
                """.formatted(CAP);
    }

    /** Once for the class: the tests only read what this sync decided. */
    @BeforeEach
    void aDirectorySyncedUnderACappedPolicy() {
        if (admin != null) {
            return;
        }
        admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        RosterApi compliance = admin.as("compliance");
        LdapFixture ldap = LdapFixture.get();
        for (int i = 0; i < CAP + 2; i++) {
            ldap.add(new LdapFixture.Person(member(i), "Team", "Member" + i, String.format("0151 7717 %04d", i),
                    TEAM, null));
        }
        // reports to member 5, in another department
        ldap.add(new LdapFixture.Person(MANAGED, "Manon", "Aged", "0151 7718 0001", OTHERS, null));
        ldap.replace(MANAGED, "manager", LdapFixture.dn(member(5)));
        ldap.add(new LdapFixture.Person(NO_MOBILE, "Nomo", "Bile", null, OTHERS, null));
        ldap.add(new LdapFixture.Person(PARTNER, "Par", "Tner", "0151 7718 0003", PAIR, null));
        employ(ldap, new LdapFixture.Person(OPTS_OUT, "Otto", "Out", "0151 7718 0004", PAIR, null));
        // read once, so that the employee is known and can opt out
        admin.sync();
        assertThat(admin.as(OPTS_OUT).post("api/me/opt-out", "").status()).isEqualTo(200);

        originalPolicy = compliance.get("api/policies/active").object().getJsonNumber("id").longValue();
        publish(compliance, compliance.postText("api/policies", "application/yaml", policy()));
        published = true;
        admin.sync();
    }

    @AfterAll
    static void theOriginalPolicyIsRestored() {
        if (admin == null) {
            return;
        }
        assertThat(admin.as(OPTS_OUT).send("DELETE", "api/me/opt-out").status()).isEqualTo(200);
        if (published) {
            RosterApi compliance = admin.as("compliance");
            publish(compliance, compliance.post("api/policies/" + originalPolicy + "/rollback", ""));
            admin.sync();
        }
    }

    private static void publish(RosterApi compliance, RosterApi.Reply drafted) {
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        long draft = drafted.object().getJsonNumber("id").longValue();
        assertThat(admin.as("compliance2").post("api/policies/" + draft + "/approve", "").status()).isEqualTo(200);
        assertThat(compliance.post("api/policies/" + draft + "/publish", "").status()).isEqualTo(200);
    }

    private static void employ(LdapFixture ldap, LdapFixture.Person person) {
        try {
            ldap.add(person);
            return;
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof LDAPException ldapError)
                    || ldapError.getResultCode() != ResultCode.ENTRY_ALREADY_EXISTS) {
                throw e;
            }
        }
        ldap.replace(person.uid(), "departmentNumber", person.department());
        ldap.replace(person.uid(), "mobile", person.mobile());
    }

    private JsonObject why(String viewer, String colleague) {
        RosterApi.Reply reply = admin.get("api/employees/" + viewer + "/why/" + colleague);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).as("the answer names fields, never what they hold")
                .doesNotContain(TEAM, OTHERS, PAIR, "+49151", "Member", "Manon", "Nomo", "Otto", "Tner");
        return reply.object();
    }

    private static List<String> rules(JsonObject direction) {
        return direction.getJsonArray("rules").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("rule") + (r.getBoolean("grants") ? " grants" : ": " + r.getString("reason")))
                .toList();
    }

    @Test
    void aColleagueGrantedByARuleWasDeliveredAndTheAnswerSaysThroughWhichRuleWhenAndWhatTravels() {
        JsonObject answer = why(member(26), member(0));

        JsonObject gets = answer.getJsonObject("viewerGetsColleague");
        assertThat(gets.getBoolean("delivered")).isTrue();
        assertThat(gets.getString("grantedBy")).isEqualTo("same-department");
        assertThat(gets.getString("answer")).startsWith(member(26) + " gets " + member(0)
                + "'s contact through same-department, delivered in run ");
        JsonObject delivery = gets.getJsonObject("delivery");
        assertThat(delivery.getString("rule")).isEqualTo("same-department");
        assertThat(delivery.getString("state")).isEqualTo("recorded");
        assertThat(delivery.getString("at")).isNotBlank();
        assertThat(gets.getJsonObject("fields").getJsonArray("travel").getValuesAs(JsonString.class))
                .extracting(JsonString::getString).containsExactlyInAnyOrder("givenName", "surname", "mobile");
        assertThat(gets.getJsonObject("fields").getJsonObject("withheld").getString("department")).isEqualTo("fields");
        assertThat(gets.getJsonObject("cap").getInt("position")).as("first by id of the department").isEqualTo(1);
        assertThat(answer.getJsonObject("viewerScope").getString("words"))
                .isEqualTo(member(26) + " is in scope (all-scope-rules-passed): receives contacts, and colleagues may "
                        + "receive theirs.");
    }

    @Test
    void beyondTheCapTheAnswerNamesThePositionAndTheOtherWayRoundTheContactIsDelivered() {
        JsonObject answer = why(member(0), member(26));

        JsonObject gets = answer.getJsonObject("viewerGetsColleague");
        assertThat(gets.getBoolean("delivered")).isFalse();
        assertThat(gets.getJsonObject("cap").getInt("max")).isEqualTo(CAP);
        assertThat(gets.getJsonObject("cap").getInt("position")).isEqualTo(26);
        assertThat(gets.getJsonObject("cap").getBoolean("beyond")).isTrue();
        assertThat(gets.getString("answer")).isEqualTo(member(0) + " does not get " + member(26) + "'s contact: "
                + "same-department grants it, but it is beyond the cap of 25 at position 26.");
        assertThat(admin.contactsOf(member(0)).getInt("count")).as("the cap holds").isEqualTo(CAP);

        JsonObject back = answer.getJsonObject("colleagueGetsViewer");
        assertThat(back.getBoolean("delivered")).isTrue();
        assertThat(back.getString("answer")).startsWith(member(26) + " gets " + member(0) + "'s contact through "
                + "same-department");
    }

    @Test
    void acrossDepartmentsEveryRuleSaysWhyNotOrGrantsThroughTheManagementChainBothWays() {
        JsonObject strangers = why(MANAGED, member(1)).getJsonObject("viewerGetsColleague");
        assertThat(strangers.getBoolean("delivered")).isFalse();
        assertThat(rules(strangers)).containsExactly("same-department: different department",
                "my-manager: the colleague is not among the viewer's managers up to 1 level",
                "my-reports: the colleague does not report to the viewer");
        assertThat(strangers.getString("answer")).isEqualTo(MANAGED + " does not get " + member(1) + "'s contact: "
                + "no visibility rule grants it (same-department: different department, my-manager: the colleague is "
                + "not among the viewer's managers up to 1 level, my-reports: the colleague does not report to the "
                + "viewer).");

        JsonObject answer = why(MANAGED, member(5));
        JsonObject up = answer.getJsonObject("viewerGetsColleague");
        assertThat(rules(up)).containsExactly("same-department: different department", "my-manager grants",
                "my-reports: the colleague does not report to the viewer");
        assertThat(up.getBoolean("delivered")).isTrue();
        assertThat(up.getJsonObject("delivery").getString("rule")).isEqualTo("my-manager");
        // the manager's own department fills the cap first: a report comes after all 26 of it
        JsonObject down = answer.getJsonObject("colleagueGetsViewer");
        assertThat(rules(down)).containsExactly("same-department: different department",
                "my-manager: the viewer has no manager", "my-reports grants");
        assertThat(down.getBoolean("delivered")).isFalse();
        assertThat(down.getString("answer")).isEqualTo(member(5) + " does not get " + MANAGED + "'s contact: "
                + "my-reports grants it, but it is beyond the cap of 25 at position 27.");
    }

    @Test
    void anOptedOutEmployeeIsDeliveredToNobodyAndReceivesNothingWhichBothDirectionsSay() {
        JsonObject answer = why(PARTNER, OPTS_OUT);

        assertThat(answer.getJsonObject("colleagueScope").getString("rule")).isEqualTo("opt-out");
        JsonObject gets = answer.getJsonObject("viewerGetsColleague");
        assertThat(gets.getBoolean("delivered")).isFalse();
        assertThat(rules(gets)).startsWith("same-department grants");
        assertThat(gets.getString("answer")).isEqualTo(PARTNER + " does not get " + OPTS_OUT + "'s contact: "
                + OPTS_OUT + " opted out (opt-out); same-department would grant it otherwise.");
        assertThat(answer.getJsonObject("colleagueGetsViewer").getString("answer")).isEqualTo(OPTS_OUT
                + " does not get " + PARTNER + "'s contact: " + OPTS_OUT + " receives no contacts (opt-out: opted "
                + "out); same-department would grant it otherwise.");
    }

    @Test
    void someoneOutOfScopeIsNamedWithTheRuleThatLeavesThemOut() {
        JsonObject answer = why(MANAGED, NO_MOBILE);

        assertThat(answer.getJsonObject("colleagueScope").getString("words")).isEqualTo(NO_MOBILE
                + " is out of scope (has-mobile: has no mobile): receives nothing, and nobody receives their contact.");
        assertThat(answer.getJsonObject("viewerGetsColleague").getString("answer")).isEqualTo(MANAGED
                + " does not get " + NO_MOBILE + "'s contact: " + NO_MOBILE + " is out of scope (has-mobile: has no "
                + "mobile); same-department would grant it otherwise.");
        assertThat(answer.getJsonObject("colleagueGetsViewer").getString("answer")).isEqualTo(NO_MOBILE
                + " does not get " + MANAGED + "'s contact: " + NO_MOBILE + " receives no contacts (has-mobile: has "
                + "no mobile); same-department would grant it otherwise.");
        assertThat(answer.getJsonObject("viewerGetsColleague").getJsonObject("fields").getJsonArray("travel")
                .getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .as("without a mobile only the names would travel").containsExactlyInAnyOrder("givenName", "surname");
    }

    @Test
    void unknownEmployeesAreNotFoundAndEmployeesMayNotAsk() {
        RosterApi.Reply unknown = admin.get("api/employees/" + member(0) + "/why/nobody-" + RUN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.object().getString("detail")).isEqualTo("No employee with id \"nobody-" + RUN
                + "\" has been read from the directory.");

        assertThat(admin.as("compliance").get("api/employees/" + member(0) + "/why/" + member(1)).status())
                .isEqualTo(200);
        RosterApi.Reply refused = admin.as(OPTS_OUT).get("api/employees/" + member(0) + "/why/" + member(1));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(admin.as("auditor").get("api/employees/" + member(0) + "/why/" + member(1)).status())
                .isEqualTo(403);
    }
}
