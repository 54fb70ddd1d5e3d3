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
 * A directory that suddenly loses a whole department does not empty people's phones: the run
 * stops before delivering and a directory admin other than the one who started it decides. (The
 * tests' limit is 50 removals per run.) Each test ends with its removals delivered, so the next
 * one starts from a directory whose runs stop for nobody.
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

    private RosterApi admin;
    private RosterApi admin2;
    private LdapFixture ldap;

    @BeforeEach
    void setUp() {
        ldap = LdapFixture.get();
        admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        admin2 = admin.as("admin2");
    }

    /** Nine colleagues are delivered; then eight leave, and the run the starter starts stops before removing them. */
    private JsonObject haltedRun(String department, int numbers, RosterApi starter) {
        for (int i = 0; i < 9; i++) {
            ldap.add(new LdapFixture.Person("v" + i + "-" + department, "V", "Anishing" + i,
                    String.format("0151 83%02d 55%02d", numbers, i), department, null));
        }
        starter.sync();
        assertThat(admin.contactsOf("v0-" + department).getInt("count")).isEqualTo(8);
        for (int i = 1; i < 9; i++) {
            ldap.delete("v" + i + "-" + department);
        }
        JsonObject halted = starter.runToEnd();
        assertThat(halted.getString("status")).as(halted.toString()).isEqualTo("AWAITING_APPROVAL");
        return halted;
    }

    /** As the database's superuser: the run's starter as a provider other than the demo's might spell it. */
    private static void recordStarter(long run, String starter) throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), "roster", "roster");
             PreparedStatement update = db.prepareStatement("update sync_run set started_by = ? where id = ?")) {
            update.setString(1, starter);
            update.setLong(2, run);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private JsonObject approvedAndDelivered(long run, RosterApi approver) {
        RosterApi.Reply approved = approver.post("api/runs/" + run + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(202);
        JsonObject carriedOut = admin.awaitEnd(run);
        assertThat(carriedOut.getString("status")).isEqualTo("COMPLETED");
        return carriedOut;
    }

    @Test
    void aRunThatWouldRemoveTooManyWaitsForAnotherAdminWhoRejectsThenApproves() {
        String department = "Vanishing-" + System.nanoTime();
        String someone = "v0-" + department;
        JsonObject halted = haltedRun(department, 44, admin);

        // someone loses 8 colleagues, and the 8 leavers lose their 8 contacts each: 72 > 50
        assertThat(halted.getString("startedBy")).isEqualTo("admin");
        assertThat(halted.getJsonObject("counts").getJsonNumber("removed").longValue()).isEqualTo(72);
        assertThat(halted.getJsonNumber("removalLimit").longValue()).isEqualTo(50);
        assertThat(halted.getString("error")).contains("would remove 72 contacts");
        assertThat(admin.contactsOf(someone).getInt("count")).as("nothing delivered").isEqualTo(8);
        long haltedId = halted.getJsonNumber("id").longValue();
        assertThat(admin.as("compliance").post("api/runs/" + haltedId + "/approve", "").status()).isEqualTo(403);

        RosterApi.Reply rejected = admin2.post("api/runs/" + haltedId + "/reject", "");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.object().getString("status")).isEqualTo("REJECTED");
        assertThat(rejected.object().getString("decidedBy")).isEqualTo("admin2");
        assertThat(admin2.post("api/runs/" + haltedId + "/approve", "").status()).as("decided once").isEqualTo(409);
        assertThat(admin.contactsOf(someone).getInt("count")).isEqualTo(8);

        JsonObject haltedAgain = admin.runToEnd();
        assertThat(haltedAgain.getString("status")).isEqualTo("AWAITING_APPROVAL");
        JsonObject carriedOut = approvedAndDelivered(haltedAgain.getJsonNumber("id").longValue(), admin2);

        assertThat(carriedOut.getJsonObject("counts").getJsonNumber("removed").longValue()).isEqualTo(72);
        assertThat(carriedOut.getString("decidedBy")).isEqualTo("admin2");
        assertThat(admin.contactsOf(someone).getInt("count")).isZero();
        List<JsonObject> trail = admin.as("auditor").get("api/audit?run=" + haltedId).array().getValuesAs(JsonObject.class);
        assertThat(trail).extracting(r -> r.getString("action") + " by " + r.getString("actor"))
                .contains("run.started by admin", "run.awaiting-approval by system", "run.rejected by admin2");
    }

    @Test
    void whoeverStartedARunCanNeitherApproveNorRejectItsRemovals() {
        String department = "SelfApproved-" + System.nanoTime();
        long halted = haltedRun(department, 45, admin).getJsonNumber("id").longValue();

        RosterApi.Reply approval = admin.post("api/runs/" + halted + "/approve", "");
        assertThat(approval.status()).isEqualTo(409);
        assertThat(approval.contentType()).startsWith("application/problem+json");
        assertThat(approval.object().getString("detail")).isEqualTo("You started run " + halted
                + "; another directory admin must approve its removals (four eyes).");

        RosterApi.Reply rejection = admin.post("api/runs/" + halted + "/reject", "");
        assertThat(rejection.status()).isEqualTo(409);
        assertThat(rejection.object().getString("detail")).isEqualTo("You started run " + halted
                + "; another directory admin must reject its removals (four eyes).");

        JsonObject still = admin.get("api/runs/" + halted).object();
        assertThat(still.getString("status")).as("neither refusal decided anything").isEqualTo("AWAITING_APPROVAL");
        assertThat(still.getString("decidedBy", null)).isNull();
        assertThat(admin.contactsOf("v0-" + department).getInt("count")).isEqualTo(8);
        assertThat(admin.as("auditor").get("api/audit?run=" + halted).array().getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("action")).doesNotContain("run.approved", "run.rejected");

        approvedAndDelivered(halted, admin2);
        assertThat(admin.contactsOf("v0-" + department).getInt("count")).isZero();
    }

    @Test
    void aNameDifferingOnlyInCaseOrWidthIsTheSameAdmin() throws SQLException {
        String department = "CaseVariant-" + System.nanoTime();
        long halted = haltedRun(department, 46, admin2).getJsonNumber("id").longValue();

        for (String spelling : new String[] {"ADMIN", "\uFF21\uFF44\uFF4D\uFF49\uFF4E"}) {
            recordStarter(halted, spelling);
            RosterApi.Reply approval = admin.post("api/runs/" + halted + "/approve", "");
            assertThat(approval.status()).as(spelling).isEqualTo(409);
            assertThat(approval.object().getString("detail")).isEqualTo("You started run " + halted
                    + "; another directory admin must approve its removals (four eyes).");
        }

        approvedAndDelivered(halted, admin2);
    }

    @Test
    void aRunTheSystemStartedAnyAdminMayApprove() throws SQLException {
        String department = "Scheduled-" + System.nanoTime();
        long halted = haltedRun(department, 47, admin).getJsonNumber("id").longValue();
        // as a schedule or the start-up sync records it
        recordStarter(halted, "system");

        JsonObject carriedOut = approvedAndDelivered(halted, admin);

        assertThat(carriedOut.getString("startedBy")).isEqualTo("system");
        assertThat(carriedOut.getString("decidedBy")).isEqualTo("admin");
        assertThat(admin.contactsOf("v0-" + department).getInt("count")).isZero();
    }
}
