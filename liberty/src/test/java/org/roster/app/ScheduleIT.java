package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Two Roster servers on one PostgreSQL follow one schedule: every fire time starts one run, on one
 * of them, runs never overlap, and when one server stops the other goes on with the schedule.
 */
class ScheduleIT {

    private static final Duration EVERY = Duration.ofSeconds(3);

    private static List<JsonObject> scheduledRuns(RosterApi api) {
        return api.get("api/runs?limit=500").array().getValuesAs(JsonObject.class).stream()
                .filter(r -> "schedule".equals(r.getString("trigger")))
                .sorted(Comparator.comparing(r -> r.getString("scheduledFor"))).toList();
    }

    private static long completed(RosterApi api) {
        return scheduledRuns(api).stream().filter(r -> "COMPLETED".equals(r.getString("status"))).count();
    }

    @Test
    void twoServersRunEachFireTimeOnceAndTheScheduleOutlivesEitherOfThem() throws Exception {
        String url = System.getProperty("it.db.url");
        try (var db = DriverManager.getConnection(url, "roster", "roster"); var sql = db.createStatement()) {
            sql.execute("drop database if exists roster_schedules");
            sql.execute("create database roster_schedules");
        }
        Map<String, String> shared = Map.of(
                "ROSTER_DB_URL", url.substring(0, url.lastIndexOf('/')) + "/roster_schedules",
                "ROSTER_DEMO_SIZE", "60",
                "ROSTER_SYNC_ON_START", "false",
                "ROSTER_SCHEDULE", "none",
                "ROSTER_SCHEDULE_POLL", "PT0.2S",
                // two test servers on a database of their own, signing in demo users
                "ROSTER_AUTH_ALLOW_DEMO", "true");
        try (LibertyProcess a = LibertyProcess.create("schedule-a", with(shared, "server-a"));
             LibertyProcess b = LibertyProcess.create("schedule-b", with(shared, "server-b"))) {
            // independent until the schedule is set: both start at once
            a.launch();
            b.launch();
            a.awaitAnswer();
            b.awaitAnswer();
            RosterApi api = a.api();

            RosterApi.Reply set = api.put("api/schedules/directory", "application/json",
                    "{\"interval\": \"" + EVERY + "\"}");
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(b.api().get("api/schedules/directory").object().getString("expression")).isEqualTo("PT3S");

            await("six scheduled runs").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                    .until(() -> completed(api) >= 6);
            a.stop();
            long whileBoth = scheduledRuns(b.api()).size();
            await("three more on the server left").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                    .until(() -> completed(b.api()) >= whileBoth + 3);
            assertThat(b.api().send("DELETE", "api/schedules/directory").status()).isEqualTo(200);

            List<JsonObject> runs = scheduledRuns(b.api());
            for (int i = 1; i < runs.size(); i++) {
                Instant previous = Instant.parse(runs.get(i - 1).getString("scheduledFor"));
                Instant next = Instant.parse(runs.get(i).getString("scheduledFor"));
                Duration apart = Duration.between(previous, next);
                assertThat(apart).as("fire times of runs %s and %s", runs.get(i - 1).getJsonNumber("id"),
                        runs.get(i).getJsonNumber("id")).isPositive();
                assertThat(apart.toMillis() % EVERY.toMillis()).as("in step with the interval").isZero();
                if (runs.get(i - 1).containsKey("finishedAt") && !runs.get(i - 1).isNull("finishedAt")) {
                    assertThat(Instant.parse(runs.get(i).getString("startedAt")))
                            .as("runs never overlap").isAfterOrEqualTo(Instant.parse(runs.get(i - 1).getString("finishedAt")));
                }
            }
            assertThat(runs.subList((int) whileBoth, runs.size())).extracting(r -> r.getString("server"))
                    .as("after server-a stopped").containsOnly("server-b");
            assertThat(runs).extracting(r -> r.getString("status")).containsOnly("COMPLETED");
        }
    }

    private static Map<String, String> with(Map<String, String> shared, String serverId) {
        Map<String, String> env = new HashMap<>(shared);
        env.put("ROSTER_SERVER_ID", serverId);
        env.put("ROSTER_DEMO_LDAP_PORT", Integer.toString(LibertyProcess.freePort()));
        env.put("ROSTER_DB_EMBEDDED_PORT", Integer.toString(LibertyProcess.freePort()));
        return env;
    }
}
