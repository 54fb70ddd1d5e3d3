package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The server's surface: health, the API description, errors, the page and its security headers. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    private RosterApi api;

    @BeforeEach
    void setUp() {
        LdapFixture.get();
        api = new RosterApi(URI.create(base.toString()).resolve("/"));
    }

    @Test
    void healthIsUpWhenTheDatabaseAnswersAndTheDirectoryHasItsOwnCheck() {
        RosterApi.Reply health = api.get("health/ready");

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.object().getString("status")).isEqualTo("UP");
        assertThat(health.body()).contains("\"database\"").doesNotContain("\"directory\"");
        // the directory's answer comes from a background check, a few seconds old at most
        RosterApi anonymous = new RosterApi(URI.create(base.toString()).resolve("/"), null);
        await("the directory check is UP").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> anonymous.get("api/health/directory").status() == 200);
        assertThat(anonymous.get("api/health/directory").object().getString("status")).isEqualTo("UP");
    }

    @Test
    void openApiDescribesTheRunsAndEmployeesResources() {
        RosterApi.Reply openapi = api.get("openapi");

        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/runs").contains("/api/runs/{id}")
                .contains("/api/employees/{id}/contacts");
    }

    @Test
    void metricsCountRunsAndContactsWithoutCredentials() {
        api.sync();

        RosterApi.Reply metrics = new RosterApi(URI.create(base.toString()).resolve("/"), null).get("metrics?scope=application");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("roster_runs_total").contains("status=\"COMPLETED\"")
                .contains("roster_entries_read_total").contains("roster_contacts_total")
                .containsPattern("roster_deliveries_total\\{[^}]*outcome=\"delivered\"")
                .contains("roster_run_duration_seconds");
    }

    @Test
    void runsStartedAtOnceGetOneRunAndConflictsThatSayWhy() {
        List<CompletableFuture<RosterApi.Reply>> asked = List.of(1, 2, 3).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> api.post("api/runs", "{\"dryRun\": true}"))).toList();
        List<RosterApi.Reply> replies = asked.stream().map(CompletableFuture::join).toList();

        List<RosterApi.Reply> started = replies.stream().filter(r -> r.status() == 202).toList();
        assertThat(started).as("one run starts").hasSize(1);
        for (RosterApi.Reply refused : replies.stream().filter(r -> r.status() != 202).toList()) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.object().getString("detail"))
                    .isEqualTo("A run is already in progress; wait for it to finish, then start another.");
        }
        api.awaitEnd(started.get(0).object().getJsonNumber("id").longValue());
    }

    @Test
    void anUnknownRunIsAProblemNamingTheRun() {
        RosterApi.Reply missing = api.get("api/runs/987654");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        JsonObject problem = missing.object();
        assertThat(problem.getString("detail")).isEqualTo("There is no run 987654.");
        assertThat(problem.getInt("status")).isEqualTo(404);
    }

    @Test
    void aBadLimitIsRefusedWithTheReason() {
        RosterApi.Reply bad = api.get("api/runs?limit=0");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.object().getString("detail")).contains("limit must be between 1 and 500");
    }

    @Test
    void theRunsPageIsServedWithoutInlineCodeAllowed() {
        RosterApi.Reply page = api.get("");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\">");
        assertThat(api.get("app.js").status()).isEqualTo(200);
    }
}
