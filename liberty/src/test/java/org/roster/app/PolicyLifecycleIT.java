package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

/**
 * A compliance officer changes the policy: drafts it, simulates it, gets a colleague to approve it,
 * publishes it, sees the next run apply it, and rolls back, which a colleague approves too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PolicyLifecycleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    private RosterApi admin;
    private RosterApi compliance;
    private RosterApi compliance2;

    @BeforeEach
    void setUp() {
        LdapFixture.get();
        admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        compliance = admin.as("compliance");
        compliance2 = admin.as("compliance2");
    }

    private static String policyExcluding(String department) {
        return """
                policy: default-without-a-department
                description: The default, without one department.
                scope:
                  - id: has-mobile
                    require: mobile
                  - id: not-that-department
                    exclude: {field: department, equals: "%s"}
                fields: [givenName, surname, mobile]
                visibility:
                  - id: same-department
                    same: department
                """.formatted(department);
    }

    @Test
    void aPolicyIsDraftedSimulatedApprovedByAnotherOfficerPublishedAppliedAndRolledBack() {
        LdapFixture ldap = LdapFixture.get();
        String kept = "Kept-" + System.nanoTime();
        String dropped = "Dropped-" + System.nanoTime();
        for (int i = 0; i < 2; i++) {
            ldap.add(new LdapFixture.Person("k" + i + "-" + kept, "K", "Kept" + i, "0151 5555 000" + i, kept, null));
            ldap.add(new LdapFixture.Person("d" + i + "-" + dropped, "D", "Dropped" + i, "0151 6666 000" + i, dropped, null));
        }
        admin.sync();
        long original = compliance.get("api/policies/active").object().getJsonNumber("id").longValue();

        RosterApi.Reply drafted = compliance.postText("api/policies", "application/yaml", policyExcluding(dropped));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        long draft = drafted.object().getJsonNumber("id").longValue();

        JsonObject simulation = compliance.post("api/policies/" + draft + "/simulate", "").object();
        assertThat(simulation.getJsonObject("byRule").getJsonNumber("not-that-department").longValue()).isEqualTo(2);
        assertThat(simulation.getJsonNumber("removes").longValue()).isEqualTo(2);
        assertThat(simulation.getJsonNumber("adds").longValue()).isZero();
        assertThat(admin.contactsOf("d0-" + dropped).getInt("count")).as("a simulation delivers nothing").isEqualTo(1);

        RosterApi.Reply selfApproval = compliance.post("api/policies/" + draft + "/approve", "");
        assertThat(selfApproval.status()).isEqualTo(409);
        assertThat(selfApproval.object().getString("detail")).contains("another compliance officer must approve it");
        assertThat(compliance.post("api/policies/" + draft + "/publish", "").status())
                .as("an unapproved draft is not published").isEqualTo(409);

        assertThat(compliance2.post("api/policies/" + draft + "/approve", "").status()).isEqualTo(200);
        assertThat(compliance.post("api/policies/" + draft + "/publish", "").status()).isEqualTo(200);
        assertThat(compliance.get("api/policies/active").object().getJsonNumber("id").longValue()).isEqualTo(draft);

        JsonObject applied = admin.sync();
        assertThat(applied.getString("policy")).isEqualTo("default-without-a-department");
        assertThat(applied.getJsonObject("counts").getJsonNumber("removed").longValue()).isEqualTo(2);
        assertThat(admin.contactsOf("d0-" + dropped).getInt("count")).isZero();
        assertThat(admin.contactsOf("k0-" + kept).getInt("count")).isEqualTo(1);
        JsonObject droppedPerson = admin.get("api/employees/d0-" + dropped).object();
        assertThat(droppedPerson.getJsonObject("scope").getString("rule")).isEqualTo("not-that-department");

        // restoring is a change like any other: a draft, approved by a second officer, then published
        RosterApi.Reply rolledBack = compliance.post("api/policies/" + original + "/rollback", "");
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(201);
        JsonObject copy = rolledBack.object();
        long restoring = copy.getJsonNumber("id").longValue();
        assertThat(copy.getString("status")).isEqualTo("DRAFT");
        assertThat(copy.getString("author")).isEqualTo("compliance");
        assertThat(copy.getString("note")).isEqualTo("restores version " + original);
        assertThat(compliance.get("api/policies/" + restoring).object().getString("text"))
                .isEqualTo(compliance.get("api/policies/" + original).object().getString("text"));
        assertThat(compliance.get("api/policies/active").object().getJsonNumber("id").longValue())
                .as("nothing is published by restoring alone").isEqualTo(draft);
        RosterApi.Reply restorerApproves = compliance.post("api/policies/" + restoring + "/approve", "");
        assertThat(restorerApproves.status()).isEqualTo(409);
        assertThat(restorerApproves.object().getString("detail")).isEqualTo("Version " + restoring
                + " was written by compliance; another compliance officer must approve it (four eyes).");
        assertThat(compliance.post("api/policies/" + restoring + "/publish", "").status()).isEqualTo(409);
        assertThat(compliance2.post("api/policies/" + restoring + "/approve", "").status()).isEqualTo(200);
        assertThat(compliance.post("api/policies/" + restoring + "/publish", "").status()).isEqualTo(200);
        JsonObject restored = admin.sync();
        assertThat(restored.getString("policy")).isEqualTo("default");
        assertThat(restored.getJsonObject("counts").getJsonNumber("added").longValue()).isEqualTo(2);

        List<JsonObject> history = compliance.get("api/policies").array().getValuesAs(JsonObject.class);
        assertThat(history).extracting(p -> p.getString("status")).startsWith("PUBLISHED", "SUPERSEDED");
        List<JsonObject> trail = admin.as("auditor").get("api/audit?subject=policy:" + draft).array()
                .getValuesAs(JsonObject.class);
        assertThat(trail).extracting(r -> r.getString("action") + " by " + r.getString("actor"))
                .contains("policy.drafted by compliance", "policy.simulated by compliance",
                        "policy.approved by compliance2", "policy.published by compliance");
        assertThat(admin.as("auditor").get("api/audit?subject=policy:" + restoring).array()
                .getValuesAs(JsonObject.class)).extracting(r -> r.getString("action") + " by " + r.getString("actor"))
                .containsExactly("policy.published by compliance", "policy.approved by compliance2",
                        "policy.rolled-back by compliance");
    }

    @Test
    void anAuthorCannotApproveTheirDraftUnderAnotherSpellingOfTheirName() throws SQLException {
        long draft = compliance.postText("api/policies", "application/yaml", policyExcluding("Nobody-"
                + System.nanoTime())).object().getJsonNumber("id").longValue();
        // as the database's superuser: the author as an identity provider might spell them
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), "roster", "roster");
             PreparedStatement update = db.prepareStatement("update policy_version set author = ? where id = ?")) {
            update.setString(1, "COMPLIANCE2");
            update.setLong(2, draft);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        RosterApi.Reply approval = compliance2.post("api/policies/" + draft + "/approve", "");

        assertThat(approval.status()).isEqualTo(409);
        assertThat(approval.object().getString("detail")).isEqualTo("Version " + draft
                + " was written by COMPLIANCE2; another compliance officer must approve it (four eyes).");
        assertThat(compliance.post("api/policies/" + draft + "/approve", "").status()).isEqualTo(200);
    }

    @Test
    void anInvalidPolicyIsRefusedWithTheLineOfEachProblemAndNothingIsStored() {
        int before = compliance.get("api/policies").array().size();

        RosterApi.Reply refused = compliance.postText("api/policies", "application/yaml", """
                policy: broken
                fields: [givenName, nickname]
                visibility:
                  - id: Bad Id
                    same: department
                """);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        List<JsonObject> problems = refused.object().getJsonArray("problems").getValuesAs(JsonObject.class);
        assertThat(problems).extracting(p -> p.getInt("line")).containsExactly(2, 4);
        assertThat(problems.get(0).getString("message")).contains("unknown field \"nickname\"");
        assertThat(compliance.get("api/policies").array()).hasSize(before);

        JsonObject validation = compliance.postText("api/policies/validate", "application/yaml", "policy: x\n")
                .object();
        assertThat(validation.getBoolean("valid")).isFalse();
    }

    @Test
    void onlyComplianceOfficersChangePolicies() {
        for (String user : new String[] {"admin", "auditor", "p000100"}) {
            assertThat(admin.as(user).postText("api/policies", "application/yaml", policyExcluding("x")).status())
                    .as(user).isEqualTo(403);
        }
        assertThat(admin.as("auditor").get("api/policies").status()).isEqualTo(200);
        RosterApi.Reply schema = compliance.get("api/policies/schema");
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.body()).contains("\"title\": \"Roster policy\"");
    }
}
