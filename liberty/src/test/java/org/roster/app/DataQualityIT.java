package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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

/**
 * An IT admin reads a run's data-quality report: which department has employees sharing a mobile
 * number, without one, with a number written without its country code, and which entries were
 * rejected for an invalid number; as JSON and as a CSV download, with the sharers named by id and
 * the policy's decision about them naming its rule.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DataQualityIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    @Test
    void aRunReportsSharedMissingGuessedAndInvalidNumbersByDepartmentAsJsonAndCsv() throws Exception {
        URI root = URI.create(base.toString()).resolve("/");
        RosterApi admin = new RosterApi(root);
        LdapFixture ldap = LdapFixture.get();
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        // a department name that needs quoting in CSV
        String department = "Quality \"Lab\", " + tag;
        long digits = System.nanoTime() % 100_000_000L;
        String shared = String.format("+49 151 %08d", digits);
        ldap.add(new LdapFixture.Person("dq1-" + tag, "Dana", "Guessed", String.format("0160 %07d", digits % 10_000_000L),
                department, null));
        ldap.add(new LdapFixture.Person("dq2-" + tag, "Dirk", "Sharing", shared, department, null));
        ldap.add(new LdapFixture.Person("dq3-" + tag, "Dora", "Sharing", shared, department, null));
        ldap.add(new LdapFixture.Person("dq4-" + tag, "Dean", "Nomobile", null, department, null));
        ldap.add(new LdapFixture.Person("dq5-" + tag, "Dina", "Invalid", "12", department, null));

        long run = admin.sync().getJsonNumber("id").longValue();

        JsonObject report = admin.get("api/runs/" + run + "/quality").object();
        JsonObject mine = report.getJsonArray("byDepartmentAndSource").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("department").equals(department)).findFirst().orElseThrow();
        assertThat(mine.getString("source")).isEqualTo("directory");
        assertThat(mine.getInt("employees")).isEqualTo(4);
        assertThat(mine.getInt("sharedNumber")).isEqualTo(2);
        assertThat(mine.getInt("missingMobile")).isEqualTo(1);
        assertThat(mine.getInt("guessedRegion")).isEqualTo(1);
        JsonObject total = report.getJsonObject("total");
        assertThat(total.getInt("invalidNumber")).isGreaterThanOrEqualTo(1);
        assertThat(total.getInt("rejected")).isGreaterThanOrEqualTo(total.getInt("invalidNumber"));
        assertThat(report.getJsonArray("sharedNumbers").getValuesAs(JsonObject.class))
                .anySatisfy(number -> {
                    assertThat(number.getInt("sharers")).isEqualTo(2);
                    assertThat(number.getJsonArray("employeeIds").getValuesAs(JsonString.class))
                            .extracting(JsonString::getString).containsExactly("dq2-" + tag, "dq3-" + tag);
                    assertThat(number.getString("rule")).isEqualTo("shared-numbers");
                });
        assertThat(report.toString()).as("no number leaves in the report").doesNotContain(shared.substring(8));

        // the default policy delivers neither sharer, and says so with its rule
        JsonObject scope = admin.get("api/employees/dq2-" + tag).object().getJsonObject("scope");
        assertThat(scope.getString("rule")).isEqualTo("shared-numbers");
        assertThat(scope.getBoolean("delivered")).isFalse();
        assertThat(scope.getString("reason")).startsWith("shares its mobile number with dq3-" + tag);
        assertThat(admin.contactsOf("dq1-" + tag).getJsonArray("contacts").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("id")).doesNotContain("dq2-" + tag, "dq3-" + tag);

        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        root.resolve("api/runs/" + run + "/quality.csv"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:admin".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"roster-run-" + run + "-data-quality.csv\"");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo(
                "department,source,employees,sharedNumber,invalidNumber,missingMobile,guessedRegion,rejected");
        assertThat(lines).contains("\"Quality \"\"Lab\"\", " + tag + "\",\"directory\",4,2,0,1,1,0");
        assertThat(csv.body()).doesNotContain(shared.substring(8));

        // the latest runs' totals, and their chart, say it in words
        assertThat(admin.get("api/runs/quality?limit=5").array().getValuesAs(JsonObject.class))
                .anySatisfy(r -> assertThat(r.getJsonNumber("runId").longValue()).isEqualTo(run));
        RosterApi.Reply chart = admin.get("api/runs/quality-chart.svg?limit=5");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.contentType()).startsWith("image/svg+xml");
        assertThat(chart.body()).contains("<title id=\"quality-title\">Data quality of runs")
                .contains("Latest, run " + run + " (completed): shared numbers ");

        // a run nobody has is refused with a sentence, not a stack trace
        RosterApi.Reply none = admin.get("api/runs/999999/quality");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.body()).contains("There is no run 999999.");
    }
}
